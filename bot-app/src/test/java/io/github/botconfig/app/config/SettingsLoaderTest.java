package io.github.botconfig.app.config;

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

class SettingsLoaderTest {
  private static final String TOKEN = "MTE4MDU4NjQxMjQzNDgxNzAyNA.GabcDE.secret-part_0123456789";

  @TempDir Path dir;

  private static AppSettings load(Map<String, String> env) {
    return SettingsLoader.load(env, Map.of()).settings();
  }

  @Test
  void defaultsNeedNoSettingAtAll() {
    AppSettings settings = load(Map.of());

    assertThat(settings.token()).isEmpty();
    assertThat(settings.table()).isEqualTo("discord-bot-config");
    assertThat(settings.refreshInterval()).isEqualTo(Duration.ofMinutes(30));
    assertThat(settings.changePollInterval()).isEqualTo(Duration.ofSeconds(5));
    assertThat(settings.purgeGracePeriod()).isEqualTo(Duration.ofDays(7));
    assertThat(settings.logLevel()).isEqualTo("INFO");
    assertThat(settings.logFormat()).isEqualTo(LogFormat.TEXT);
    assertThat(settings.usesEmbeddedStore()).isTrue();
  }

  @Test
  void everyVariableIsRead() {
    AppSettings settings =
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

    assertThat(settings.token().orElseThrow().reveal()).isEqualTo(TOKEN);
    assertThat(settings.table()).isEqualTo("my_table.v2");
    assertThat(settings.region()).contains("eu-west-3");
    assertThat(settings.endpoint()).contains(URI.create("http://127.0.0.1:8000"));
    assertThat(settings.refreshInterval()).isEqualTo(Duration.ofMinutes(10));
    assertThat(settings.changePollInterval()).isZero();
    assertThat(settings.initialLoadWait()).isEqualTo(Duration.ofSeconds(5));
    assertThat(settings.purgeGracePeriod()).isEqualTo(Duration.ofDays(2));
    assertThat(settings.devGuildId()).contains(GuildId.of("1180586412434817024"));
    assertThat(settings.logLevel()).isEqualTo("DEBUG");
    assertThat(settings.logFormat()).isEqualTo(LogFormat.JSON);
    assertThat(settings.usesEmbeddedStore()).isFalse();
  }

  @Test
  void optionsWinOverTheEnvironment() {
    AppSettings settings =
        SettingsLoader.load(
                Map.of("BOTCONFIG_TABLE", "from-env"), Map.of(Setting.TABLE, "from-option"))
            .settings();

    assertThat(settings.table()).isEqualTo("from-option");
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
            InvalidSettingsException.class,
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

    SettingsLoader loader =
        SettingsLoader.load(Map.of("DISCORD_TOKEN_FILE", file.toString()), Map.of());

    assertThat(loader.settings().token().orElseThrow().reveal()).isEqualTo(TOKEN);
    assertThat(loader.warnings()).isEmpty();
  }

  @Test
  void aTokenFileOthersCanReadIsAWarning() throws Exception {
    Path file = Files.writeString(dir.resolve("token"), TOKEN);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

    SettingsLoader loader =
        SettingsLoader.load(Map.of("DISCORD_TOKEN_FILE", file.toString()), Map.of());

    assertThat(loader.settings().token()).isPresent();
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
    AppSettings settings = load(Map.of("DISCORD_TOKEN", TOKEN));

    assertThat(settings.toString()).doesNotContain(TOKEN).contains("DiscordToken[hidden]");
  }

  @Test
  void blankVariablesCountAsUnset() {
    assertThat(load(Map.of("BOTCONFIG_TABLE", "  ", "AWS_REGION", "")).table())
        .isEqualTo("discord-bot-config");
  }
}
