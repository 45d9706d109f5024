package io.github.botconfig.cache;

import static io.github.botconfig.cache.CacheHarness.GUILD;
import static io.github.botconfig.cache.CacheHarness.OTHER_GUILD;
import static io.github.botconfig.cache.CacheHarness.channel;
import static io.github.botconfig.cache.CacheHarness.tracked;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.GuildSettings;
import io.github.botconfig.domain.testing.InMemoryConfigStore;
import io.github.botconfig.domain.testing.ManualScheduler;
import io.github.botconfig.domain.testing.MutableClock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A cache over a store with a change feed: another process's write costs this one a read of the
 * changed key, and a change it cannot prove it saw costs one full load, at once or after the grace.
 */
class CacheChangeFeedTest {
  private static final Duration POLL = Duration.ofSeconds(5);
  private static final Duration GRACE = Duration.ofSeconds(10);

  private final MutableClock clock = MutableClock.startingAt2026();
  private final InMemoryConfigStore backing = new InMemoryConfigStore(clock);

  /** What the other process writes through, and what this cache reads. */
  private final FeedStore other = new FeedStore(backing);

  private final ManualScheduler scheduler = new ManualScheduler(clock);
  private ConfigCache cache = ConfigCache.builder(other).build();

  private ConfigCache loaded() {
    cache =
        ConfigCache.builder(other)
            .clock(clock)
            .scheduler(scheduler)
            .initialLoadWait(Duration.ZERO)
            .changePollInterval(POLL)
            .changeGapGrace(GRACE)
            .build();
    cache.start();
    scheduler.runDue();
    assertThat(cache.stats().loads()).isEqualTo(1);
    return cache;
  }

  private void poll() {
    scheduler.advance(POLL);
  }

  @AfterEach
  void close() {
    cache.close();
  }

  @Test
  void anotherProcessesWriteIsReadByItsKeyAloneWithoutAFullLoad() {
    backing.saveChannel(tracked(GUILD, 1));
    loaded();

    ChannelConfig changed =
        other.saveChannel(backing.findChannel(channel(1)).orElseThrow().withPin(true));
    GuildSettings settings =
        other.saveSettings(GuildSettings.defaults(GUILD).withPositionDisplayEnabled(false));
    poll();

    assertThat(cache.findChannel(channel(1))).contains(changed);
    assertThat(cache.findSettings(GUILD)).contains(settings);
    assertThat(cache.stats().loads()).isEqualTo(1);
    assertThat(cache.stats().changesApplied()).isEqualTo(2);
    assertThat(other.reads).hasValue(2);
  }

  @Test
  void anIdlePollReadsTheFeedOnceAndNothingElse() {
    backing.saveChannel(tracked(GUILD, 1));
    loaded();
    long callsBefore = cache.stats().storeCalls();

    for (int i = 0; i < 12; i++) {
      poll();
    }

    assertThat(cache.stats().storeCalls() - callsBefore).isEqualTo(12);
    assertThat(other.reads).hasValue(0);
    assertThat(cache.stats().loads()).isEqualTo(1);
  }

  @Test
  void untrackedChannelsAndDeletedGuildsLeaveTheCacheByTheirKeys() {
    backing.saveChannel(tracked(GUILD, 1));
    backing.saveChannel(tracked(GUILD, 2));
    backing.saveChannel(tracked(OTHER_GUILD, 3));
    loaded();

    other.deleteChannel(GUILD, channel(1));
    other.deleteGuild(OTHER_GUILD);
    poll();

    assertThat(cache.findChannel(channel(1))).isEmpty();
    assertThat(cache.findChannel(channel(2))).isPresent();
    assertThat(cache.findChannel(channel(3))).isEmpty();
    assertThat(cache.findChannels(OTHER_GUILD)).isEmpty();
    assertThat(cache.stats().loads()).isEqualTo(1);
  }

  @Test
  void aChannelMovedToAnotherGuildIsHeldOnceWhateverTheOrderOfItsTwoRecords() {
    backing.saveChannel(tracked(GUILD, 1));
    loaded();

    other.holdNextRecord();
    other.deleteChannel(GUILD, channel(1));
    ChannelConfig moved = other.saveChannel(tracked(OTHER_GUILD, 1));
    poll(); // the creation under the other guild arrives first
    other.releaseHeld();
    poll(); // then the deletion under the first: it must not remove the moved channel

    assertThat(cache.findChannel(channel(1))).contains(moved);
    assertThat(cache.findChannels(GUILD)).isEmpty();
    assertThat(cache.findChannels(OTHER_GUILD)).containsExactly(moved);
    assertThat(cache.stats().changeGaps()).isZero();
    assertThat(cache.stats().loads()).isEqualTo(1);
  }

