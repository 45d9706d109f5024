package io.github.botconfig.cache;

import static io.github.botconfig.cache.CacheHarness.GUILD;
import static io.github.botconfig.cache.CacheHarness.OTHER_GUILD;
import static io.github.botconfig.cache.CacheHarness.POLL;
import static io.github.botconfig.cache.CacheHarness.channel;
import static io.github.botconfig.cache.CacheHarness.tracked;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ConfigConflictException;
import io.github.botconfig.domain.ConfigConflictException.Reason;
import io.github.botconfig.domain.GuildSettings;
import io.github.botconfig.domain.LiveBoard;
import io.github.botconfig.domain.testing.InstrumentedConfigStore.Gate;
import io.github.botconfig.domain.testing.InstrumentedConfigStore.Operation;
import io.github.botconfig.domain.testing.InstrumentedConfigStore.When;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A refresh's scan and the writes through the cache, interleaved on purpose with the store's gates:
 * whatever the order, a scan never undoes a write that landed while it ran.
 */
class CacheInterleavingTest {
  private final CacheHarness harness = new CacheHarness();

  @AfterEach
  void close() {
    harness.close();
  }

  /** Starts a refresh on a background thread; it stops at the gate the test set on the store. */
  private CompletableFuture<CacheStatus> refreshInBackground(ConfigCache cache, Gate gate) {
    CompletableFuture<CacheStatus> refresh = cache.refreshNow();
    harness.background.execute(harness.scheduler::runDue);
    gate.awaitArrival();
    return refresh;
  }

  private static CacheStatus finish(Gate gate, CompletableFuture<CacheStatus> refresh)
      throws Exception {
    gate.open();
    return refresh.get(30, TimeUnit.SECONDS);
  }

  @Test
  void aWriteAfterTheScanReadItsKeyIsNotRevertedByThatScan() throws Exception {
    harness.backing.saveChannel(tracked(GUILD, 1));
    ConfigCache cache = harness.loadedCache();
    ChannelConfig v1 = cache.findChannel(channel(1)).orElseThrow();
    Gate scanned = harness.store.blockNext(Operation.LOAD_ALL, When.AFTER);
    CompletableFuture<CacheStatus> refresh = refreshInBackground(cache, scanned);

    ChannelConfig v2 = cache.saveChannel(v1.withPin(true));
    finish(scanned, refresh);

    assertThat(cache.findChannel(channel(1))).contains(v2);
    assertThat(cache.findChannels(GUILD)).containsExactly(v2);
  }

  @Test
  void aWriteBeforeTheScanReadsItsKeyIsKeptAndMatchesTheScan() throws Exception {
    harness.backing.saveChannel(tracked(GUILD, 1));
    ConfigCache cache = harness.loadedCache();
    ChannelConfig v1 = cache.findChannel(channel(1)).orElseThrow();
    Gate beforeScan = harness.store.blockNext(Operation.LOAD_ALL, When.BEFORE);
    CompletableFuture<CacheStatus> refresh = refreshInBackground(cache, beforeScan);

    ChannelConfig v2 = cache.saveChannel(v1.withPin(true));
    finish(beforeScan, refresh);

    assertThat(cache.findChannel(channel(1))).contains(v2);
    assertThat(harness.backing.findChannel(channel(1))).contains(v2);
  }

  @Test
  void aChannelDeletedWhileTheScanRanIsNotResurrected() throws Exception {
    harness.backing.saveChannel(tracked(GUILD, 1));
    harness.backing.saveChannel(tracked(GUILD, 2));
    ConfigCache cache = harness.loadedCache();
    Gate scanned = harness.store.blockNext(Operation.LOAD_ALL, When.AFTER);
    CompletableFuture<CacheStatus> refresh = refreshInBackground(cache, scanned);

    assertThat(cache.deleteChannel(GUILD, channel(1))).isTrue();
    finish(scanned, refresh);

    assertThat(cache.findChannel(channel(1))).isEmpty();
    assertThat(cache.findChannels(GUILD))
        .extracting(ChannelConfig::channelId)
        .containsExactly(channel(2));
  }

