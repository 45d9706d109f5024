package io.github.botconfig.cache;

import static io.github.botconfig.cache.CacheHarness.GUILD;
import static io.github.botconfig.cache.CacheHarness.POLL;
import static io.github.botconfig.cache.CacheHarness.channel;
import static io.github.botconfig.cache.CacheHarness.tracked;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.botconfig.cache.CacheStatus.State;
import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.ConfigSnapshot;
import io.github.botconfig.domain.testing.InstrumentedConfigStore.Operation;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A store that stays down while the bot serves messages: every lookup is answered from memory, none
 * fails, none reaches the store. The cache says how stale it is and recovers on the first refresh
 * that succeeds. That lookups are as fast as with a healthy store is measured, not asserted here:
 * {@code OutageLookupBenchmark} (src/jmh, docs/performance.md).
 */
class CacheOutageTest {
  static final int CHANNELS = 2_000;
  static final int BATCH = 1_000;
  private static final int ROUNDS = 400;

  private final CacheHarness outage = new CacheHarness();

  @AfterEach
  void close() {
    outage.close();
  }

  @Test
  void lookupsDuringAnOutageAreAnsweredFromMemoryWithoutErrorsOrStoreCalls() {
    outage.seed(CHANNELS);
    ConfigCache stranded = outage.loadedCache();
    ConfigSnapshot before = outage.backing.loadAll();
    outage.store.goDown();
    outage.scheduler.advance(POLL); // the poll fails: the outage is noticed
    assertThat(stranded.status().state()).isEqualTo(State.STALE);
    outage.store.resetCounts();

    long found = 0;
    for (int round = 0; round < ROUNDS; round++) {
      found += lookUpBatch(stranded, round);
    }

    assertThat(found)
        .as("tracked channels found during the outage")
        .isEqualTo((long) ROUNDS * BATCH / 10);
    assertThat(outage.store.totalCalls())
        .as("store calls made by lookups during the outage")
        .isZero();
    for (ChannelConfig channel : before.channels().values()) {
      assertThat(stranded.findChannel(channel.channelId())).contains(channel);
    }
  }

  @Test
  void
      aLongOutageKeepsTheSnapshotReportsItsGrowingAgeRetriesAtMostEveryFiveMinutesAndRecoversByItself() {
    outage.seed(3);
    ConfigCache cache = outage.loadedCache();
    ChannelConfig one = cache.findChannel(channel(1)).orElseThrow();
    outage.store.goDown();

    outage.scheduler.advance(Duration.ofHours(3));

    CacheStatus status = cache.status();
    assertThat(status.state()).isEqualTo(State.STALE);
    assertThat(status.age())
        .hasValueSatisfying(age -> assertThat(age).isGreaterThanOrEqualTo(Duration.ofHours(3)));
    assertThat(status.lastFailure()).isPresent();
    // Backoff doubles from 1 s to 5 min (each wait cut by up to half): 3 h is at most ~80 attempts,
    // not ~10,000.
    long attempts =
        outage.store.calls(Operation.CHANGE_MARKER) + outage.store.calls(Operation.LOAD_ALL);
    assertThat(attempts).isBetween(36L, 90L);
    assertThat(cache.findChannel(channel(1))).contains(one);
    assertThat(cache.findChannel(ChannelId.of(7))).isEmpty();

    ChannelConfig added = outage.backing.saveChannel(tracked(GUILD, 4));
    outage.store.heal();
    outage.scheduler.advance(Duration.ofMinutes(5));

    assertThat(cache.status().state()).isEqualTo(State.READY);
    assertThat(cache.status().failureStreak()).isZero();
    assertThat(cache.findChannel(channel(4))).contains(added);
    assertThat(outage.events.transitions()).containsExactly("READY->STALE", "STALE->READY");
  }

  /**
   * One message in ten is in a tracked channel, the rest in untracked ones: the seed's traffic,
   * roughly.
   */
  static long lookUpBatch(ConfigCache cache, int round) {
    long found = 0;
    for (int i = 0; i < BATCH; i++) {
      ChannelId id =
          i % 10 == 0 ? channel(1 + (round * BATCH + i) % CHANNELS) : ChannelId.of(1_000_000L + i);
      Optional<ChannelConfig> channel = cache.findChannel(id);
      if (channel.isPresent()) {
        found++;
      }
    }
    return found;
  }
}
