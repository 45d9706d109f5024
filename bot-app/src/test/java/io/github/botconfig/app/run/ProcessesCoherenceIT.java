package io.github.botconfig.app.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.botconfig.bot.testing.FakeDiscord;
import io.github.botconfig.bot.testing.InteractionReply;
import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.GuildSettings;
import io.github.botconfig.dynamodb.DynamoDbConfigStore;
import io.github.botconfig.dynamodb.testing.LocalDynamoDbExtension;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.Permission;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The bot as several operating-system processes, each {@code botconfig run} owning one shard of one
 * fake Discord, all on one dynalite table, with the default change poll (5 s): a change made by the
 * CLI, or by {@code /config} in one shard, shows in every process; each guild's messages and board
 * are handled by one process only; a process killed with SIGKILL in the middle of its writes leaves
 * the others serving and, once they have followed the feed (or healed a hole it left), holding what
 * the table holds; restarted, it catches up. Two processes by default; {@code
 * -Dbotconfig.it.processes=4} runs four (docs/performance.md reports both).
 *
 * <p>What each process holds is read from its own {@code /healthz} (its cache's channel count), so
 * the test sees the processes only from outside, as an operator would.
 */
class ProcessesCoherenceIT {
  @RegisterExtension
  static final LocalDynamoDbExtension DYNAMODB = LocalDynamoDbExtension.dynalite();

  private static final int PROCESSES = Integer.getInteger("botconfig.it.processes", 2);
  private static final String TOKEN =
      "MTE4MDU4NjQxMjQzNDgxNzAyNA.GabcDE.the-secret-part-of-the-token";
  private static final long ADMIN = 1_100_000_000_000_000_030L;
  private static final Duration START = Duration.ofSeconds(90);

  /**
   * A change must show within one poll (5 s) plus the gap grace (10 s) whatever happens; how long
   * it took is printed, and the staleness distribution is measured by CoherenceHarness.
   */
  private static final Duration BOUND = Duration.ofSeconds(15);

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Pattern CHANNELS = Pattern.compile("\"channels\"\\s*:\\s*(\\d+)");

  private FakeDiscord discord;
  private DynamoDbConfigStore table;
  private final Map<String, String> environment = new HashMap<>();
  private final List<BotProcess> bots = new ArrayList<>();
  private final List<URI> health = new ArrayList<>();

  /** A guild on shard {@code shard}: Discord routes a guild to shard (id >> 22) % total. */
  private static long guild(int shard) {
    return (1_200_000_000_000L + shard) << 22;
  }

  private static long reports(int shard) {
    return guild(shard) + 10;
  }

  private static long global(int shard) {
    return guild(shard) + 11;
  }

  /** Channels a test starts tracking. */
  private static long spare(int shard, int n) {
    return guild(shard) + 20 + n;
  }

  @BeforeEach
  void oneTableOneDiscordAProcessPerShard() throws Exception {
    discord = FakeDiscord.start(PROCESSES);
    table = DYNAMODB.newStore(Clock.systemUTC());
    for (int s = 0; s < PROCESSES; s++) {
      long role = guild(s) + 5; // + 1 is the fake's own bot role
      var fake =
          discord
              .guild(guild(s), "Guild " + s)
              .textChannel(reports(s), "reports")
              .textChannel(global(s), "board")
              .role(role, "admins", Permission.MANAGE_SERVER)
              .member(ADMIN, "alice", role);
      for (int n = 0; n < 6; n++) {
        fake.textChannel(spare(s, n), "spare-" + n);
      }
      assertThat(discord.shardOf(guild(s))).isEqualTo(s);
      table.saveChannel(ChannelConfig.of(GuildId.of(guild(s)), ChannelId.of(reports(s))));
      table.saveSettings(
          GuildSettings.defaults(GuildId.of(guild(s)))
              .withGlobalChannelId(ChannelId.of(global(s))));
    }
    environment.put("DISCORD_TOKEN", TOKEN);
    environment.put("AWS_ENDPOINT_URL_DYNAMODB", DYNAMODB.endpoint().toString());
    environment.put("BOTCONFIG_TABLE", table.tableName());
    environment.put("BOTCONFIG_DISCORD_REST_URL", discord.restConfig().getBaseUrl());
    environment.put("BOTCONFIG_DISCORD_GATEWAY_URL", discord.gatewayUrl());
    environment.put("BOTCONFIG_HEALTH_ENABLED", "true");
    environment.put("BOTCONFIG_HEALTH_PORT", "0");
    environment.put("BOTCONFIG_SHARD_TOTAL", Integer.toString(PROCESSES));
    for (int s = 0; s < PROCESSES; s++) {
      bots.add(null);
      health.add(null);
      launch(s);
    }
    for (int s = 0; s < PROCESSES; s++) {
      awaitRunning(s);
    }
  }

  private void launch(int shard) throws IOException {
    Map<String, String> own = new HashMap<>(environment);
    own.put("BOTCONFIG_SHARDS", Integer.toString(shard));
    bots.set(shard, BotProcess.start(own, "run"));
  }

  private void awaitRunning(int shard) throws InterruptedException {
    BotProcess bot = bots.get(shard);
    String line = bot.awaitLine(l -> l.contains("Serving /healthz and /metrics on"), START);
    health.set(shard, URI.create(line.substring(line.indexOf("http://")).strip() + "/healthz"));
    assertThat(bot.awaitLine(l -> l.contains("botconfig is running as"), START))
        .contains("(shard " + shard + " of " + PROCESSES + ")");
  }

  @AfterEach
  void stop() throws Exception {
    try {
      for (BotProcess bot : bots) {
        if (bot != null) {
          bot.close();
        }
      }
    } finally {
      discord.close();
    }
  }

  @Test
  void changesShowInEveryProcessAndAProcessKilledMidWriteLeavesTheOthersRight() throws Exception {
    // Each guild's board is posted by one process: its shard's.
    for (int s = 0; s < PROCESSES; s++) {
      discord.awaitRestCall("POST", "channels/" + global(s) + "/messages");
    }

    // A CLI write: every process holds the new channel soon after.
    int expected = PROCESSES; // one tracked channel a guild
    try (BotProcess cli =
        BotProcess.start(
            environment,
            "channels",
            "set",
            "--guild",
            Long.toString(guild(0)),
            "--channel",
            Long.toString(spare(0, 0)),
            "--pin",
            "true")) {
      assertThat(cli.awaitExit(START)).as(cli.output()).isZero();
    }
    expected++;
    report("CLI write", awaitEveryProcessHolds(expected, allShards()));

    // A /config change in the last shard: every process, the others included, holds it.
    int last = PROCESSES - 1;
    InteractionReply reply = track(last, spare(last, 0));
    assertThat(reply.content()).startsWith("✅ <#" + spare(last, 0) + "> is now tracked.");
    expected++;
    report("/config in shard " + last, awaitEveryProcessHolds(expected, allShards()));

    // Each guild's reports are answered once, by its own shard's process.
    for (int s = 0; s < PROCESSES; s++) {
      discord.postWebhookMessage(reports(s), "Position closed — Take profit: +12.5%");
      discord.awaitRestCall("POST", "channels/" + reports(s) + "/messages");
    }

    // Kill shard 1's process in the middle of a burst of /config writes.
    int victim = 1;
    track(victim, spare(victim, 1));
    for (int n = 2; n < 6; n++) {
      trackAsync(victim, spare(victim, n)); // not awaited: SIGKILL lands while these are in flight
    }
    bots.get(victim).kill(Duration.ofSeconds(30));
    List<Integer> others = new ArrayList<>(allShards());
    others.remove(Integer.valueOf(victim));

    // The others keep serving their guilds...
    for (int s : others) {
      int before = posts(reports(s));
      discord.postWebhookMessage(reports(s), "Position closed — Stop loss: -4%");
      awaitPosts(reports(s), before + 1);
    }
    // ...and hold what the table holds, whatever the victim had written when it died.
    int stored = table.loadAll().channels().size();
    report(
        "after SIGKILL mid-write (" + stored + " stored)", awaitEveryProcessHolds(stored, others));

    // Restarted, the victim loads the table and serves its guild again.
    launch(victim);
    awaitRunning(victim);
    awaitEveryProcessHolds(stored, List.of(victim));
    int before = posts(reports(victim));
    discord.postWebhookMessage(reports(victim), "Position closed — Take profit: +3%");
    awaitPosts(reports(victim), before + 1);

    // No guild's board was posted twice: one process owns each.
    for (int s = 0; s < PROCESSES; s++) {
      assertThat(posts(global(s))).as("board posts in guild %d", s).isEqualTo(1);
    }
  }

  private List<Integer> allShards() {
    List<Integer> all = new ArrayList<>();
    for (int s = 0; s < PROCESSES; s++) {
      all.add(s);
    }
    return all;
  }

  private InteractionReply track(int shard, long channel) {
    return discord.awaitInteractionReply(trackAsync(shard, channel));
  }

  private String trackAsync(int shard, long channel) {
    return discord
        .slashCommand("config", guild(shard), channel, ADMIN)
        .subcommand("channel", "set")
        .channel("channel", channel)
        .option("threshold", "TP")
        .send();
  }

  private int posts(long channel) {
    return (int)
        discord.restCalls().stream()
            .filter(c -> c.is("POST", "channels/" + channel + "/messages"))
            .count();
  }

  private void awaitPosts(long channel, int count) throws InterruptedException {
    long deadline = System.nanoTime() + BOUND.toNanos();
    while (posts(channel) < count) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no reply in channel " + channel + " within " + BOUND);
      }
      Thread.sleep(50);
    }
  }

  /**
   * Waits until each of {@code shards}' processes holds {@code channels} channels; returns how long
   * the slowest took.
   */
  private Duration awaitEveryProcessHolds(int channels, List<Integer> shards) throws Exception {
    long start = System.nanoTime();
    long deadline = start + BOUND.toNanos();
    for (int s : shards) {
      while (true) {
        int held = channelsHeld(s);
        if (held == channels) {
          break;
        }
        if (System.nanoTime() > deadline) {
          throw new AssertionError(
              "process of shard "
                  + s
                  + " holds "
                  + held
                  + " channels, the table "
                  + channels
                  + ", "
                  + BOUND
                  + " after the change; its output:\n"
                  + bots.get(s).output());
        }
        Thread.sleep(100);
      }
    }
    return Duration.ofNanos(System.nanoTime() - start);
  }

  private int channelsHeld(int shard) throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(health.get(shard)).build(),
            HttpResponse.BodyHandlers.ofString());
    Matcher m = CHANNELS.matcher(response.body());
    if (!m.find()) {
      throw new AssertionError("no channel count in /healthz: " + response.body());
    }
    return Integer.parseInt(m.group(1));
  }

  private static void report(String what, Duration took) {
    System.out.printf(
        "ProcessesCoherenceIT (%d processes): %s shown in every process after %d ms%n",
        PROCESSES, what, took.toMillis());
  }
}
