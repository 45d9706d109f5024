package io.github.botconfig.app.soak;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.botconfig.bot.report.AlertLimits;
import io.github.botconfig.bot.report.AuthorKind;
import io.github.botconfig.bot.report.MessagePath;
import io.github.botconfig.bot.report.PostedMessage;
import io.github.botconfig.cache.ConfigCache;
import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.ConfigConflictException;
import io.github.botconfig.domain.ConfigSnapshot;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.GuildSettings;
import io.github.botconfig.dynamodb.DynamoDbClients;
import io.github.botconfig.dynamodb.DynamoDbConfigStore;
import io.github.botconfig.dynamodb.RequestMetrics;
import io.github.botconfig.dynamodb.testing.LocalDynamoDbExtension;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The soak: messages through the real message path (cache over the DynamoDB store on dynalite)
 * while an admin writes through the cache every few milliseconds, another process writes straight
 * to the table, and the cache reloads everything every second. Checked: no message ever reaches the
 * store, the heap after GC stays flat, and at the end the cache equals the table item for item.
 *
 * <p>{@code mvn -B verify} runs a short one (300,000 messages). The 10-million-message run, with
 * its figures in {@code bot-app/target/soak-report.txt} and docs/reliability.md:
 *
 * <pre>
 * mvn -B -Psoak -DskipTests -pl bot-app -am verify
 * </pre>
 *
 * System properties: {@code botconfig.soak.messages} (300000), {@code botconfig.soak.rate}
 * (messages a second, 100000), {@code botconfig.soak.writeIntervalMs} (5).
 */
class SoakIT {
  @RegisterExtension
  static final LocalDynamoDbExtension DYNAMODB = LocalDynamoDbExtension.dynalite();

  private static final long MESSAGES = Long.getLong("botconfig.soak.messages", 300_000);
  private static final long RATE = Long.getLong("botconfig.soak.rate", 100_000);
  private static final long WRITE_INTERVAL_MS = Long.getLong("botconfig.soak.writeIntervalMs", 5);
  private static final int GUILDS = 20;
  private static final int CHANNELS_PER_GUILD = 25;
  private static final int BATCH = 1_000;
  private static final Duration HEAP_SAMPLE = Duration.ofSeconds(MESSAGES >= 1_000_000 ? 10 : 1);

  private final AtomicLong adminWrites = new AtomicLong();
  private final AtomicLong adminConflicts = new AtomicLong();
  private final AtomicLong otherProcessWrites = new AtomicLong();
  private final AtomicLong otherProcessConflicts = new AtomicLong();

