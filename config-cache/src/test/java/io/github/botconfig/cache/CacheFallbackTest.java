package io.github.botconfig.cache;

import static io.github.botconfig.cache.CacheHarness.GUILD;
import static io.github.botconfig.cache.CacheHarness.OTHER_GUILD;
import static io.github.botconfig.cache.CacheHarness.channel;
import static io.github.botconfig.cache.CacheHarness.tracked;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.botconfig.cache.CacheStatus.State;
import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.GuildSettings;
import io.github.botconfig.domain.LiveBoard;
import io.github.botconfig.domain.StoreUnavailableException;
import io.github.botconfig.domain.testing.InstrumentedConfigStore.Gate;
import io.github.botconfig.domain.testing.InstrumentedConfigStore.Operation;
import io.github.botconfig.domain.testing.InstrumentedConfigStore.When;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Until a first snapshot loads, lookups read the store per key, carefully; the full load keeps
 * retrying.
 */
class CacheFallbackTest {
  private final CacheHarness harness = new CacheHarness();

  @AfterEach
  void close() {
    harness.close();
  }

  /** A cache whose first load failed (the scan is refused) while per-key reads still work. */
  private ConfigCache cacheWhoseScanFails() {
    harness.store.failWith(Operation.LOAD_ALL, () -> new StoreUnavailableException("scan refused"));
    ConfigCache cache = harness.startedCache(harness.builder());
    harness.scheduler.runDue();
    assertThat(cache.status().state()).isEqualTo(State.UNAVAILABLE);
    harness.store.resetCounts();
    return cache;
  }

  @Test
  void withTheStoreDownAtStartTheCacheIsUnavailableAndLookupsFailFast() {
    harness.seed(1);
    harness.store.goDown();
    ConfigCache cache = harness.startedCache(harness.builder());
    harness.scheduler.runDue();

    CacheStatus status = cache.status();
    assertThat(status.state()).isEqualTo(State.UNAVAILABLE);
    assertThat(status.lastLoadedAt()).isEmpty();
    assertThat(status.age()).isEmpty();
    assertThat(status.isLoaded()).isFalse();
    assertThatThrownBy(() -> cache.findChannel(channel(1)))
        .isInstanceOf(StoreUnavailableException.class);
    assertThat(harness.events.transitions()).containsExactly("STARTING->UNAVAILABLE");
  }

  @Test
  void aTrackedChannelIsReadOnceThenServedFromMemory() {
    ChannelConfig stored = harness.backing.saveChannel(tracked(GUILD, 1));
    ConfigCache cache = cacheWhoseScanFails();

    assertThat(cache.findChannel(channel(1))).contains(stored);
    assertThat(cache.findChannel(channel(1))).contains(stored);

    assertThat(harness.store.calls(Operation.FIND_CHANNEL)).isEqualTo(1);
    assertThat(cache.stats().fallbackReads()).isEqualTo(1);
    assertThat(cache.stats().hits()).isEqualTo(1);
  }

  @Test
  void notFoundIsBelievedForTheNegativeCacheTtlThenAskedAgain() {
    ConfigCache cache = cacheWhoseScanFails();

    assertThat(cache.findChannel(channel(9))).isEmpty();
    harness.clock.advance(Duration.ofSeconds(59));
    assertThat(cache.findChannel(channel(9))).isEmpty();
    assertThat(harness.store.calls(Operation.FIND_CHANNEL)).isEqualTo(1);
    harness.clock.advance(Duration.ofSeconds(1));
    ChannelConfig created = harness.backing.saveChannel(tracked(GUILD, 9));

    assertThat(cache.findChannel(channel(9))).contains(created);
    assertThat(harness.store.calls(Operation.FIND_CHANNEL)).isEqualTo(2);
  }

  @Test
  void concurrentLookupsOfOneChannelShareOneStoreRead() throws Exception {
    ConfigCache cache = harness.startedCache(harness.builder().negativeCacheTtl(Duration.ZERO));
    harness.store.failWith(Operation.LOAD_ALL, () -> new StoreUnavailableException("scan refused"));
    harness.scheduler.runDue();
    Gate inStore = harness.store.blockNext(Operation.FIND_CHANNEL, When.BEFORE);

    Future<Optional<ChannelConfig>> first =
        harness.background.submit(() -> cache.findChannel(channel(5)));
    inStore.awaitArrival();
    Future<Optional<ChannelConfig>> second =
        harness.background.submit(() -> cache.findChannel(channel(5)));
    awaitWaiters(cache, 1);
    inStore.open();

    assertThat(first.get(30, TimeUnit.SECONDS)).isEmpty();
    assertThat(second.get(30, TimeUnit.SECONDS)).isEmpty();
    assertThat(harness.store.calls(Operation.FIND_CHANNEL)).isEqualTo(1);
  }

  @Test
  void beyondTheCapALookupFailsAtOnceInsteadOfQueueing() throws Exception {
    ConfigCache cache = harness.startedCache(harness.builder().maxConcurrentFallbackReads(1));
    harness.store.failWith(Operation.LOAD_ALL, () -> new StoreUnavailableException("scan refused"));
    harness.scheduler.runDue();
    Gate slowRead = harness.store.blockNext(Operation.FIND_CHANNEL, When.BEFORE);
    Future<Optional<ChannelConfig>> held =
        harness.background.submit(() -> cache.findChannel(channel(1)));
    slowRead.awaitArrival();

    assertThatThrownBy(() -> cache.findChannel(channel(2)))
        .isInstanceOf(StoreUnavailableException.class)
        .hasMessageContaining("1 store reads are already in flight");
    assertThat(harness.store.calls(Operation.FIND_CHANNEL)).isEqualTo(1);
    slowRead.open();
    assertThat(held.get(30, TimeUnit.SECONDS)).isEmpty();
    assertThat(cache.findChannel(channel(2))).isEmpty();
  }