  @Test
  void aDeletionIsRememberedUntilAScanThatBeganAfterItCompletes() throws Exception {
    harness.backing.saveChannel(tracked(GUILD, 1));
    ConfigCache cache = harness.loadedCache();
    CachingConfigRepository repository = (CachingConfigRepository) cache;
    Gate scanned = harness.store.blockNext(Operation.LOAD_ALL, When.AFTER);
    CompletableFuture<CacheStatus> refresh = refreshInBackground(cache, scanned);
    cache.deleteChannel(GUILD, channel(1));
    finish(scanned, refresh);
    assertThat(repository.rememberedWrites()).isEqualTo(1);

    harness.scheduler.advance(POLL); // the delete moved the marker: this poll loads again

    assertThat(repository.rememberedWrites()).isZero();
    assertThat(cache.findChannel(channel(1))).isEmpty();
  }

  @Test
  void aChannelMovedToAnotherGuildWhileTheScanRanStaysMovedThoughItsVersionRestarted()
      throws Exception {
    ChannelConfig old = harness.backing.saveChannel(tracked(GUILD, 1));
    old = harness.backing.saveChannel(old.withPin(true));
    harness.backing.saveChannel(old.withImage(true)); // version 3 under GUILD
    ConfigCache cache = harness.loadedCache();
    Gate scanned = harness.store.blockNext(Operation.LOAD_ALL, When.AFTER);
    CompletableFuture<CacheStatus> refresh = refreshInBackground(cache, scanned);

    cache.deleteChannel(GUILD, channel(1));
    ChannelConfig moved = cache.saveChannel(tracked(OTHER_GUILD, 1)); // version 1 under OTHER_GUILD
    finish(scanned, refresh);

    assertThat(cache.findChannel(channel(1))).contains(moved);
    assertThat(cache.findChannels(GUILD)).isEmpty();
    assertThat(cache.findChannels(OTHER_GUILD)).containsExactly(moved);
    assertThat(((CachingConfigRepository) cache).inconsistencies()).isEmpty();
  }

  @Test
  void aGuildDeletedWhileTheScanRanIsNotResurrected() throws Exception {
    harness.seed(3);
    harness.backing.saveChannel(tracked(OTHER_GUILD, 10));
    ConfigCache cache = harness.loadedCache();
    Gate scanned = harness.store.blockNext(Operation.LOAD_ALL, When.AFTER);
    CompletableFuture<CacheStatus> refresh = refreshInBackground(cache, scanned);

    assertThat(cache.deleteGuild(GUILD)).isEqualTo(4);
    finish(scanned, refresh);

    assertThat(cache.findChannels(GUILD)).isEmpty();
    assertThat(cache.findSettings(GUILD)).isEmpty();
    assertThat(cache.findChannel(channel(1))).isEmpty();
    assertThat(cache.findChannel(channel(10))).isPresent();
  }

  @Test
  void settingsSavedWhileTheScanRanAreKept() throws Exception {
    ConfigCache cache = harness.loadedCache();
    Gate scanned = harness.store.blockNext(Operation.LOAD_ALL, When.AFTER);
    CompletableFuture<CacheStatus> refresh = refreshInBackground(cache, scanned);

    GuildSettings saved = cache.saveSettings(GuildSettings.defaults(GUILD));
    finish(scanned, refresh);

    assertThat(cache.findSettings(GUILD)).contains(saved);
  }

  @Test
  void aBoardSavedOrDeletedWhileTheScanRanStaysSo() throws Exception {
    harness.backing.saveBoard(LiveBoard.of(OTHER_GUILD, channel(2), 77));
    ConfigCache cache = harness.loadedCache();
    Gate scanned = harness.store.blockNext(Operation.LOAD_ALL, When.AFTER);
    CompletableFuture<CacheStatus> refresh = refreshInBackground(cache, scanned);

    LiveBoard saved = cache.saveBoard(LiveBoard.of(GUILD, channel(1), 42));
    assertThat(cache.deleteBoard(OTHER_GUILD)).isTrue();
    finish(scanned, refresh);

    assertThat(cache.findBoard(GUILD)).contains(saved);
    assertThat(cache.findBoard(OTHER_GUILD)).isEmpty();
  }

