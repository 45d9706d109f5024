package io.github.botconfig.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Settings read from a file too: option, then environment, then file, then default. */
class SettingsFileTest {
  private static final String TOKEN = "MTE4MDU4NjQxMjQzNDgxNzAyNA.GabcDE.secret-part_0123456789";

  @TempDir Path dir;

  private Path file(String... lines) throws Exception {
    Path file = dir.resolve("botconfig.env");
    Files.write(file, java.util.List.of(lines));
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    return file;
  }

  @Test
  void anOptionWinsOverTheEnvironmentWhichWinsOverTheFileWhichWinsOverTheDefault()
      throws Exception {
    Path file =
        file(
            "# the service's settings",
            "BOTCONFIG_TABLE=from-file",
            "export BOTCONFIG_LOG_LEVEL=debug",
            "BOTCONFIG_REFRESH_INTERVAL=\"10m\"",
            "",
            "BOTCONFIG_CHANGE_POLL_INTERVAL='5s'");
    Map<String, String> env =
        Map.of(
            "BOTCONFIG_SETTINGS_FILE", file.toString(),
            "BOTCONFIG_TABLE", "from-environment",
            "BOTCONFIG_REFRESH_INTERVAL", "20m");

    AppSettings settings =
        SettingsLoader.load(env, Map.of(Setting.TABLE, "from-option")).settings();
    AppSettings withoutOption = SettingsLoader.load(env, Map.of()).settings();

    assertThat(settings.table()).isEqualTo("from-option");
    assertThat(withoutOption.table()).isEqualTo("from-environment");
    assertThat(withoutOption.refreshInterval()).isEqualTo(Duration.ofMinutes(20));
    assertThat(withoutOption.logLevel()).isEqualTo("DEBUG");
    assertThat(withoutOption.changePollInterval()).isEqualTo(Duration.ofSeconds(5));
    assertThat(withoutOption.initialLoadWait()).isEqualTo(Duration.ofSeconds(30)); // the default
  }

  @Test
  void theFileCanBeNamedByTheOption() throws Exception {
    Path file = file("BOTCONFIG_TABLE=named-by-option");

    AppSettings settings =
        SettingsLoader.load(Map.of(), Map.of(Setting.SETTINGS_FILE, file.toString())).settings();

    assertThat(settings.table()).isEqualTo("named-by-option");
  }

  @Test
  void aBadValueInTheFileIsNamedWithItsLine() throws Exception {
    Path file = file("BOTCONFIG_TABLE=ok-table", "BOTCONFIG_PURGE_GRACE_PERIOD=5m");

    assertThatThrownBy(
            () ->
                SettingsLoader.load(Map.of("BOTCONFIG_SETTINGS_FILE", file.toString()), Map.of())
                    .settings())
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessage(
            "BOTCONFIG_PURGE_GRACE_PERIOD (" + file + " line 2) must be at least 1h, got '5m'");
  }

  @Test
  void aNameThatIsNotASettingIsRefusedNotIgnored() throws Exception {
    Path file = file("BOTCONFIG_TABEL=typo", "not a setting line");

    assertThatThrownBy(
            () ->
                SettingsLoader.load(Map.of("BOTCONFIG_SETTINGS_FILE", file.toString()), Map.of())
                    .settings())
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessageContaining(
            file + " line 1: BOTCONFIG_TABEL is not a botconfig setting (docs/configuration.md")
        .hasMessageContaining(file + " line 2 is not VARIABLE=value");
  }

  @Test
  void aMissingFileIsNamed() {
    assertThatThrownBy(
            () ->
                SettingsLoader.load(Map.of(), Map.of(Setting.SETTINGS_FILE, "/nonexistent/b.env"))
                    .settings())
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessage("--settings-file names no file: /nonexistent/b.env");
  }

  @Test
  void theTokenCanComeFromTheFileAndIsNeverEchoed() throws Exception {
    Path file = file("DISCORD_TOKEN=" + TOKEN);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

    SettingsLoader loader =
        SettingsLoader.load(Map.of("BOTCONFIG_SETTINGS_FILE", file.toString()), Map.of());

    assertThat(loader.settings().token().orElseThrow().reveal()).isEqualTo(TOKEN);
    assertThat(loader.warnings())
        .singleElement()
        .asString()
        .contains("chmod 600")
        .doesNotContain(TOKEN);
    Path bad = file("DISCORD_TOKEN=two words" + TOKEN);
    assertThatThrownBy(
            () ->
                SettingsLoader.load(Map.of("BOTCONFIG_SETTINGS_FILE", bad.toString()), Map.of())
                    .settings())
        .hasMessageContaining("line 1")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(TOKEN));
  }

  @Test
  void aTokenInTheEnvironmentWinsOverATokenFileInTheSettingsFile() throws Exception {
    Path file = file("DISCORD_TOKEN_FILE=/nonexistent/token");

    AppSettings settings =
        SettingsLoader.load(
                Map.of("BOTCONFIG_SETTINGS_FILE", file.toString(), "DISCORD_TOKEN", TOKEN),
                Map.of())
            .settings();

    assertThat(settings.token().orElseThrow().reveal()).isEqualTo(TOKEN);
  }

  @ParameterizedTest
  @CsvSource({"yes,true", "on,true", "TRUE,true", "no,false", "off,false", "false,false"})
  void yesNoAndOnOffAreBooleansAsTheDocsSay(String text, boolean expected) {
    AppSettings settings =
        SettingsLoader.load(Map.of("BOTCONFIG_HEALTH_ENABLED", text), Map.of()).settings();

    assertThat(settings.health().enabled()).isEqualTo(expected);
  }

  @Test
  void anEndpointThatIsNotAUrlIsNamedNotANullPointer() {
    assertThatThrownBy(
            () -> SettingsLoader.load(Map.of(), Map.of(Setting.ENDPOINT, "notaurl")).settings())
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessage(
            "--endpoint must be a URL starting with http:// or https://, such as"
                + " http://127.0.0.1:8000, got 'notaurl'");
  }
}
