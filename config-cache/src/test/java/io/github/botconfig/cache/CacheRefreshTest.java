package io.github.botconfig.cache;

import static io.github.botconfig.cache.CacheHarness.GUILD;
import static io.github.botconfig.cache.CacheHarness.OTHER_GUILD;
import static io.github.botconfig.cache.CacheHarness.POLL;
import static io.github.botconfig.cache.CacheHarness.channel;
import static io.github.botconfig.cache.CacheHarness.tracked;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.botconfig.cache.CacheStatus.State;
import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.LiveBoard;
import io.github.botconfig.domain.StoreUnavailableException;
import io.github.botconfig.domain.testing.InstrumentedConfigStore;
import io.github.botconfig.domain.testing.InstrumentedConfigStore.Operation;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * How the cache follows its store: change-marker polls, the periodic refresh, refreshNow, failures.
 */
class CacheRefreshTest {
  private final CacheHarness harness = new CacheHarness();

  @AfterEach
  void close() {
    harness.close();
  }

  @Test
  void aWriteStraightToTheStoreIsSeenAtTheNextPoll() {
    ConfigCache cache = harness.loadedCache();
    ChannelConfig written = harness.backing.saveChannel(tracked(GUILD, 1));

    harness.scheduler.advance(POLL.minusMillis(1));
    assertThat(cache.findChannel(channel(1))).isEmpty();
    harness.scheduler.advance(Duration.ofMillis(1));

    assertThat(cache.findChannel(channel(1))).contains(written);
    assertThat(harness.store.calls(Operation.LOAD_ALL)).isEqualTo(1);
    assertThat(harness.events.events())
        .containsExactly("channel " + channel(1) + " none->" + GUILD + "/v1", "refreshed 1");
  }

  @Test
  void aBoardWrittenStraightToTheStoreIsSeenAtTheNextPollAndServedFromMemory() {
    ConfigCache cache = harness.loadedCache();
    LiveBoard written = harness.backing.saveBoard(LiveBoard.of(GUILD, channel(1), 42));

    harness.scheduler.advance(POLL);
    harness.store.resetCounts();

    assertThat(cache.findBoard(GUILD)).contains(written);
    assertThat(cache.findBoard(OTHER_GUILD)).isEmpty();
    assertThat(harness.store.totalCalls()).isZero();
  }

  @Test
  void anUnchangedMarkerCostsOneSmallReadAndNoScan() {
    harness.seed(3);
    ConfigCache cache = harness.loadedCache();

    harness.scheduler.advance(POLL.multipliedBy(10));

    assertThat(harness.store.calls(Operation.CHANGE_MARKER)).isEqualTo(10);
    assertThat(harness.store.calls(Operation.LOAD_ALL)).isZero();
    assertThat(cache.stats().loads()).isEqualTo(1);
  }

  @Test
  void everythingIsReloadedWithinThirtyMinutesPlusOrMinusTenPercentEvenWithoutChanges() {
    ConfigCache cache = harness.builder().changePollInterval(Duration.ZERO).build();
    harness.loaded(cache);

    harness.scheduler.advance(Duration.ofMinutes(27).minusMillis(1));
    assertThat(harness.store.totalCalls()).isZero();
    harness.scheduler.advance(Duration.ofMinutes(6).plusMillis(1));

    assertThat(harness.store.calls(Operation.LOAD_ALL)).isEqualTo(1);
    assertThat(harness.store.calls(Operation.CHANGE_MARKER)).isEqualTo(1); // read with the scan
    assertThat(cache.stats().loads()).isEqualTo(2);
    assertThat(harness.scheduler.nextTaskIn())
        .hasValueSatisfying(
            d -> assertThat(d).isBetween(Duration.ofMinutes(21), Duration.ofMinutes(33)));
  }

  @Test
  void withPollingDisabledAWriteElsewhereWaitsForThePeriodicRefresh() {
    ConfigCache cache = harness.builder().changePollInterval(Duration.ZERO).build();
    harness.loaded(cache);
    harness.backing.saveChannel(tracked(GUILD, 1));

    harness.scheduler.advance(Duration.ofMinutes(26));
    assertThat(cache.findChannel(channel(1))).isEmpty();
    harness.scheduler.advance(Duration.ofMinutes(8));

    assertThat(cache.findChannel(channel(1))).isPresent();
  }

  @Test
  void refreshNowLoadsOnTheSchedulerAndRequestsMadeBeforeItRunsShareOneScan() {
    ConfigCache cache = harness.loadedCache();
    harness.backing.saveChannel(tracked(GUILD, 1));

    CompletableFuture<CacheStatus> first = cache.refreshNow();
    CompletableFuture<CacheStatus> second = cache.refreshNow();
    assertThat(first).isNotDone();
    harness.scheduler.runDue();

    assertThat(first).isCompletedWithValueMatching(s -> s.state() == State.READY);
    assertThat(second).isCompleted();
    assertThat(harness.store.calls(Operation.LOAD_ALL)).isEqualTo(1);
    assertThat(cache.findChannel(channel(1))).isPresent();
  }

