package io.github.botconfig.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.botconfig.dynamodb.testing.FreePorts;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommandLineTest {
  private static final Map<String, String> NO_STORE =
      Map.of("AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:" + FreePorts.pick());

  @Test
  void helpListsTheCommandsAndExitCodes() {
    CliRun run = CliRun.run(NO_STORE, "--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("channels", "settings", "guild", "--table", "--endpoint", "--region");
    assertThat(run.out().replaceAll("\\s+", " "))
        .contains(
            "Exit codes: 0 done, 1 a check found problems or an unexpected failure, 2 invalid")
        .contains("3 DynamoDB or Discord unavailable or the table missing, 4 conflict");
  }

  @Test
  void helpNeverShowsTheToken() {
    CliRun run = CliRun.run(Map.of("DISCORD_TOKEN", "secret.token.value"), "--help");

    assertThat(run.out() + run.err()).doesNotContain("secret.token.value");
  }

  @Test
  void importTakesItsFileAfterABareProgressOption() throws Exception {
    java.nio.file.Path missing = java.nio.file.Path.of("no-such-backup.json");

    CliRun run = CliRun.run(NO_STORE, "import", "--progress", missing.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID);
    assertThat(run.err()).isEqualTo("error: no such file: " + missing + "\n");
  }

  @Test
  void anUnknownCommandIsAUsageError() {
    CliRun run = CliRun.run(NO_STORE, "chanels", "list");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID);
    assertThat(run.err()).contains("Unmatched argument").contains("chanels");
    assertThat(run.err().lines()).hasSize(1);
  }

  @Test
  void aMissingRequiredOptionIsAUsageError() {
    CliRun run = CliRun.run(NO_STORE, "channels", "show");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID);
    assertThat(run.err()).contains("Missing required option: '--channel=CHANNEL'");
  }

  @Test
  void invalidSettingsAreListedTogetherWithExitTwo() {
    CliRun run =
        CliRun.run(
            Map.of("BOTCONFIG_TABLE", "x", "AWS_REGION", "mars"),
            "channels",
            "list",
            "--endpoint",
            "ftp://h");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID);
    assertThat(run.err())
        .contains("invalid launch options:")
        .contains("BOTCONFIG_TABLE must be 3 to 255 letters, digits, '_', '-' or '.', got 'x'")
        .contains("AWS_REGION must be an AWS region such as eu-west-3, got 'mars'")
        .contains(
            "--endpoint must be a URL starting with http:// or https://, such as http://127.0.0.1:8000, got 'ftp://h'");
  }

  @Test
  void globalOptionsWorkAfterTheSubcommandToo() {
    CliRun run = CliRun.run(NO_STORE, "channels", "list", "--table", "my-table");

    assertThat(run.err()).contains("table 'my-table'");
  }

  @Test
  void runTakesEverySettingAsAnOption() {
    CliRun run = CliRun.run(NO_STORE, "run", "--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains(
            "--token-file", "--refresh-interval", "--change-poll-interval", "--initial-load-wait")
        .contains(
            "--purge-grace-period",
            "--dev-guild",
            "--log-level",
            "--log-format",
            "--shards",
            "--health-port")
        .contains("BOTCONFIG_LOG_LEVEL", "default INFO");
    assertThat(run.out()).doesNotContain("--token ").doesNotContain("--discord-token");
  }

  @Test
  void anOptionWinsOverItsVariableAndIsNamedWhenWrong() {
    CliRun run =
        CliRun.run(
            Map.of("BOTCONFIG_REFRESH_INTERVAL", "10m"),
            "run",
            "--refresh-interval",
            "soon",
            "--log-level",
            "LOUD");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID);
    assertThat(run.err())
        .contains(
            "--refresh-interval must be a duration such as 30s, 30m, 2h, 7d or PT30M, got 'soon'")
        .contains("--log-level must be one of TRACE, DEBUG, INFO, WARN, ERROR, got 'LOUD'");
  }

  @Test
  void runOnlyOptionsAreRefusedElsewhere() {
    CliRun run = CliRun.run(NO_STORE, "channels", "list", "--log-level", "DEBUG");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID);
    assertThat(run.err()).contains("Unknown options: '--log-level'");
  }

  @Test
  void versionNamesTheProgram() {
    CliRun run = CliRun.run(NO_STORE, "--version");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("botconfig ");
  }
}