  @Test
  void aFallbackReadOlderThanAWriteDoesNotOverwriteIt() throws Exception {
    ChannelConfig v1 = harness.backing.saveChannel(tracked(GUILD, 1));
    ConfigCache cache = cacheWhoseScanFails();
    Gate readDone = harness.store.blockNext(Operation.FIND_CHANNEL, When.AFTER);
    Future<Optional<ChannelConfig>> read =
        harness.background.submit(() -> cache.findChannel(channel(1)));
    readDone.awaitArrival();

    ChannelConfig v2 = cache.saveChannel(v1.withPin(true));
    readDone.open();

    assertThat(read.get(30, TimeUnit.SECONDS)).contains(v1); // what the store said when asked
    assertThat(cache.findChannel(channel(1))).contains(v2);
  }

  @Test
  void aWriteStuckInTheStoreDoesNotHoldUpLookups() throws Exception {
    ChannelConfig stored = harness.backing.saveChannel(tracked(GUILD, 3));
    ConfigCache cache = cacheWhoseScanFails();
    Gate stuckWrite = harness.store.blockNext(Operation.SAVE_CHANNEL, When.BEFORE);
    Future<ChannelConfig> write =
        harness.background.submit(() -> cache.saveChannel(tracked(GUILD, 1)));
    stuckWrite.awaitArrival(); // the writer holds the writer lock until the store answers

    Future<Optional<ChannelConfig>> lookup =
        harness.background.submit(() -> cache.findChannel(channel(3)));

    assertThat(lookup.get(30, TimeUnit.SECONDS)).contains(stored);
    stuckWrite.open();
    assertThat(write.get(30, TimeUnit.SECONDS).version()).isEqualTo(1);
    assertThat(cache.findChannel(channel(1))).isPresent();
  }

  @Test
  void writesWorkBeforeTheFirstLoadAndAreServedFromMemory() {
    ConfigCache cache = cacheWhoseScanFails();

    ChannelConfig saved = cache.saveChannel(tracked(GUILD, 1));

    assertThat(cache.findChannel(channel(1))).contains(saved);
    assertThat(harness.store.calls(Operation.FIND_CHANNEL)).isZero();
  }

  @Test
  void guildListsAndSettingsAreReadFromTheStoreAndRepairTheCache() {
    ChannelConfig one = harness.backing.saveChannel(tracked(GUILD, 1));
    GuildSettings settings = harness.backing.saveSettings(GuildSettings.defaults(GUILD));
    ConfigCache cache = cacheWhoseScanFails();

    assertThat(cache.findChannels(GUILD)).containsExactly(one);
    assertThat(cache.findSettings(GUILD)).contains(settings);
    assertThat(cache.findSettings(GUILD)).contains(settings);
    assertThat(cache.findChannel(channel(1))).contains(one);

    assertThat(harness.store.calls(Operation.FIND_CHANNELS)).isEqualTo(1);
    assertThat(harness.store.calls(Operation.FIND_SETTINGS)).isEqualTo(1);
    assertThat(harness.store.calls(Operation.FIND_CHANNEL)).isZero();
  }

  @Test
  void aBoardIsReadFromTheStoreOnceAndRepairsTheCache() {
    LiveBoard board = harness.backing.saveBoard(LiveBoard.of(GUILD, channel(1), 42));
    ConfigCache cache = cacheWhoseScanFails();

    assertThat(cache.findBoard(GUILD)).contains(board);
    assertThat(cache.findBoard(GUILD)).contains(board);
    assertThat(cache.findBoard(OTHER_GUILD)).isEmpty();
    assertThat(cache.findBoard(OTHER_GUILD)).isEmpty();

    assertThat(harness.store.calls(Operation.FIND_BOARD))
        .isEqualTo(2); // one per guild: "none" is remembered
  }

  @Test
  void theFullLoadIsRetriedWithBackoffUntilItSucceedsThenLookupsStopReadingTheStore() {
    harness.seed(2);
    ConfigCache cache = cacheWhoseScanFails();
    assertThat(cache.findChannel(channel(99))).isEmpty(); // remembered as absent

    // Retries after at most 1, 2, 4, 8 s (each cut by up to half): 4 to 7 more attempts in 15 s.
    harness.scheduler.advance(Duration.ofSeconds(15));
    assertThat(harness.store.calls(Operation.LOAD_ALL)).isBetween(4L, 7L);
    assertThat(cache.status().state()).isEqualTo(State.UNAVAILABLE);
    ChannelConfig created = harness.backing.saveChannel(tracked(GUILD, 99));
    harness.store.heal();
    harness.scheduler.advance(Duration.ofSeconds(16));

    assertThat(cache.status().state()).isEqualTo(State.READY);
    assertThat(harness.events.transitions())
        .containsExactly("STARTING->UNAVAILABLE", "UNAVAILABLE->READY");
    harness.store.resetCounts();
    assertThat(cache.findChannel(channel(99))).contains(created);
    assertThat(cache.findChannel(channel(100))).isEmpty();
    assertThat(harness.store.totalCalls()).isZero();
  }

  private static void awaitWaiters(ConfigCache cache, int count) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (((CachingConfigRepository) cache).fallbackWaiters() < count) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no second lookup waited for the first within 30 s");
      }
      Thread.onSpinWait();
    }
  }
}
