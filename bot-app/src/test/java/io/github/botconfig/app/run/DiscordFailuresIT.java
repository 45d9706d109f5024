package io.github.botconfig.app.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.botconfig.bot.testing.FakeDiscord;
import io.github.botconfig.dynamodb.DynamoDbConfigStore;
import io.github.botconfig.dynamodb.testing.LocalDynamoDbExtension;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What {@code run} says when Discord cannot be reached or refuses the token: one line, the cause.
 */
class DiscordFailuresIT {
  @RegisterExtension
  static final LocalDynamoDbExtension DYNAMODB = LocalDynamoDbExtension.dynalite();

  private static final String TOKEN =
      "MTE4MDU4NjQxMjQzNDgxNzAyNA.GabcDE.the-secret-part-of-the-token";
  private static final Duration LIMIT = Duration.ofSeconds(90);
  private final Map<String, String> environment = new HashMap<>();

  @BeforeEach
  void table() {
    DynamoDbConfigStore store = DYNAMODB.newStore(Clock.systemUTC());
    environment.put("DISCORD_TOKEN", TOKEN);
    environment.put("AWS_ENDPOINT_URL_DYNAMODB", DYNAMODB.endpoint().toString());
    environment.put("BOTCONFIG_TABLE", store.tableName());
  }

  private static long errorLines(String output) {
    return output.lines().filter(line -> line.startsWith("error: ")).count();
  }

  @Test
  void withoutNetworkItSaysWhichHostCouldNotBeReachedWithoutAStackTrace() throws Exception {
    environment.put("BOTCONFIG_DISCORD_REST_URL", "https://discord.nosuch.invalid/api/v10/");

    try (BotProcess bot = BotProcess.start(environment, "run")) {
      assertThat(bot.awaitExit(LIMIT)).as(bot.output()).isEqualTo(3);
      assertThat(errorLines(bot.output())).isEqualTo(1);
      assertThat(bot.output())
          .contains("error: cannot reach discord.nosuch.invalid")
          .doesNotContain("\tat ")
          .doesNotContain("CompletionException")
          .doesNotContain(TOKEN);
    }
  }

  @Test
  void aRejectedTokenIsSaidAsSuchAndNeverShown() throws Exception {
    MockWebServer discord = new MockWebServer();
    discord.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return new MockResponse.Builder()
                .code(401)
                .addHeader("Content-Type", "application/json")
                .body("{\"message\": \"401: Unauthorized\", \"code\": 0}")
                .build();
          }
        });
    discord.start(InetAddress.getByName("127.0.0.1"), 0);
    try (discord) {
      environment.put("BOTCONFIG_DISCORD_REST_URL", discord.url("/api/v10/").toString());

      try (BotProcess bot = BotProcess.start(environment, "run")) {
        assertThat(bot.awaitExit(LIMIT)).as(bot.output()).isEqualTo(2);
        assertThat(errorLines(bot.output())).isEqualTo(1);
        assertThat(bot.output())
            .contains("error: Discord rejected the token")
            .doesNotContain("\tat ")
            .doesNotContain(TOKEN);
      }
    }
  }

  /**
   * Runs the bot against a fake Discord whose gateway closes every session with {@code closeCode};
   * checks it exits 2 with one error line, no stack trace and no token, and returns its output.
   */
  private String runAgainstAGatewayThatCloses(int closeCode, String reason) throws Exception {
    try (FakeDiscord discord = FakeDiscord.start()) {
      discord.refuseIdentify(closeCode, reason);
      environment.put("BOTCONFIG_DISCORD_REST_URL", discord.restConfig().getBaseUrl());
      environment.put("BOTCONFIG_DISCORD_GATEWAY_URL", discord.gatewayUrl());

      try (BotProcess bot = BotProcess.start(environment, "run")) {
        assertThat(bot.awaitExit(LIMIT)).as(bot.output()).isEqualTo(2);
        assertThat(errorLines(bot.output())).as(bot.output()).isEqualTo(1);
        assertThat(bot.output()).doesNotContain("\tat ").doesNotContain(TOKEN);
        return bot.output();
      }
    }
  }

  @Test
  void intentsDiscordRefusesAreSaidAsSuchWithWhereToEnableThem() throws Exception {
    String output = runAgainstAGatewayThatCloses(4014, "Disallowed intent(s).");

    assertThat(output)
        .contains("error: Discord refused the bot's gateway intents (close code 4014")
        .contains("Privileged Gateway Intents");
  }

  @Test
  void aTokenTheGatewayRejectsIsSaidAsSuchAndNeverShown() throws Exception {
    String output = runAgainstAGatewayThatCloses(4004, "Authentication failed.");

    assertThat(output).contains("error: Discord rejected the token");
  }

  /**
   * No network at all, as on a machine whose link is down: the bot runs in a network namespace of
   * its own ({@code unshare -n}, only a loopback interface, down), with Discord at its real
   * address. Neither DynamoDB nor Discord can be reached; the bot starts without the table and says
   * once that Discord's name does not resolve.
   */
  @Test
  void withNoNetworkAtAllItSaysSoInOneLine() throws Exception {
    assumeTrue(
        Files.isExecutable(Path.of("/usr/bin/unshare")),
        "needs unshare (util-linux) to run the bot without network");
    Process probe = new ProcessBuilder("/usr/bin/unshare", "-n", "true").start();
    assumeTrue(
        probe.waitFor() == 0,
        "needs the right to make a network namespace (unshare -n: root, or CAP_SYS_ADMIN)");
    environment.put("BOTCONFIG_INITIAL_LOAD_WAIT", "1s");

    try (BotProcess bot =
        BotProcess.startWrapped(List.of("/usr/bin/unshare", "-n"), environment, "run")) {
      assertThat(bot.awaitExit(LIMIT)).as(bot.output()).isEqualTo(3);
      assertThat(errorLines(bot.output())).as(bot.output()).isEqualTo(1);
      assertThat(bot.output())
          .contains("error: cannot reach discord.com")
          .doesNotContain("\tat ")
          .doesNotContain("CompletionException")
          .doesNotContain("UnknownHostException")
          .doesNotContain(TOKEN);
    }
  }
}
