package io.github.botconfig.cache;

import static io.github.botconfig.cache.CacheHarness.GUILD;
import static io.github.botconfig.cache.CacheHarness.OTHER_GUILD;
import static io.github.botconfig.cache.CacheHarness.POLL;
import static io.github.botconfig.cache.CacheHarness.channel;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.ConfigConflictException;
import io.github.botconfig.domain.ConfigRepository;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.GuildSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Readers, writers through the cache, a writer straight to the store (another process) and
 * refreshes, all at once on a few channels so that they collide. Bounded by a count of writes;
 * afterwards the cache must be consistent and, after one last refresh, equal to the store.
 */
class CacheStressTest {
  private static final List<GuildId> GUILDS = List.of(GUILD, OTHER_GUILD, GuildId.of(77));
  private static final int CHANNELS = 24;
  private static final int WRITES_PER_WRITER = 1_500;

  private final CacheHarness harness = new CacheHarness();
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final ConcurrentLinkedQueue<String> readerProblems = new ConcurrentLinkedQueue<>();

  @AfterEach
  void close() {
    threads.shutdownNow();
    harness.close();
  }

  @Test
  void afterConcurrentReadsWritesAndRefreshesTheCacheIsConsistentAndEqualsTheStore()
      throws Exception {
    ConfigCache cache = harness.loadedCache();
    CachingConfigRepository repository = (CachingConfigRepository) cache;
    AtomicBoolean writing = new AtomicBoolean(true);
    CountDownLatch go = new CountDownLatch(1);

    List<Future<?>> writers = new ArrayList<>();
    writers.add(threads.submit(() -> write(cache, new Random(1), go)));
    writers.add(threads.submit(() -> write(cache, new Random(2), go)));
    writers.add(threads.submit(() -> write(harness.backing, new Random(3), go))); // another process
    List<Future<?>> others = new ArrayList<>();
    others.add(threads.submit(() -> read(cache, writing, go)));
    others.add(threads.submit(() -> refresh(cache, writing, go)));
    go.countDown();
    for (Future<?> writer : writers) {
      writer.get(60, TimeUnit.SECONDS);
    }
    writing.set(false);
    for (Future<?> other : others) {
      other.get(60, TimeUnit.SECONDS);
    }

    assertThat(readerProblems).isEmpty();
    assertThat(repository.inconsistencies()).isEmpty();
    // Every write moved the change marker: polls alone bring the cache level with the store.
    harness.scheduler.advance(POLL.multipliedBy(2));
    assertThat(repository.snapshot()).isEqualTo(harness.backing.loadAll());
    cache.refreshNow();
    harness.scheduler.runDue();
    assertThat(repository.inconsistencies()).isEmpty();
    assertThat(repository.snapshot()).isEqualTo(harness.backing.loadAll());
    for (GuildId guild : GUILDS) {
      assertThat(cache.findChannels(guild)).isEqualTo(harness.backing.findChannels(guild));
    }
    assertThat(repository.rememberedWrites()).isZero();
    assertThat(cache.stats().loads()).isGreaterThan(2);
  }

  /**
   * Random saves, moves, deletes, settings and guild purges, reading the current version from
   * {@code via}.
   */
  private void write(ConfigRepository via, Random random, CountDownLatch go) {
    await(go);
    for (int i = 0; i < WRITES_PER_WRITER; i++) {
      ChannelId id = channel(1 + random.nextInt(CHANNELS));
      GuildId guild = GUILDS.get(random.nextInt(GUILDS.size()));
      Optional<ChannelConfig> current = via.findChannel(id);
      try {
        int dice = random.nextInt(100);
        if (dice < 55) {
          via.saveChannel(
              current
                  .filter(c -> c.guildId().equals(guild))
                  .map(c -> c.withPin(!c.pin()))
                  .orElse(ChannelConfig.of(guild, id)));
        } else if (dice < 85) {
          via.deleteChannel(current.map(ChannelConfig::guildId).orElse(guild), id);
        } else if (dice < 98) {
          GuildSettings settings = via.settingsOrDefaults(guild);
          via.saveSettings(settings.withPositionDisplayEnabled(!settings.positionDisplayEnabled()));
        } else {
          via.deleteGuild(guild);
        }
      } catch (ConfigConflictException expected) {
        // Another writer was first: the loser's version was stale, or the channel is owned
        // elsewhere.
      }
    }
  }

  /** Reads all the time and checks what each answer says of itself. */
  private void read(ConfigCache cache, AtomicBoolean writing, CountDownLatch go) {
    await(go);
    while (writing.get()) {
      for (int n = 1; n <= CHANNELS; n++) {
        ChannelId id = channel(n);
        cache
            .findChannel(id)
            .filter(c -> !c.channelId().equals(id))
            .ifPresent(c -> readerProblems.add("asked " + id + ", got " + c.channelId()));
      }
      for (GuildId guild : GUILDS) {
        List<ChannelConfig> list = cache.findChannels(guild);
        for (int i = 0; i < list.size(); i++) {
          if (!list.get(i).guildId().equals(guild)) {
            readerProblems.add("guild " + guild + " lists " + list.get(i));
          }
          if (i > 0 && list.get(i - 1).channelId().compareTo(list.get(i).channelId()) >= 0) {
            readerProblems.add("guild " + guild + " list unordered or duplicated: " + list);
          }
        }
      }
    }
  }

  /** Moves time by a poll interval at a time (polls then reload) and asks for refreshes too. */
  private void refresh(ConfigCache cache, AtomicBoolean writing, CountDownLatch go) {
    await(go);
    while (writing.get()) {
      cache.refreshNow();
      harness.scheduler.advance(POLL);
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
