package io.github.botconfig.app.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.botconfig.app.embedded.EmbeddedDynamoDb;
import io.github.botconfig.bot.testing.FakeDiscord;
import io.github.botconfig.dynamodb.DynamoDbClients;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * One owner per {@code data/}, as separate processes do it: bots and commands of one botconfig
 * directory on the embedded store, started together, stopped, killed.
 */
class OneDataDirectoryIT {
  private static final String TOKEN =
      "MTE4MDU4NjQxMjQzNDgxNzAyNA.GabcDE.the-secret-part-of-the-token";
  private static final long GUILD = 1_100_000_000_000_000_000L;
  private static final long REPORTS = 1_100_000_000_000_000_010L;
  private static final Duration LIMIT = Duration.ofSeconds(90);

  @TempDir Path home;
  private FakeDiscord discord;
  private final Map<String, String> environment = new HashMap<>();

  @BeforeEach
  void homeAndDiscord() throws Exception {
    Path tools = Files.createDirectories(home.resolve("tools"));
    Files.createSymbolicLink(
        tools.resolve("dynalite"), Path.of("..", "tools", "dynalite").toAbsolutePath().normalize());
    discord = FakeDiscord.start();
    discord.guild(GUILD, "Trading").textChannel(REPORTS, "reports");
    // Short, so that the test sees a server go; commands hold it by their lease meanwhile.
    environment.put("BOTCONFIG_EMBEDDED_IDLE_STOP", "2s");
    environment.put("BOTCONFIG_CHANGE_POLL_INTERVAL", "1s");
  }

  @AfterEach
  void stopEverything() throws Exception {
    discord.close();
    EmbeddedDynamoDb.stop(home);
  }

  private Map<String, String> bot() {
    Map<String, String> bot = new HashMap<>(environment);
    bot.put("DISCORD_TOKEN", TOKEN);
    bot.put("BOTCONFIG_DISCORD_REST_URL", discord.restConfig().getBaseUrl());
    bot.put("BOTCONFIG_DISCORD_GATEWAY_URL", discord.gatewayUrl());
    return bot;
  }

  private CommandResult command(String... args) throws Exception {
    try (BotProcess process = BotProcess.startIn(home, environment, args)) {
      int code = process.awaitExit(LIMIT);
      return new CommandResult(code, process.output());
    }
  }

  record CommandResult(int code, String output) {}

  private long serverPid() throws Exception {
    return Long.parseLong(Files.readAllLines(home.resolve("data/dynalite.address")).get(1).strip());
  }

  private int serversStarted() throws Exception {
    Matcher matcher =
        Pattern.compile(" listening at ")
            .matcher(Files.readString(home.resolve("data/dynalite.log")));
    int count = 0;
    while (matcher.find()) {
      count++;
    }
    return count;
  }

  @Test
  void aSecondBotIsRefusedNamingTheFirstAndStoppingBotsAndCommandsNeverTakesTheDatabase()
      throws Exception {
    try (BotProcess first = BotProcess.startIn(home, bot(), "run")) {
      first.awaitLine(line -> line.contains("botconfig is running as"), LIMIT);

      try (BotProcess second = BotProcess.startIn(home, bot(), "run")) {
        assertThat(second.awaitExit(LIMIT)).as(second.output()).isEqualTo(3);
        assertThat(second.output())
            .contains("error: another bot already runs on " + home.resolve("data"))
            .contains("botconfig run, pid " + first.pid())
            .contains("kill " + first.pid())
            .doesNotContain("Connection refused");
      }

      CommandResult set =
          command(
              "channels",
              "set",
              "--guild",
              Long.toString(GUILD),
              "--channel",
              Long.toString(REPORTS));
      assertThat(set.code()).as(set.output()).isZero();
      assertThat(serversStarted()).as("one server served both bots and the command").isEqualTo(1);
      assertThat(first.terminate(LIMIT)).isZero();
    }

    CommandResult list = command("channels", "list");
    assertThat(list.code()).as(list.output()).isZero();
    assertThat(list.output()).contains(Long.toString(REPORTS));

    // No bot and no request: the server goes by itself, leaving nothing behind.
    ProcessHandle server = ProcessHandle.of(serverPid()).orElseThrow();
    server.onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
    assertThat(home.resolve("data/dynalite.address")).doesNotExist();
  }

  @Test
  void commandsStartedTogetherShareOneServerAndAMissingTableIsSaidAsSuch() throws Exception {
    List<BotProcess> together = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      together.add(BotProcess.startIn(home, environment, "channels", "list"));
    }
    for (BotProcess process : together) {
      try (process) {
        assertThat(process.awaitExit(LIMIT)).as(process.output()).isEqualTo(3);
        assertThat(process.output())
            .contains(
                "error: table discord-bot-config does not exist at the embedded DynamoDB (http://127.0.0.1:")
            .contains("create it with `botconfig table create --table discord-bot-config`")
            .doesNotContain("Connection refused");
      }
    }
    assertThat(serversStarted()).as("the three commands shared one server").isEqualTo(1);
    assertThat(command("table", "create").code()).isZero();
    int before = serversStarted();

    together.clear();
    for (int i = 0; i < 3; i++) {
      together.add(BotProcess.startIn(home, environment, "channels", "list"));
    }
    for (BotProcess process : together) {
      try (process) {
        assertThat(process.awaitExit(LIMIT)).as(process.output()).isZero();
        assertThat(process.output()).contains("no tracked channels");
      }
    }
    assertThat(serversStarted())
        .as("the three commands shared one server")
        .isLessThanOrEqualTo(before + 1);
  }

  @Test
  void aKilledBotAndAKilledServerLeaveNothingThatBlocksTheNextStart() throws Exception {
    try (BotProcess crashed = BotProcess.startIn(home, bot(), "run")) {
      crashed.awaitLine(line -> line.contains("botconfig is running as"), LIMIT);
      crashed.kill(LIMIT);
    }
    ProcessHandle server = ProcessHandle.of(serverPid()).orElseThrow();
    server.destroyForcibly();
    server.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);

    try (BotProcess next = BotProcess.startIn(home, bot(), "run")) {
      next.awaitLine(line -> line.contains("botconfig is running as"), LIMIT);
      assertThat(next.terminate(LIMIT)).isZero();
    }
    assertThat(serversStarted()).as("the killed server was replaced").isEqualTo(2);
  }

  @Test
  void simulateOnTheEmbeddedStoreRemovesItsTablesAndPrintsNoObjectDump() throws Exception {
    CommandResult first = command("simulate", "--messages", "2000");
    CommandResult second = command("simulate", "--messages", "2000");

    assertThat(first.code()).as(first.output()).isZero();
    assertThat(second.code()).as(second.output()).isZero();
    assertThat(first.output())
        .contains("simulate: creating the temporary table botconfig-simulate-")
        .contains("simulate: deleting the temporary table")
        .doesNotContain("DynamoDbConfigStore{");
    URI endpoint = URI.create(Files.readAllLines(home.resolve("data/dynalite.address")).get(0));
    try (DynamoDbClient client = DynamoDbClients.builder().endpointOverride(endpoint).build()) {
      assertThat(client.listTables().tableNames())
          .noneMatch(name -> name.startsWith("botconfig-simulate-"));
    }
  }

  @Test
  void withoutNodeOnThePathTheCauseIsNamed() throws Exception {
    environment.put("PATH", home.resolve("no-such-bin").toString());

    CommandResult list = command("channels", "list");

    assertThat(list.code()).isEqualTo(3);
    assertThat(list.output())
        .contains("error: Node.js (node) is not on PATH")
        .doesNotContain("Exception");
  }
}