  @Test
  void messagesNeverReachTheStoreTheHeapStaysFlatAndTheCacheEndsEqualToTheTable() throws Exception {
    RequestMetrics metrics = new RequestMetrics();
    String table = DYNAMODB.newTable();
    try (DynamoDbClient client =
        DynamoDbClients.builder().endpointOverride(DYNAMODB.endpoint()).metrics(metrics).build()) {
      DynamoDbConfigStore dynamo =
          DynamoDbConfigStore.builder().client(client).tableName(table).build();
      seed(dynamo);
      ThreadWatchingStore store = new ThreadWatchingStore(dynamo);
      ScheduledExecutorService writers = Executors.newScheduledThreadPool(2);
      try (ConfigCache cache =
          ConfigCache.builder(store)
              .refreshInterval(Duration.ofSeconds(1))
              .changePollInterval(Duration.ofMillis(200))
              .build()) {
        assertThat(cache.start().isLoaded()).isTrue();
        Random adminDice = new Random(1);
        Random otherDice = new Random(2);
        writers.scheduleWithFixedDelay(
            () -> adminWrite(cache, adminDice), 0, WRITE_INTERVAL_MS, TimeUnit.MILLISECONDS);
        writers.scheduleWithFixedDelay(
            () -> otherProcessWrite(dynamo, otherDice), 0, 50, TimeUnit.MILLISECONDS);

        List<Long> heapMb = new ArrayList<>();
        long start = System.nanoTime();
        long nextSample = start;
        long tracked = 0;
        MessagePath path = new MessagePath(cache, AlertLimits.none());
        store.watch(Thread.currentThread()); // the message path's thread, from now on
        for (long sent = 0; sent < MESSAGES; sent += BATCH) {
          tracked += sendBatch(path, sent);
          long due = start + (sent + BATCH) * 1_000_000_000L / RATE;
          long wait = due - System.nanoTime();
          if (wait > 0) {
            LockSupport.parkNanos(wait); // pacing to the rate, not synchronisation
          }
          if (System.nanoTime() >= nextSample) {
            heapMb.add(heapAfterGcMb());
            nextSample = System.nanoTime() + HEAP_SAMPLE.toNanos();
          }
        }
        Duration run = Duration.ofNanos(System.nanoTime() - start);
        store.watch(null);
        heapMb.add(heapAfterGcMb());
        writers.shutdown();
        assertThat(writers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        long loads = cache.stats().loads();
        cache.refreshNow().get(30, TimeUnit.SECONDS); // the other process's last writes

        ConfigSnapshot stored = dynamo.loadAll();
        String report =
            report(
                run,
                tracked,
                loads,
                store.callsOnWatchedThread(),
                metrics.snapshot().calls(),
                heapMb,
                stored);
        System.out.println(report);
        Files.writeString(Path.of("target", "soak-report.txt"), report, StandardCharsets.UTF_8);

        assertThat(store.callsOnWatchedThread())
            .as("store calls made by the message path")
            .isZero();
        assertThat(loads)
            .as("full reloads during the run")
            .isGreaterThanOrEqualTo(run.toSeconds() / 2);
        assertThat(adminWrites.get()).isPositive();
        assertCacheEqualsTable(cache, stored);
        long first = heapMb.get(Math.min(1, heapMb.size() - 1));
        assertThat(heapMb.get(heapMb.size() - 1))
            .as("heap after GC at the end vs. early on, MB: " + heapMb)
            .isLessThanOrEqualTo(first + Math.max(16, first / 2));
      } finally {
        writers.shutdownNow();
      }
    }
  }

  private static void seed(DynamoDbConfigStore store) {
    for (int g = 1; g <= GUILDS; g++) {
      for (int c = 0; c < CHANNELS_PER_GUILD; c++) {
        store.saveChannel(ChannelConfig.of(GuildId.of(g), channel(g, c)));
      }
      store.saveSettings(GuildSettings.defaults(GuildId.of(g)));
    }
  }

  private static ChannelId channel(int guild, int n) {
    return ChannelId.of(1_000_000L * guild + n);
  }

  /** One message in a hundred in a tracked channel, as in the seed's traffic. */
  private static long sendBatch(MessagePath path, long sent) {
    long tracked = 0;
    for (int i = 0; i < BATCH; i++) {
      long m = sent + i;
      long id =
          m % 100 == 0
              ? channel(1 + (int) (m / 100 % GUILDS), (int) (m / 2_000 % CHANNELS_PER_GUILD))
                  .value()
              : 5_000_000_000L + m % 100_000;
      var channel = path.trackedChannel(id);
      if (channel.isPresent()) {
        tracked++;
        path.decide(
            channel.get(),
            new PostedMessage(
                channel.get().guildId().value(),
                AuthorKind.WEBHOOK,
                "Position closed +" + (m % 40) + "%",
                Instant.EPOCH));
      }
    }
    return tracked;
  }

  /** An admin through the bot: toggles a channel's pin, or tracks / untracks one. */
  private void adminWrite(ConfigCache cache, Random dice) {
    GuildId guild = GuildId.of(1 + dice.nextInt(GUILDS));
    ChannelId channel = channel((int) guild.value(), dice.nextInt(CHANNELS_PER_GUILD + 5));
    try {
      var current = cache.findChannel(channel);
      if (current.isPresent() && dice.nextInt(10) == 0) {
        cache.deleteChannel(guild, channel);
      } else {
        cache.saveChannel(
            current.orElseGet(() -> ChannelConfig.of(guild, channel)).withPin(dice.nextBoolean()));
      }
      adminWrites.incrementAndGet();
    } catch (ConfigConflictException e) {
      adminConflicts.incrementAndGet(); // the other process wrote it first: expected now and then
    }
  }

  /** Another process (the CLI, a second bot) writing straight to the table. */
  private void otherProcessWrite(DynamoDbConfigStore store, Random dice) {
    GuildId guild = GuildId.of(1 + dice.nextInt(GUILDS));
    ChannelId channel = channel((int) guild.value(), dice.nextInt(CHANNELS_PER_GUILD));
    try {
      var current =
          store.findChannels(guild).stream().filter(c -> c.channelId().equals(channel)).findFirst();
      store.saveChannel(
          current.orElseGet(() -> ChannelConfig.of(guild, channel)).withImage(dice.nextBoolean()));
      otherProcessWrites.incrementAndGet();
    } catch (ConfigConflictException e) {
      otherProcessConflicts.incrementAndGet();
    }
  }

  private static void assertCacheEqualsTable(ConfigCache cache, ConfigSnapshot stored) {
    for (ChannelConfig channel : stored.channels().values()) {
      assertThat(cache.findChannel(channel.channelId())).contains(channel);
    }
    for (int g = 1; g <= GUILDS; g++) {
      GuildId guild = GuildId.of(g);
      assertThat(cache.findChannels(guild)).isEqualTo(stored.channelsOf(guild));
      assertThat(cache.findSettings(guild)).isEqualTo(stored.settings(guild));
      for (int c = 0; c < CHANNELS_PER_GUILD + 5; c++) {
        assertThat(cache.findChannel(channel(g, c))).isEqualTo(stored.channel(channel(g, c)));
      }
    }
    assertThat(cache.stats().channels()).isEqualTo(stored.channels().size());
  }

  private static long heapAfterGcMb() {
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
  }

  private String report(
      Duration run,
      long tracked,
      long loads,
      long messageStoreCalls,
      long requests,
      List<Long> heapMb,
      ConfigSnapshot stored) {
    return String.format(
        "soak: %,d messages in %.1f s (%,.0f a second; %,d in tracked channels)%n"
            + "  admin writes through the cache: %,d (every %d ms; %,d conflicts with the other process)%n"
            + "  other-process writes to the table: %,d (%,d conflicts)%n"
            + "  full reloads of the cache: %,d (refresh interval 1 s, change poll 200 ms)%n"
            + "  store calls made by the message path: %d; DynamoDB requests in all (writes, polls, reloads): %,d%n"
            + "  heap after GC, MB, every %d s: %s%n"
            + "  at the end: %,d channels and %,d guild settings in the table, the cache equal item for item%n",
        MESSAGES,
        run.toMillis() / 1000.0,
        MESSAGES * 1e9 / run.toNanos(),
        tracked,
        adminWrites.get(),
        WRITE_INTERVAL_MS,
        adminConflicts.get(),
        otherProcessWrites.get(),
        otherProcessConflicts.get(),
        loads,
        messageStoreCalls,
        requests,
        HEAP_SAMPLE.toSeconds(),
        heapMb,
        stored.channels().size(),
        stored.settings().size());
  }
}