  @Test
  void aWriterKilledBetweenItsItemAndItsRecordIsHealedByOneFullLoadAfterTheGrace() {
    backing.saveChannel(tracked(GUILD, 1));
    loaded();

    other.loseNextRecord();
    ChannelConfig unrecorded =
        other.saveChannel(backing.findChannel(channel(1)).orElseThrow().withImage(true));
    poll();
    assertThat(cache.findChannel(channel(1))).isNotEqualTo(Optional.of(unrecorded));
    assertThat(cache.stats().loads()).isEqualTo(1);

    // One poll plus the grace at most: then the cache loads everything, once.
    scheduler.advance(GRACE);

    assertThat(cache.findChannel(channel(1))).contains(unrecorded);
    assertThat(cache.stats().changeGaps()).isEqualTo(1);
    assertThat(cache.stats().loads()).isEqualTo(2);
    for (int i = 0; i < 10; i++) {
      poll();
    }
    assertThat(cache.stats().loads()).isEqualTo(2);
  }

  @Test
  void recordsOutOfOrderAreAppliedAsTheyComeAndAreNoGapIfTheLateOneArrivesWithinTheGrace() {
    backing.saveChannel(tracked(GUILD, 1));
    backing.saveChannel(tracked(GUILD, 2));
    loaded();

    other.holdNextRecord();
    ChannelConfig first =
        other.saveChannel(backing.findChannel(channel(1)).orElseThrow().withPin(true));
    ChannelConfig second =
        other.saveChannel(backing.findChannel(channel(2)).orElseThrow().withPin(true));
    poll();
    assertThat(cache.findChannel(channel(2))).contains(second);

    other.releaseHeld();
    poll();

    assertThat(cache.findChannel(channel(1))).contains(first);
    assertThat(cache.stats().changeGaps()).isZero();
    assertThat(cache.stats().loads()).isEqualTo(1);
    assertThat(other.reads).hasValue(2);
  }

  @Test
  void recordsListedAgainAreNotReadAgain() {
    backing.saveChannel(tracked(GUILD, 1));
    loaded();
    other.saveChannel(backing.findChannel(channel(1)).orElseThrow().withPin(true));
    poll();

    other.replayEverything();
    poll();
    poll();

    assertThat(other.reads).hasValue(1);
    assertThat(cache.stats().changesApplied()).isEqualTo(1);
    assertThat(cache.stats().loads()).isEqualTo(1);
  }

  @Test
  void aRecordPrunedBeforeASlowCacheReadItMakesItLoadEverythingAtOnce() {
    backing.saveChannel(tracked(GUILD, 1));
    loaded();

    ChannelConfig changed =
        other.saveChannel(backing.findChannel(channel(1)).orElseThrow().withPin(true));
    other.pruneUpTo(other.head());
    poll();

    assertThat(cache.findChannel(channel(1))).contains(changed);
    assertThat(cache.stats().changeGaps()).isEqualTo(1);
    assertThat(cache.stats().loads()).isEqualTo(2);
  }

  @Test
  void aWriteThroughThisCacheIsNotUndoneByTheRecordItLeft() {
    backing.saveChannel(tracked(GUILD, 1));
    ConfigCache cache = loaded();

    ChannelConfig mine =
        cache.saveChannel(cache.findChannel(channel(1)).orElseThrow().withPin(true));
    poll();

    assertThat(cache.findChannel(channel(1))).contains(mine);
    assertThat(cache.stats().loads()).isEqualTo(1);
  }

  @Test
  void theSafetyRefreshStillLoadsEverythingForWritersThatRecordNothing() {
    backing.saveChannel(tracked(GUILD, 1));
    loaded();

    // The running TypeScript bot writes without a marker or a record.
    ChannelConfig silent =
        backing.saveChannel(backing.findChannel(channel(1)).orElseThrow().withPin(true));
    poll();
    assertThat(cache.findChannel(channel(1))).isNotEqualTo(Optional.of(silent));

    scheduler.advance(Duration.ofMinutes(34));

    assertThat(cache.findChannel(channel(1))).contains(silent);
    assertThat(cache.stats().changeGaps()).isZero();
  }
}
