package io.github.botconfig.app.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.botconfig.domain.GuildId;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LaunchOptionsLoaderTest {
  private static final String TOKEN = "MTE4MDU4NjQxMjQzNDgxNzAyNA.GabcDE.secret-part_0123456789";

  @TempDir Path dir;

  private static LaunchOptions load(Map<String, String> env) {
    return LaunchOptionsLoader.load(env, Map.of()).options();
  }

  @Test
  void defaultsNeedNoSettingAtAll() {
    LaunchOptions options = load(Map.of());

    assertThat(options.token()).isEmpty();
    assertThat(options.table()).isEqualTo("discord-bot-config");
    assertThat(options.refreshInterval()).isEqualTo(Duration.ofMinutes(30));
    assertThat(options.changePollInterval()).isEqualTo(Duration.ofSeconds(5));
    assertThat(options.purgeGracePeriod()).isEqualTo(Duration.ofDays(7));
    assertThat(options.logLevel()).isEqualTo("INFO");
    assertThat(options.logFormat()).isEqualTo(LogFormat.TEXT);
    assertThat(options.usesEmbeddedStore()).isTrue();
  }

  @Test
  void everyVariableIsRead() {
    LaunchOptions options =
        load(
            Map.ofEntries(
                Map.entry("DISCORD_TOKEN", TOKEN),
                Map.entry("BOTCONFIG_TABLE", "my_table.v2"),
                Map.entry("AWS_REGION", "eu-west-3"),
                Map.entry("AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:8000"),
                Map.entry("BOTCONFIG_REFRESH_INTERVAL", "PT10M"),
                Map.entry("BOTCONFIG_CHANGE_POLL_INTERVAL", "0"),
                Map.entry("BOTCONFIG_INITIAL_LOAD_WAIT", "5s"),
                Map.entry("BOTCONFIG_PURGE_GRACE_PERIOD", "2d"),
                Map.entry("BOTCONFIG_DEV_GUILD_ID", "1180586412434817024"),
                Map.entry("BOTCONFIG_LOG_LEVEL", "debug"),
                Map.entry("BOTCONFIG_LOG_FORMAT", "JSON")));

    assertThat(options.token().orElseThrow().reveal()).isEqualTo(TOKEN);
    assertThat(options.table()).isEqualTo("my_table.v2");
    assertThat(options.region()).contains("eu-west-3");
    assertThat(options.endpoint()).contains(URI.create("http://127.0.0.1:8000"));
    assertThat(options.refreshInterval()).isEqualTo(Duration.ofMinutes(10));
    assertThat(options.changePollInterval()).isZero();
    assertThat(options.initialLoadWait()).isEqualTo(Duration.ofSeconds(5));
    assertThat(options.purgeGracePeriod()).isEqualTo(Duration.ofDays(2));
    assertThat(options.devGuildId()).contains(GuildId.of("1180586412434817024"));
    assertThat(options.logLevel()).isEqualTo("DEBUG");
    assertThat(options.logFormat()).isEqualTo(LogFormat.JSON);
    assertThat(options.usesEmbeddedStore()).isFalse();
  }

  @Test
  void optionsWinOverTheEnvironment() {
    LaunchOptions options =
        LaunchOptionsLoader.load(
                Map.of("BOTCONFIG_TABLE", "from-env"), Map.of(LaunchOption.TABLE, "from-option"))
            .options();

    assertThat(options.table()).isEqualTo("from-option");
  }

  @Test
  void everyProblemIsReportedAtOnceNamingSettingAndValue() {
    assertThatThrownBy(
            () ->
                load(
                    Map.of(
                        "BOTCONFIG_TABLE", "a b",
                        "AWS_REGION", "Paris",
                        "AWS_ENDPOINT_URL_DYNAMODB", "localhost:8000",
                        "BOTCONFIG_REFRESH_INTERVAL", "soon",
                        "BOTCONFIG_CHANGE_POLL_INTERVAL", "500ms",
                        "BOTCONFIG_PURGE_GRACE_PERIOD", "5m",
                        "BOTCONFIG_DEV_GUILD_ID", "#general",
                        "BOTCONFIG_LOG_LEVEL", "LOUD",
                        "BOTCONFIG_LOG_FORMAT", "xml")))
        .isInstanceOfSatisfying(
            InvalidLaunchOptionsException.class,
            e ->
                assertThat(e.problems())
                    .containsExactly(
                        "BOTCONFIG_TABLE must be 3 to 255 letters, digits, '_', '-' or '.', got 'a b'",
                        "AWS_REGION must be an AWS region such as eu-west-3, got 'Paris'",
                        "AWS_ENDPOINT_URL_DYNAMODB must be a URL starting with http:// or https://, such as http://127.0.0.1:8000, got 'localhost:8000'",
                        "BOTCONFIG_REFRESH_INTERVAL must be a duration such as 30s, 30m, 2h, 7d or PT30M, got 'soon'",
                        "BOTCONFIG_CHANGE_POLL_INTERVAL must be 0 (off) or at least 1s, got '500ms'",
                        "BOTCONFIG_PURGE_GRACE_PERIOD must be at least 1h, got '5m'",
                        "BOTCONFIG_DEV_GUILD_ID must be a guild id (digits only), got '#general'",
                        "BOTCONFIG_LOG_LEVEL must be one of TRACE, DEBUG, INFO, WARN, ERROR, got 'LOUD'",
                        "BOTCONFIG_LOG_FORMAT must be 'text' or 'json', got 'xml'"));
  }

  @Test
  void tokenFromAFileIsRead() throws Exception {
    Path file = Files.writeString(dir.resolve("token"), TOKEN + "\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

    LaunchOptionsLoader loader =
        LaunchOptionsLoader.load(Map.of("DISCORD_TOKEN_FILE", file.toString()), Map.of());

    assertThat(loader.options().token().orElseThrow().reveal()).isEqualTo(TOKEN);
    assertThat(loader.warnings()).isEmpty();
  }

  @Test
  void aTokenFileOthersCanReadIsAWarning() throws Exception {
    Path file = Files.writeString(dir.resolve("token"), TOKEN);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

    LaunchOptionsLoader loader =
        LaunchOptionsLoader.load(Map.of("DISCORD_TOKEN_FILE", file.toString()), Map.of());

    assertThat(loader.options().token()).isPresent();
    assertThat(loader.warnings())
        .containsExactly(
            "DISCORD_TOKEN_FILE "
                + file
                + " can be read by other users; restrict it: chmod 600 "
                + file);
  }

  @Test
  void tokenProblemsNeverShowTheToken() {
    String withSpace = TOKEN + " extra";
    assertThatThrownBy(() -> load(Map.of("DISCORD_TOKEN", withSpace)))
        .hasMessage(
            "DISCORD_TOKEN contains spaces or control characters: it is not a Discord token")
        .hasMessageNotContaining("secret-part");
    assertThatThrownBy(() -> load(Map.of("DISCORD_TOKEN", TOKEN, "DISCORD_TOKEN_FILE", "/x")))
        .hasMessageContaining("both set")
        .hasMessageNotContaining("secret-part");
    assertThatThrownBy(() -> load(Map.of("DISCORD_TOKEN_FILE", dir.resolve("missing").toString())))
        .hasMessage("DISCORD_TOKEN_FILE: no such file: " + dir.resolve("missing"));
  }

  @Test
  void theTokenHidesItselfFromToString() {
    LaunchOptions options = load(Map.of("DISCORD_TOKEN", TOKEN));

    assertThat(options.toString()).doesNotContain(TOKEN).contains("DiscordToken[hidden]");
  }

  @Test
  void blankVariablesCountAsUnset() {
    assertThat(load(Map.of("BOTCONFIG_TABLE", "  ", "AWS_REGION", "")).table())
        .isEqualTo("discord-bot-config");
  }
}