  @Test
  void aFailedRefreshKeepsTheSnapshotAndReportsStaleWithItsAge() {
    harness.seed(2);
    ConfigCache cache = harness.loadedCache();
    ChannelConfig one = cache.findChannel(channel(1)).orElseThrow();
    harness.backing.saveChannel(tracked(GUILD, 3));
    harness.store.failWith(
        Operation.LOAD_ALL, () -> new StoreUnavailableException("scan throttled"));

    harness.scheduler.advance(POLL);
    harness.clock.advance(Duration.ofMinutes(5));

    CacheStatus status = cache.status();
    assertThat(status.state()).isEqualTo(State.STALE);
    assertThat(status.age()).contains(POLL.plusMinutes(5));
    assertThat(status.failureStreak()).isEqualTo(1);
    assertThat(status.lastFailure()).contains("scan throttled");
    assertThat(cache.findChannel(channel(1))).contains(one);
    assertThat(cache.findChannel(channel(3))).isEmpty();
    assertThat(cache.stats().failedLoads()).isEqualTo(1);
  }

  @Test
  void failuresBackOffAndAreReportedOncePerStreakThenRecoveryOnce() {
    ConfigCache cache = harness.loadedCache();
    harness.backing.saveChannel(tracked(GUILD, 1));
    harness.store.goDown();

    // 30 s to the poll that fails, then retries after at most 1, 2, 4, 8, 16, 32 s (each cut by up
    // to half).
    harness.scheduler.advance(POLL.plusSeconds(63));
    long attempts = harness.store.calls(Operation.CHANGE_MARKER);
    assertThat(attempts).isBetween(7L, 13L);
    assertThat(cache.status().failureStreak()).isEqualTo((int) attempts);
    harness.store.heal();
    harness.scheduler.advance(Duration.ofSeconds(64));

    assertThat(cache.status().state()).isEqualTo(State.READY);
    assertThat(cache.findChannel(channel(1))).isPresent();
    assertThat(harness.events.transitions()).containsExactly("READY->STALE", "STALE->READY");
  }

  @Test
  void aFailedRefreshIsRetriedEvenThoughTheMarkerNoLongerLooksNew() {
    ConfigCache cache = harness.loadedCache();
    harness.backing.saveChannel(tracked(GUILD, 1));
    harness.store.failNext(Operation.LOAD_ALL, new StoreUnavailableException("once"));

    harness.scheduler.advance(POLL);
    assertThat(cache.status().state()).isEqualTo(State.STALE);
    harness.scheduler.advance(Duration.ofSeconds(1));

    assertThat(cache.status().state()).isEqualTo(State.READY);
    assertThat(cache.findChannel(channel(1))).isPresent();
  }

  @Test
  void aFailedRefreshNowCompletesExceptionallyAndLeavesTheSnapshot() {
    harness.seed(1);
    ConfigCache cache = harness.loadedCache();
    harness.store.failNext(Operation.LOAD_ALL, new StoreUnavailableException("down"));

    CompletableFuture<CacheStatus> refresh = cache.refreshNow();
    harness.scheduler.runDue();

    assertThat(refresh).isCompletedExceptionally();
    assertThat(cache.status().state()).isEqualTo(State.STALE);
    assertThat(cache.findChannel(channel(1))).isPresent();
  }

  @Test
  void twoCachesOverOneStoreAgreeWithinTwoPollIntervals() {
    ConfigCache a = harness.loadedCache();
    InstrumentedConfigStore storeOfB = new InstrumentedConfigStore(harness.backing);
    ConfigCache b =
        harness.loaded(
            ConfigCache.builder(storeOfB)
                .clock(harness.clock)
                .scheduler(harness.scheduler)
                .initialLoadWait(Duration.ZERO)
                .changePollInterval(POLL)
                .build());
    // B polls a little later than A, as two processes would.
    harness.scheduler.advance(Duration.ofSeconds(7));

    ChannelConfig throughA = a.saveChannel(tracked(GUILD, 1));
    ChannelConfig straight = harness.backing.saveChannel(tracked(GUILD, 2)); // the CLI, say
    harness.scheduler.advance(POLL.multipliedBy(2));

    assertThat(b.findChannel(channel(1))).contains(throughA);
    assertThat(b.findChannel(channel(2))).contains(straight);
    assertThat(a.findChannel(channel(2))).contains(straight);
    ChannelConfig throughB = b.saveChannel(throughA.withPin(true));
    harness.scheduler.advance(POLL.multipliedBy(2));
    assertThat(a.findChannel(channel(1))).contains(throughB);
    assertThat(CacheWriteThroughTest.snapshotOf(a)).isEqualTo(CacheWriteThroughTest.snapshotOf(b));
  }
}
