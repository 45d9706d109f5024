package io.github.botconfig.app.run;

import static io.github.botconfig.app.run.BotFleet.global;
import static io.github.botconfig.app.run.BotFleet.guild;
import static io.github.botconfig.app.run.BotFleet.reports;
import static io.github.botconfig.app.run.BotFleet.spare;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.botconfig.bot.testing.FakeDiscord;
import io.github.botconfig.bot.testing.InteractionReply;
import io.github.botconfig.bot.testing.RestCall;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.dynamodb.DynamoDbConfigStore;
import io.github.botconfig.dynamodb.testing.LocalDynamoDbExtension;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntSupplier;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The bot as several operating-system processes, each {@code botconfig run} owning one shard of one
 * fake Discord, all on one dynalite table, with the default change poll (5 s): a change made by the
 * CLI, or by {@code /config} in one shard, shows in every process; each guild's messages, board and
 * summary are handled by one process only; a process killed with SIGKILL in the middle of its
 * writes leaves the others serving and, once they have followed the feed (or healed a hole it
 * left), holding what the table holds; restarted, it catches up. Four processes by default; {@code
 * -Dbotconfig.it.processes=2} runs two (docs/performance.md reports both), {@code
 * -Dbotconfig.it.changes=N} times N {@code /config} changes (8 by default) for the staleness it
 * prints.
 *
 * <p>What each process holds is read from its own {@code /healthz} (its cache's channel count), so
 * the test sees the processes only from outside, as an operator would.
 */
class ProcessesCoherenceIT {
  @RegisterExtension
  static final LocalDynamoDbExtension DYNAMODB = LocalDynamoDbExtension.dynalite();

  private static final int PROCESSES = Integer.getInteger("botconfig.it.processes", 4);
  private static final int CHANGES = Integer.getInteger("botconfig.it.changes", 8);

  /**
   * A change must show within one poll (5 s) plus the gap grace (10 s) whatever happens; how long
   * it took is printed, and the staleness distribution is measured by CoherenceHarness.
   */
  private static final Duration BOUND = Duration.ofSeconds(15);

  /**
   * After a SIGKILL between a write and its record, the others heal the hole by a full load at
   * their first poll past the grace: one poll plus the grace plus the load, on a loaded machine.
   */
  private static final Duration BOUND_AFTER_A_HOLE = BOUND.plusSeconds(5);

  private FakeDiscord discord;
  private DynamoDbConfigStore table;
  private BotFleet bots;

  @BeforeEach
  void oneTableOneDiscordAProcessPerShard() throws Exception {
    discord = FakeDiscord.start(PROCESSES);
    table = DYNAMODB.newStore(Clock.systemUTC());
    for (int s = 0; s < PROCESSES; s++) {
      // The daily summary is caught up at start (yesterday's): by the guild's own process only.
      BotFleet.seedGuild(discord, table, s, 6 + CHANGES, true);
      assertThat(discord.shardOf(guild(s))).isEqualTo(s);
    }
    Map<String, String> environment =
        BotFleet.environment(discord, DYNAMODB.endpoint(), table.tableName());
    bots = new BotFleet(environment, PROCESSES);
    for (int s = 0; s < PROCESSES; s++) {
      bots.launch(s);
    }
    for (int s = 0; s < PROCESSES; s++) {
      bots.awaitRunning(s);
    }
  }

  @AfterEach
  void stop() throws Exception {
    try {
      bots.close();
    } finally {
      discord.close();
    }
  }

  @Test
  void changesShowInEveryProcessAndAProcessKilledMidWriteLeavesTheOthersRight() throws Exception {
    // Each guild's board and summary are posted by one process: its shard's.
    for (int s = 0; s < PROCESSES; s++) {
      awaitCalls(global(s), ProcessesCoherenceIT::isBoard, 1);
      awaitCalls(global(s), ProcessesCoherenceIT::isDailySummary, 1);
    }

    // A CLI write: every process holds the new channel soon after.
    int expected = PROCESSES; // one tracked channel a guild
    bots.trackByCli(0, spare(0, 0), "--pin", "true");
    expected++;
    report("CLI write", bots.awaitEveryProcessHolds(expected, bots.allShards(), BOUND));

    // A /config change in the last shard: every process, the others included, holds it.
    int last = PROCESSES - 1;
    InteractionReply reply = track(last, spare(last, 0));
    assertThat(reply.content()).startsWith("✅ <#" + spare(last, 0) + "> is now tracked.");
    expected++;
    report(
        "/config in shard " + last, bots.awaitEveryProcessHolds(expected, bots.allShards(), BOUND));

    // /config changes in every shard in turn: how long each takes to show in each other process.
    expected = timeChanges(expected);

    // Each guild's reports are answered once, by its own shard's process.
    for (int s = 0; s < PROCESSES; s++) {
      discord.postWebhookMessage(reports(s), "Position closed — Take profit: +12.5%");
      discord.awaitRestCall("POST", "channels/" + reports(s) + "/messages");
    }

    // Kill shard 1's process in the middle of a burst of /config writes: as soon as the first of
    // them is in the table, while the others are in flight.
    int victim = 1;
    track(victim, spare(victim, 1));
    for (int n = 2; n < 6; n++) {
      trackAsync(victim, spare(victim, n)); // not awaited: SIGKILL lands while these are in flight
    }
    long deadline = System.nanoTime() + BOUND.toNanos();
    while (table.findChannel(ChannelId.of(spare(victim, 2))).isEmpty()
        && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    bots.process(victim).kill(Duration.ofSeconds(30));
    List<Integer> others = new ArrayList<>(bots.allShards());
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
        "after SIGKILL mid-write ("
            + (stored - expected - 1)
            + " of the 4 in-flight writes stored)",
        bots.awaitEveryProcessHolds(stored, others, BOUND_AFTER_A_HOLE));
    for (int s : others) {
      System.out.printf(
          "ProcessesCoherenceIT (%d processes): shard %d after the SIGKILL: %s changes applied, %s"
              + " gaps healed, %s loads%n",
          PROCESSES,
          s,
          bots.health(s).path("cache").path("changesApplied"),
          bots.health(s).path("cache").path("changeGaps"),
          bots.health(s).path("cache").path("loads"));
    }

    // Restarted, the victim loads the table and serves its guild again.
    bots.launch(victim);
    bots.awaitRunning(victim);
    bots.awaitEveryProcessHolds(stored, List.of(victim), BOUND);
    int before = posts(reports(victim));
    discord.postWebhookMessage(reports(victim), "Position closed — Take profit: +3%");
    awaitPosts(reports(victim), before + 1);

    // Its second life looked for yesterday's summary again, found it, and posted none.
    awaitSummaryChecks(global(victim), 2);
    Thread.sleep(2_000); // a second post, if there were one, follows its check at once
    for (int s = 0; s < PROCESSES; s++) {
      assertThat(calls(global(s), ProcessesCoherenceIT::isBoard))
          .as("board posts in guild %d", s)
          .hasSize(1);
      assertThat(calls(global(s), ProcessesCoherenceIT::isDailySummary))
          .as("daily summaries in guild %d", s)
          .hasSize(1);
      assertThat(summaryChecks(global(s)))
          .as("summary runs in guild %d: one per life of its own shard's process", s)
          .isEqualTo(s == victim ? 2 : 1);
    }
  }

  /**
   * Makes {@link #CHANGES} {@code /config} changes, one shard after another, a random 0–5 s apart
   * (so that they fall anywhere in the processes' polls), and prints how long each took to show in
   * each process but the one that wrote it; returns the channels held after them.
   */
  private int timeChanges(int expected) throws Exception {
    Random random = new Random(19);
    List<Long> staleness = new ArrayList<>();
    for (int i = 0; i < CHANGES; i++) {
      Thread.sleep(random.nextInt(5_000));
      int writer = i % PROCESSES;
      long sent = System.nanoTime();
      InteractionReply reply = track(writer, spare(writer, 6 + i));
      assertThat(reply.content()).startsWith("✅");
      expected++;
      List<Integer> waiting = new ArrayList<>(bots.allShards());
      waiting.remove(Integer.valueOf(writer));
      while (!waiting.isEmpty()) {
        for (int s : List.copyOf(waiting)) {
          if (bots.channelsHeld(s) == expected) {
            staleness.add((System.nanoTime() - sent) / 1_000_000);
            waiting.remove(Integer.valueOf(s));
          }
        }
        if (System.nanoTime() - sent > BOUND.toNanos()) {
          throw new AssertionError(
              "change " + i + " not shown in the processes of shards " + waiting + " in " + BOUND);
        }
        Thread.sleep(20);
      }
    }
    staleness.sort(null);
    System.out.printf(
        "ProcessesCoherenceIT (%d processes): %d changes, %d samples: staleness p50 %d ms, p99 %d"
            + " ms, max %d ms%n",
        PROCESSES,
        CHANGES,
        staleness.size(),
        percentile(staleness, 50),
        percentile(staleness, 99),
        staleness.get(staleness.size() - 1));
    return expected;
  }

  /** The nearest-rank percentile. */
  private static long percentile(List<Long> sorted, int p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }

  private InteractionReply track(int shard, long channel) {
    return discord.awaitInteractionReply(trackAsync(shard, channel));
  }

  private String trackAsync(int shard, long channel) {
    return BotFleet.trackAsync(discord, shard, channel);
  }

  private static boolean isDailySummary(RestCall call) {
    return footer(call).startsWith("daily ");
  }

  private static boolean isBoard(RestCall call) {
    return footer(call).startsWith("Live board");
  }

  private static String footer(RestCall call) {
    return call.json()
        .filter(body -> body.hasKey("embeds") && !body.getArray("embeds").isEmpty())
        .map(body -> body.getArray("embeds").getObject(0))
        .flatMap(embed -> embed.optObject("footer"))
        .map(footer -> footer.getString("text", ""))
        .orElse("");
  }

  private List<RestCall> calls(long channel, Predicate<RestCall> kind) {
    return discord.restCalls().stream()
        .filter(c -> c.is("POST", "channels/" + channel + "/messages") && kind.test(c))
        .toList();
  }

  private void awaitCalls(long channel, Predicate<RestCall> kind, int count)
      throws InterruptedException {
    awaitCount(() -> calls(channel, kind).size(), count, "posts in channel " + channel);
  }

  /** A summary run reads the global channel's history first, to find the period posted before. */
  private int summaryChecks(long global) {
    return (int)
        discord.restCalls().stream()
            .filter(c -> c.is("GET", "channels/" + global + "/messages"))
            .count();
  }

  private void awaitSummaryChecks(long global, int count) throws InterruptedException {
    awaitCount(() -> summaryChecks(global), count, "summary checks in channel " + global);
  }

  private int posts(long channel) {
    return BotFleet.posts(discord, channel);
  }

  private void awaitPosts(long channel, int count) throws InterruptedException {
    BotFleet.awaitPosts(discord, channel, count, BOUND);
  }

  private static void awaitCount(IntSupplier counted, int count, String what)
      throws InterruptedException {
    long deadline = System.nanoTime() + BOUND.toNanos();
    while (counted.getAsInt() < count) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "only " + counted.getAsInt() + " of " + count + " " + what + " within " + BOUND);
      }
      Thread.sleep(50);
    }
  }

  private static void report(String what, Duration took) {
    System.out.printf(
        "ProcessesCoherenceIT (%d processes): %s shown in every process after %d ms%n",
        PROCESSES, what, took.toMillis());
  }
}
