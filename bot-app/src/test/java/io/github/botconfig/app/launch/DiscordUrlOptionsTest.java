package io.github.botconfig.app.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Discord REST and gateway overrides carry the bot's token: plain {@code http}/{@code ws} is
 * accepted only to this machine (the fake Discord of the tests, a local proxy).
 */
class DiscordUrlOptionsTest {
  private static final String REST = "BOTCONFIG_DISCORD_REST_URL";
  private static final String GATEWAY = "BOTCONFIG_DISCORD_GATEWAY_URL";

  private static LaunchOptions load(Map<String, String> env) {
    return LaunchOptionsLoader.load(env, Map.of()).options();
  }

  @Test
  void plainHttpAndWsToAnotherMachineAreRefusedOneLineEachNamingTheValue() {
    assertThatThrownBy(
            () ->
                load(
                    Map.of(
                        REST, "http://10.1.2.3:8080/api/v10/",
                        GATEWAY, "ws://gateway.example.net/")))
        .isInstanceOfSatisfying(
            InvalidLaunchOptionsException.class,
            e ->
                assertThat(e.problems())
                    .containsExactly(
                        "BOTCONFIG_DISCORD_REST_URL must start with https:// unless its host is this"
                            + " machine (127.0.0.1, [::1] or localhost): the bot's token would cross"
                            + " the network in clear text, got 'http://10.1.2.3:8080/api/v10/'",
                        "BOTCONFIG_DISCORD_GATEWAY_URL must start with wss:// unless its host is"
                            + " this machine (127.0.0.1, [::1] or localhost): the bot's token would"
                            + " cross the network in clear text, got 'ws://gateway.example.net/'"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        // Names, however they look: DNS or a hosts file decides where they go.
        "http://127.0.0.1.example.net/api/v10/",
        "http://localhost.example.net/api/v10/",
        "http://127.example.net/api/v10/",
        // Every address of the machine but loopback is reachable from elsewhere.
        "http://0.0.0.0:8080/api/v10/",
        "http://[::]:8080/api/v10/",
        "http://[fe80::1]:8080/api/v10/",
        "http://192.168.1.10/api/v10/",
      })
  void aHostThatIsNotALoopbackLiteralOrLocalhostGetsNoPlainHttp(String url) {
    assertThatThrownBy(() -> load(Map.of(REST, url)))
        .isInstanceOfSatisfying(
            InvalidLaunchOptionsException.class,
            e ->
                assertThat(e.problems())
                    .singleElement()
                    .asString()
                    .startsWith(REST + " must start with https://")
                    .endsWith("got '" + url + "'"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://127.0.0.1:41234/api/v10/",
        "http://127.45.6.7/api/v10/",
        "http://localhost:41234/api/v10/",
        "http://LOCALHOST:41234/api/v10/",
        "http://[::1]:41234/api/v10/",
      })
  void theLoopbackRangeAndLocalhostMayUsePlainHttpAsTheFakeDiscordDoes(String url) {
    LaunchOptions options = load(Map.of(REST, url));

    assertThat(options.discordRestUrl()).contains(URI.create(url));
  }

  @Test
  void aLoopbackGatewayMayUsePlainWs() {
    LaunchOptions options = load(Map.of(GATEWAY, "ws://127.0.0.1:41235/"));

    assertThat(options.discordGatewayUrl()).contains(URI.create("ws://127.0.0.1:41235/"));
  }

  @Test
  void httpsAndWssGoAnywhere() {
    LaunchOptions options =
        load(
            Map.of(
                REST, "https://discord-proxy.example.net/api/v10/",
                GATEWAY, "wss://gateway-proxy.example.net/"));

    assertThat(options.discordRestUrl())
        .contains(URI.create("https://discord-proxy.example.net/api/v10/"));
    assertThat(options.discordGatewayUrl())
        .contains(URI.create("wss://gateway-proxy.example.net/"));
  }
}
