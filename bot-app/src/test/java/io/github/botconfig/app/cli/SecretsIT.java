package io.github.botconfig.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.botconfig.app.launch.LaunchOptions;
import io.github.botconfig.app.launch.LaunchOptionsLoader;
import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.dynamodb.testing.LocalDynamoDbExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Discord token is never printed: not by {@code --help}, {@code doctor}, {@code export}, a
 * failing command (with {@code --verbose} stack traces), invalid options, nor the options object
 * itself. A token file other users can read gets a warning on every command. ({@code RunCommandIT}
 * checks the running bot's log.)
 */
class SecretsIT {
  @RegisterExtension
  static final LocalDynamoDbExtension DYNAMODB = LocalDynamoDbExtension.dynalite();

  private static final String TOKEN =
      "MTE4MDU4NjQxMjQzNDgxNzAyNA.GsEcRt.the-secret-part-of-the-token";
  private static final String SECRET_PART = "the-secret-part";

  @TempDir Path dir;
  private CliTable table;

  @BeforeEach
  void aTableWithAChannel() {
    table = new CliTable(DYNAMODB);
    table.store.saveChannel(ChannelConfig.of(GuildId.of(1), ChannelId.of(2)));
  }

  private Map<String, String> withToken(String variable, String value) {
    Map<String, String> environment = new HashMap<>(table.environment);
    environment.put(variable, value);
    return environment;
  }

  @Test
  void noCommandPrintsTheTokenWhetherItSucceedsOrFails() throws Exception {
    Path tokenFile = dir.resolve("token");
    Files.writeString(tokenFile, TOKEN + "\n", StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(tokenFile, PosixFilePermissions.fromString("rw-------"));
    List<CliRun> runs = new ArrayList<>();
    for (Map<String, String> environment :
        List.of(
            withToken("DISCORD_TOKEN", TOKEN),
            withToken("DISCORD_TOKEN_FILE", tokenFile.toString()))) {
      runs.add(CliRun.run(environment, "--help"));
      runs.add(CliRun.run(environment, "run", "--help"));
      runs.add(CliRun.run(environment, "doctor"));
      runs.add(CliRun.run(environment, "export"));
      runs.add(CliRun.run(environment, "export", "--out", dir.resolve("backup.json").toString()));
      runs.add(CliRun.run(environment, "channels", "list", "--json"));
      runs.add(
          CliRun.run(
              environment, "--verbose", "channels", "set", "--guild", "3", "--channel", "2"));
      runs.add(
          CliRun.run(environment, "--verbose", "import", dir.resolve("missing.json").toString()));
      runs.add(
          CliRun.run(
              environment, "--verbose", "--endpoint", "http://127.0.0.1:1", "channels", "list"));
      runs.add(CliRun.run(environment, "--table", "x", "doctor")); // invalid options
    }

    assertThat(runs).extracting(CliRun::exitCode).contains(0, 2, 3, 4);
    for (CliRun run : runs) {
      assertThat(run.out() + run.err()).doesNotContain(TOKEN).doesNotContain(SECRET_PART);
    }
    assertThat(Files.readString(dir.resolve("backup.json"))).doesNotContain(SECRET_PART);
  }

  @Test
  void aTokenWithSpacesIsRefusedWithoutEchoingIt() {
    CliRun run = CliRun.run(withToken("DISCORD_TOKEN", "abc " + SECRET_PART), "doctor");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID);
    assertThat(run.err())
        .contains("DISCORD_TOKEN contains spaces or control characters")
        .doesNotContain(SECRET_PART);
  }

  @Test
  void theSettingsAndTheTokenShowNoSecretWhenPrinted() {
    LaunchOptions options =
        LaunchOptionsLoader.load(Map.of("DISCORD_TOKEN", TOKEN), Map.of()).options();

    assertThat(options.toString()).doesNotContain(SECRET_PART);
    assertThat(options.token().orElseThrow().toString()).isEqualTo("DiscordToken[hidden]");
    assertThat(options.token().orElseThrow().reveal()).isEqualTo(TOKEN);
  }

  @Test
  void aTokenFileOthersCanReadIsWarnedAboutOnEveryCommandAndStillUsed() throws Exception {
    Path tokenFile = dir.resolve("token");
    Files.writeString(tokenFile, TOKEN, StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(tokenFile, PosixFilePermissions.fromString("rw-r--r--"));

    CliRun run =
        CliRun.run(withToken("DISCORD_TOKEN_FILE", tokenFile.toString()), "channels", "list");

    assertThat(run.exitCode()).isZero();
    assertThat(run.err())
        .contains(
            "warning: DISCORD_TOKEN_FILE "
                + tokenFile
                + " can be read by other users; restrict it: chmod 600 "
                + tokenFile)
        .doesNotContain(SECRET_PART);

    Files.setPosixFilePermissions(tokenFile, PosixFilePermissions.fromString("rw-------"));
    assertThat(
            CliRun.run(withToken("DISCORD_TOKEN_FILE", tokenFile.toString()), "channels", "list")
                .err())
        .doesNotContain("warning");
  }
}
