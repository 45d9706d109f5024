package io.github.botconfig.app.launch;

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
class LaunchOptionsFileTest {
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
            "# the service's launch options",
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

    LaunchOptions options =
        LaunchOptionsLoader.load(env, Map.of(LaunchOption.TABLE, "from-option")).options();
    LaunchOptions withoutOption = LaunchOptionsLoader.load(env, Map.of()).options();

    assertThat(options.table()).isEqualTo("from-option");
    assertThat(withoutOption.table()).isEqualTo("from-environment");
    assertThat(withoutOption.refreshInterval()).isEqualTo(Duration.ofMinutes(20));
    assertThat(withoutOption.logLevel()).isEqualTo("DEBUG");
    assertThat(withoutOption.changePollInterval()).isEqualTo(Duration.ofSeconds(5));
    assertThat(withoutOption.initialLoadWait()).isEqualTo(Duration.ofSeconds(30)); // the default
  }

  @Test
  void theFileCanBeNamedByTheOption() throws Exception {
    Path file = file("BOTCONFIG_TABLE=named-by-option");

    LaunchOptions options =
        LaunchOptionsLoader.load(Map.of(), Map.of(LaunchOption.SETTINGS_FILE, file.toString()))
            .options();

    assertThat(options.table()).isEqualTo("named-by-option");
  }

  @Test
  void aBadValueInTheFileIsNamedWithItsLine() throws Exception {
    Path file = file("BOTCONFIG_TABLE=ok-table", "BOTCONFIG_PURGE_GRACE_PERIOD=5m");

    assertThatThrownBy(
            () ->
                LaunchOptionsLoader.load(
                        Map.of("BOTCONFIG_SETTINGS_FILE", file.toString()), Map.of())
                    .options())
        .isInstanceOf(InvalidLaunchOptionsException.class)
        .hasMessage(
            "BOTCONFIG_PURGE_GRACE_PERIOD (" + file + " line 2) must be at least 1h, got '5m'");
  }

  @Test
  void aNameThatIsNotASettingIsRefusedNotIgnored() throws Exception {
    Path file = file("BOTCONFIG_TABEL=typo", "not a setting line");

    assertThatThrownBy(
            () ->
                LaunchOptionsLoader.load(
                        Map.of("BOTCONFIG_SETTINGS_FILE", file.toString()), Map.of())
                    .options())
        .isInstanceOf(InvalidLaunchOptionsException.class)
        .hasMessageContaining(
            file + " line 1: BOTCONFIG_TABEL is not a botconfig setting (docs/configuration.md")
        .hasMessageContaining(file + " line 2 is not VARIABLE=value");
  }

  @Test
  void aMissingFileIsNamed() {
    assertThatThrownBy(
            () ->
                LaunchOptionsLoader.load(
                        Map.of(), Map.of(LaunchOption.SETTINGS_FILE, "/nonexistent/b.env"))
                    .options())
        .isInstanceOf(InvalidLaunchOptionsException.class)
        .hasMessage("--settings-file names no file: /nonexistent/b.env");
  }

  @Test
  void theTokenCanComeFromTheFileAndIsNeverEchoed() throws Exception {
    Path file = file("DISCORD_TOKEN=" + TOKEN);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

    LaunchOptionsLoader loader =
        LaunchOptionsLoader.load(Map.of("BOTCONFIG_SETTINGS_FILE", file.toString()), Map.of());

    assertThat(loader.options().token().orElseThrow().reveal()).isEqualTo(TOKEN);
    assertThat(loader.warnings())
        .singleElement()
        .asString()
        .contains("chmod 600")
        .doesNotContain(TOKEN);
    Path bad = file("DISCORD_TOKEN=two words" + TOKEN);
    assertThatThrownBy(
            () ->
                LaunchOptionsLoader.load(
                        Map.of("BOTCONFIG_SETTINGS_FILE", bad.toString()), Map.of())
                    .options())
        .hasMessageContaining("line 1")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(TOKEN));
  }

  @Test
  void aTokenInTheEnvironmentWinsOverATokenFileInTheSettingsFile() throws Exception {
    Path file = file("DISCORD_TOKEN_FILE=/nonexistent/token");

    LaunchOptions options =
        LaunchOptionsLoader.load(
                Map.of("BOTCONFIG_SETTINGS_FILE", file.toString(), "DISCORD_TOKEN", TOKEN),
                Map.of())
            .options();

    assertThat(options.token().orElseThrow().reveal()).isEqualTo(TOKEN);
  }

  @ParameterizedTest
  @CsvSource({"yes,true", "on,true", "TRUE,true", "no,false", "off,false", "false,false"})
  void yesNoAndOnOffAreBooleansAsTheDocsSay(String text, boolean expected) {
    LaunchOptions options =
        LaunchOptionsLoader.load(Map.of("BOTCONFIG_HEALTH_ENABLED", text), Map.of()).options();

    assertThat(options.health().enabled()).isEqualTo(expected);
  }

  @Test
  void anEndpointThatIsNotAUrlIsNamedNotANullPointer() {
    assertThatThrownBy(
            () ->
                LaunchOptionsLoader.load(Map.of(), Map.of(LaunchOption.ENDPOINT, "notaurl"))
                    .options())
        .isInstanceOf(InvalidLaunchOptionsException.class)
        .hasMessage(
            "--endpoint must be a URL starting with http:// or https://, such as"
                + " http://127.0.0.1:8000, got 'notaurl'");
  }
}