  @Test
  void aWriteByAnotherProcessDuringTheScanIsTakenFromTheScanOrTheNextPoll() throws Exception {
    harness.backing.saveChannel(tracked(GUILD, 1));
    ConfigCache cache = harness.loadedCache();
    Gate beforeScan = harness.store.blockNext(Operation.LOAD_ALL, When.BEFORE);
    CompletableFuture<CacheStatus> refresh = refreshInBackground(cache, beforeScan);
    ChannelConfig elsewhere =
        harness.backing.saveChannel(
            harness.backing.findChannel(channel(1)).orElseThrow().withPin(true));
    finish(beforeScan, refresh);
    assertThat(cache.findChannel(channel(1))).contains(elsewhere);

    Gate scanned = harness.store.blockNext(Operation.LOAD_ALL, When.AFTER);
    refresh = refreshInBackground(cache, scanned);
    ChannelConfig later = harness.backing.saveChannel(elsewhere.withImage(true));
    finish(scanned, refresh);
    assertThat(cache.findChannel(channel(1))).contains(elsewhere); // the scan was older: not yet
    harness.scheduler.advance(POLL);

    assertThat(cache.findChannel(channel(1))).contains(later);
  }

  @Test
  void twoConcurrentWritersOfOneChannelOneWinsTheOtherGetsAConflict() throws Exception {
    ChannelConfig v1 = harness.backing.saveChannel(tracked(GUILD, 1));
    ConfigCache cache = harness.loadedCache();
    Gate firstInStore = harness.store.blockNext(Operation.SAVE_CHANNEL, When.BEFORE);

    Future<ChannelConfig> pin =
        harness.background.submit(() -> cache.saveChannel(v1.withPin(true)));
    firstInStore.awaitArrival();
    Future<ChannelConfig> image =
        harness.background.submit(() -> cache.saveChannel(v1.withImage(true)));
    firstInStore.open();

    List<ChannelConfig> won = new ArrayList<>();
    List<Throwable> lost = new ArrayList<>();
    for (Future<ChannelConfig> write : List.of(pin, image)) {
      try {
        won.add(write.get(30, TimeUnit.SECONDS));
      } catch (java.util.concurrent.ExecutionException e) {
        lost.add(e.getCause());
      }
    }
    assertThat(won).hasSize(1);
    assertThat(lost)
        .singleElement()
        .isInstanceOfSatisfying(
            ConfigConflictException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.VERSION_CHANGED));
    assertThat(won.get(0).version()).isEqualTo(2);
    assertThat(cache.findChannel(channel(1))).contains(won.get(0));
    assertThat(harness.backing.findChannel(channel(1))).contains(won.get(0));
  }

  @Test
  void aRefreshThatFailsWhileAWriteLandsKeepsTheWriteAndRecoversLater() throws Exception {
    harness.backing.saveChannel(tracked(GUILD, 1));
    ConfigCache cache = harness.loadedCache();
    Gate beforeScan = harness.store.blockNext(Operation.LOAD_ALL, When.BEFORE);
    CompletableFuture<CacheStatus> refresh = cache.refreshNow();
    harness.background.execute(harness.scheduler::runDue);
    beforeScan.awaitArrival();
    harness.store.failNext(
        Operation.LOAD_ALL, new io.github.botconfig.domain.StoreUnavailableException("x"));
    ChannelConfig saved = cache.saveChannel(tracked(GUILD, 2));
    beforeScan.open();
    assertThat(refresh.get(30, TimeUnit.SECONDS).state()).isEqualTo(CacheStatus.State.READY);

    // The failure was scripted for the next call: the next refresh.
    harness.scheduler.advance(POLL);
    assertThat(cache.status().state()).isEqualTo(CacheStatus.State.STALE);
    assertThat(cache.findChannel(channel(2))).contains(saved);
    harness.scheduler.advance(POLL);

    assertThat(cache.status().state()).isEqualTo(CacheStatus.State.READY);
    assertThat(CacheWriteThroughTest.snapshotOf(cache)).isEqualTo(harness.backing.loadAll());
  }
}
