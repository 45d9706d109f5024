package io.github.botconfig.cache;

import static io.github.botconfig.cache.CacheHarness.GUILD;
import static io.github.botconfig.cache.CacheHarness.OTHER_GUILD;
import static io.github.botconfig.cache.CacheHarness.channel;
import static io.github.botconfig.cache.CacheHarness.tracked;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ConfigKey;
import io.github.botconfig.domain.GuildSettings;
import io.github.botconfig.domain.UnreadableItem;
import io.github.botconfig.domain.testing.InMemoryConfigStore;
import io.github.botconfig.domain.testing.ManualScheduler;
import io.github.botconfig.domain.testing.MutableClock;
import java.time.Clock;
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
    return loaded(clock);
  }

  /** A cache whose own clock is {@code readerClock}; the scheduler keeps its own time. */
  private ConfigCache loaded(Clock readerClock) {
    cache =
        ConfigCache.builder(other)
            .clock(readerClock)
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
  void aReaderWhoseClockStepsBackAnHourStillHealsAHoleWithinTwoGraces() {
    MutableClock readerClock = MutableClock.startingAt2026();
    backing.saveChannel(tracked(GUILD, 1));
    loaded(readerClock);

    other.loseNextRecord();
    ChannelConfig unrecorded =
        other.saveChannel(backing.findChannel(channel(1)).orElseThrow().withImage(true));
    readerClock.advance(POLL);
    poll(); // the position is owed from now, on the reader's clock
    readerClock.set(readerClock.instant().minus(Duration.ofHours(1))); // a time server steps it
    for (Duration waited = Duration.ZERO;
        waited.compareTo(GRACE.multipliedBy(2).plus(POLL)) < 0;
        waited = waited.plus(POLL)) {
      readerClock.advance(POLL);
      poll();
    }

    assertThat(cache.findChannel(channel(1))).contains(unrecorded);
    assertThat(cache.stats().changeGaps()).isEqualTo(1);
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
  void itemsAnotherProcessMadeUnreadableAreHeldAsUnreadableAfterTheirChange() {
    backing.saveChannel(tracked(GUILD, 1));
    backing.saveSettings(GuildSettings.defaults(GUILD));
    loaded();

    UnreadableItem channelItem =
        UnreadableItem.channel(GUILD, channel(1), "threshold: must be a percentage, got 'maybe'");
    UnreadableItem settingsItem =
        UnreadableItem.settings(GUILD, "timezone: must be an IANA time zone, got 'Mars/Olympus'");
    other.recordedWrite(
        ConfigKey.channel(GUILD, channel(1)), () -> backing.putUnreadable(channelItem));
    other.recordedWrite(ConfigKey.settings(GUILD), () -> backing.putUnreadable(settingsItem));
    poll();

    assertThat(cache.findChannel(channel(1))).isEmpty();
    assertThat(cache.findUnreadableChannel(channel(1))).contains(channelItem);
    assertThat(cache.findSettings(GUILD)).isEmpty();
    assertThat(cache.findUnreadable(GUILD)).containsExactlyInAnyOrder(channelItem, settingsItem);
    assertThat(cache.stats().loads()).isEqualTo(1);
    assertThat(cache.stats().changesApplied()).isEqualTo(2);
  }

  @Test
  void unreadableItemsAnotherProcessFixedOrDeletedLeaveTheCacheByTheirChange() {
    UnreadableItem fixed =
        UnreadableItem.channel(GUILD, channel(1), "threshold: must be a percentage, got 'maybe'");
    UnreadableItem deleted =
        UnreadableItem.channel(GUILD, channel(2), "tagType: must be user or role, got 'team'");
    UnreadableItem settings =
        UnreadableItem.settings(GUILD, "timezone: must be an IANA time zone, got 'Mars/Olympus'");
    UnreadableItem purged =
        UnreadableItem.channel(OTHER_GUILD, channel(3), "pin: must be a boolean, got 'often'");
    backing.putUnreadable(fixed);
    backing.putUnreadable(deleted);
    backing.putUnreadable(settings);
    backing.putUnreadable(purged);
    loaded();
    assertThat(cache.findUnreadable(GUILD)).hasSize(3);

    ChannelConfig readable = tracked(GUILD, 1);
    other.recordedWrite(
        ConfigKey.channel(GUILD, channel(1)), () -> backing.putAsAnotherWriter(readable));
    other.deleteChannel(GUILD, channel(2));
    GuildSettings fresh = GuildSettings.defaults(GUILD).withPositionDisplayEnabled(false);
    other.recordedWrite(ConfigKey.settings(GUILD), () -> backing.putAsAnotherWriter(fresh));
    other.deleteGuild(OTHER_GUILD);
    poll();

    assertThat(cache.findChannel(channel(1))).contains(readable);
    assertThat(cache.findSettings(GUILD)).contains(fresh);
    assertThat(cache.findUnreadable(GUILD)).isEmpty();
    assertThat(cache.findUnreadableChannel(channel(2))).isEmpty();
    assertThat(cache.findUnreadable(OTHER_GUILD)).isEmpty();
    assertThat(cache.stats().loads()).isEqualTo(1);
  }

  @Test
  void anUnreadableItemStaysListedThroughAChangeThatLeftItAndGoesWithItsDeletionHere() {
    UnreadableItem item =
        UnreadableItem.channel(GUILD, channel(1), "threshold: must be a percentage, got 'maybe'");
    backing.putUnreadable(item);
    loaded();

    other.recordedWrite(ConfigKey.channel(GUILD, channel(1)), () -> {});
    poll();
    assertThat(cache.findUnreadableChannel(channel(1))).contains(item);
    assertThat(cache.deleteChannel(GUILD, channel(1))).isTrue();
    poll();

    assertThat(cache.findUnreadableChannel(channel(1))).isEmpty();
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
