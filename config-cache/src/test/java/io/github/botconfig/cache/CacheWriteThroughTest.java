package io.github.botconfig.cache;

import static io.github.botconfig.cache.CacheHarness.GUILD;
import static io.github.botconfig.cache.CacheHarness.OTHER_GUILD;
import static io.github.botconfig.cache.CacheHarness.channel;
import static io.github.botconfig.cache.CacheHarness.tracked;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ConfigConflictException;
import io.github.botconfig.domain.ConfigConflictException.Reason;
import io.github.botconfig.domain.ConfigSnapshot;
import io.github.botconfig.domain.GuildSettings;
import io.github.botconfig.domain.LiveBoard;
import io.github.botconfig.domain.StoreUnavailableException;
import io.github.botconfig.domain.Threshold;
import io.github.botconfig.domain.UnreadableItem;
import io.github.botconfig.domain.testing.InstrumentedConfigStore.Operation;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Writes go to the store first; the cache shows exactly what the store accepted, or nothing
 * changes.
 */
class CacheWriteThroughTest {
  private final CacheHarness harness = new CacheHarness();

  @AfterEach
  void close() {
    harness.close();
  }

  @Test
  void savedChannelIsInTheCacheWithItsNewVersionBeforeSaveReturns() {
    ConfigCache cache = harness.loadedCache();
    harness.clock.advance(Duration.ofMinutes(1));

    ChannelConfig saved =
        cache.saveChannel(tracked(GUILD, 1).withThreshold(Threshold.percent(12.5)));

    assertThat(saved.version()).isEqualTo(1);
    assertThat(saved.updatedAt()).isEqualTo(harness.clock.instant());
    assertThat(cache.findChannel(channel(1))).contains(saved);
    assertThat(cache.findChannels(GUILD)).containsExactly(saved);
    assertThat(harness.backing.findChannel(channel(1))).contains(saved);
    assertThat(harness.store.calls(Operation.SAVE_CHANNEL)).isEqualTo(1);
    assertThat(harness.store.totalCalls()).isEqualTo(1);
  }

  @Test
  void updatingAChannelReplacesItInItsGuildListWithoutADuplicate() {
    ConfigCache cache = harness.loadedCache();
    ChannelConfig first = cache.saveChannel(tracked(GUILD, 1));
    cache.saveChannel(tracked(GUILD, 2));

    ChannelConfig updated = cache.saveChannel(first.withPin(true));

    assertThat(updated.version()).isEqualTo(2);
    assertThat(cache.findChannels(GUILD))
        .extracting(ChannelConfig::channelId)
        .containsExactly(channel(1), channel(2));
    assertThat(cache.findChannels(GUILD).get(0)).isEqualTo(updated);
  }

  @Test
  void aChannelMovedToAnotherGuildLeavesTheOldGuildsList() {
    ConfigCache cache = harness.loadedCache();
    cache.saveChannel(tracked(GUILD, 1));
    cache.saveChannel(tracked(GUILD, 2));

    assertThat(cache.deleteChannel(GUILD, channel(1))).isTrue();
    ChannelConfig moved = cache.saveChannel(tracked(OTHER_GUILD, 1));

    assertThat(cache.findChannel(channel(1))).contains(moved);
    assertThat(cache.findChannels(GUILD))
        .extracting(ChannelConfig::channelId)
        .containsExactly(channel(2));
    assertThat(cache.findChannels(OTHER_GUILD)).containsExactly(moved);
  }

  @Test
  void aChannelTrackedByAnotherGuildIsRefusedAndTheCacheKeepsTheOwner() {
    ConfigCache cache = harness.loadedCache();
    ChannelConfig owned = cache.saveChannel(tracked(GUILD, 1));

    assertThatThrownBy(() -> cache.saveChannel(tracked(OTHER_GUILD, 1)))
        .isInstanceOfSatisfying(
            ConfigConflictException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.OWNED_BY_ANOTHER_GUILD));

    assertThat(cache.findChannel(channel(1))).contains(owned);
    assertThat(cache.findChannels(OTHER_GUILD)).isEmpty();
  }

  @Test
  void aStaleVersionIsAConflictAndLeavesTheCacheAsItWas() {
    ConfigCache cache = harness.loadedCache();
    ChannelConfig v1 = cache.saveChannel(tracked(GUILD, 1));
    ChannelConfig v2 = cache.saveChannel(v1.withPin(true));

    assertThatThrownBy(() -> cache.saveChannel(v1.withImage(true)))
        .isInstanceOfSatisfying(
            ConfigConflictException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.VERSION_CHANGED));

    assertThat(cache.findChannel(channel(1))).contains(v2);
  }

  @Test
  void deletingAChannelUntracksIt() {
    ConfigCache cache = harness.loadedCache();
    cache.saveChannel(tracked(GUILD, 1));

    assertThat(cache.deleteChannel(GUILD, channel(1))).isTrue();

    assertThat(cache.findChannel(channel(1))).isEmpty();
    assertThat(cache.findChannels(GUILD)).isEmpty();
    assertThat(cache.deleteChannel(GUILD, channel(1))).isFalse();
  }

  @Test
  void deletingUnderTheWrongGuildKeepsTheChannelUnderItsOwner() {
    ConfigCache cache = harness.loadedCache();
    ChannelConfig owned = cache.saveChannel(tracked(GUILD, 1));

    assertThat(cache.deleteChannel(OTHER_GUILD, channel(1))).isFalse();

    assertThat(cache.findChannel(channel(1))).contains(owned);
  }

  @Test
  void aDeleteTheStoreDidNotNeedStillDropsAnOutOfDateCopy() {
    harness.backing.saveChannel(tracked(GUILD, 1));
    ConfigCache cache = harness.loadedCache();
    harness.backing.deleteChannel(GUILD, channel(1)); // another process, not yet polled

    assertThat(cache.deleteChannel(GUILD, channel(1))).isFalse();

    assertThat(cache.findChannel(channel(1))).isEmpty();
    assertThat(cache.findChannels(GUILD)).isEmpty();
  }

  @Test
  void savedSettingsAreServedWithTheirNewVersion() {
    ConfigCache cache = harness.loadedCache();

    GuildSettings saved =
        cache.saveSettings(
            GuildSettings.defaults(GUILD)
                .withTimezone(GuildSettings.parseTimezone("Europe/Paris")));

    assertThat(saved.version()).isEqualTo(1);
    assertThat(cache.findSettings(GUILD)).contains(saved);
    assertThat(cache.settingsOrDefaults(GUILD)).isEqualTo(saved);
  }

  @Test
  void aSavedBoardIsServedWithItsNewVersionAndADeletedOneIsGone() {
    ConfigCache cache = harness.loadedCache();

    LiveBoard saved = cache.saveBoard(LiveBoard.of(GUILD, channel(1), 42));
    assertThat(saved.version()).isEqualTo(1);
    assertThat(cache.findBoard(GUILD)).contains(saved);
    assertThatThrownBy(() -> cache.saveBoard(LiveBoard.of(GUILD, channel(1), 43)))
        .isInstanceOf(ConfigConflictException.class);
    assertThat(cache.findBoard(GUILD)).contains(saved);

    assertThat(cache.deleteBoard(GUILD)).isTrue();
    assertThat(cache.findBoard(GUILD)).isEmpty();
    assertThat(harness.backing.findBoard(GUILD)).isEmpty();
  }

  @Test
  void deletingAGuildRemovesItsChannelsAndSettingsAndNothingElse() {
    ConfigCache cache = harness.loadedCache();
    cache.saveChannel(tracked(GUILD, 1));
    cache.saveChannel(tracked(GUILD, 2));
    cache.saveSettings(GuildSettings.defaults(GUILD));
    ChannelConfig other = cache.saveChannel(tracked(OTHER_GUILD, 3));

    assertThat(cache.deleteGuild(GUILD)).isEqualTo(3);

    assertThat(cache.findChannel(channel(1))).isEmpty();
    assertThat(cache.findChannel(channel(2))).isEmpty();
    assertThat(cache.findChannels(GUILD)).isEmpty();
    assertThat(cache.findSettings(GUILD)).isEmpty();
    assertThat(cache.findChannel(channel(3))).contains(other);
  }

  @Test
  void everyFailedWriteLeavesTheCacheAndTheStoreAsTheyWere() {
    harness.seed(2);
    LiveBoard board = harness.backing.saveBoard(LiveBoard.of(GUILD, channel(1), 42));
    ConfigCache cache = harness.loadedCache();
    ChannelConfig one = cache.findChannel(channel(1)).orElseThrow();
    GuildSettings settings = cache.findSettings(GUILD).orElseThrow();
    ConfigSnapshot storeBefore = harness.backing.loadAll();
    ConfigSnapshot cacheBefore = snapshotOf(cache);

    List<Consumer<ConfigCache>> writes =
        List.of(
            c -> c.saveChannel(one.withPin(true)),
            c -> c.saveChannel(tracked(GUILD, 3)),
            c -> c.deleteChannel(GUILD, channel(2)),
            c -> c.saveSettings(settings.withPositionDisplayEnabled(true)),
            c -> c.saveBoard(board.withMessageId(43)),
            c -> c.deleteBoard(GUILD),
            c -> c.deleteGuild(GUILD));
    harness.store.goDown();
    for (Consumer<ConfigCache> write : writes) {
      assertThatThrownBy(() -> write.accept(cache)).isInstanceOf(StoreUnavailableException.class);
      assertThat(snapshotOf(cache)).isEqualTo(cacheBefore);
    }
    harness.store.heal();

    assertThat(harness.backing.loadAll()).isEqualTo(storeBefore);
    assertThat(harness.events.events()).isEmpty();
  }

  @Test
  void aWriteThatFailsAfterReachingTheStoreIsPickedUpByTheNextPoll() {
    ConfigCache cache = harness.loadedCache();
    // The write lands, then the answer is lost (a timeout): the cache cannot know, the change
    // marker does.
    harness.store.failWith(
        Operation.SAVE_CHANNEL,
        () -> {
          harness.backing.saveChannel(tracked(GUILD, 1));
          return new StoreUnavailableException("timed out");
        });
    assertThatThrownBy(() -> cache.saveChannel(tracked(GUILD, 1)))
        .isInstanceOf(StoreUnavailableException.class);
    harness.store.heal();
    assertThat(cache.findChannel(channel(1))).isEmpty();

    harness.scheduler.advance(CacheHarness.POLL);

    assertThat(cache.findChannel(channel(1))).isEqualTo(harness.backing.findChannel(channel(1)));
  }

  @Test
  void aRefusedOrFailedReplaceLeavesTheCacheAndTheStoreAsTheyWere() {
    ConfigCache cache = harness.loadedCache();
    ChannelConfig read = cache.saveChannel(tracked(GUILD, 1));
    GuildSettings settings = cache.saveSettings(GuildSettings.defaults(GUILD));
    ConfigSnapshot cacheBefore = snapshotOf(cache);
    ConfigSnapshot storeBefore = harness.backing.loadAll();
    harness.store.failNext(
        Operation.REPLACE_CHANNEL, new StoreUnavailableException("store is down (test)"));
    harness.store.failNext(
        Operation.REPLACE_SETTINGS,
        new ConfigConflictException(Reason.VERSION_CHANGED, "changed meanwhile (test)"));

    assertThatThrownBy(() -> cache.replaceChannel(read, read.withPin(true)))
        .isInstanceOf(StoreUnavailableException.class);
    assertThatThrownBy(
            () -> cache.replaceSettings(settings, settings.withPositionDisplayEnabled(false)))
        .isInstanceOf(ConfigConflictException.class);

    assertThat(snapshotOf(cache)).isEqualTo(cacheBefore);
    assertThat(harness.backing.loadAll()).isEqualTo(storeBefore);
  }

  @Test
  void anUpdateThatChangesNothingSendsNothingToTheStore() {
    ConfigCache cache = harness.loadedCache();
    cache.saveChannel(tracked(GUILD, 1).withPin(true));
    harness.store.resetCounts();

    assertThat(cache.updateChannel(GUILD, channel(1), c -> c.withPin(true)).changed()).isFalse();
    assertThat(cache.updateSettings(GUILD, s -> s).changed()).isFalse();

    assertThat(harness.store.totalCalls()).isZero();
  }

  @Test
  void anUnreadableItemIsVisibleFromMemoryAndItsDeletionForgetsIt() {
    harness.backing.putUnreadable(
        UnreadableItem.channel(GUILD, channel(1), "threshold: got 'maybe'"));
    ConfigCache cache = harness.loadedCache();
    harness.store.resetCounts();

    assertThat(cache.findChannel(channel(1))).as("the message path: untracked").isEmpty();
    assertThat(cache.findUnreadableChannel(channel(1))).isPresent();
    assertThat(cache.findUnreadable(GUILD)).hasSize(1);
    assertThat(harness.store.totalCalls()).as("all from memory").isZero();

    assertThat(cache.deleteChannel(GUILD, channel(1))).isTrue();

    assertThat(cache.findUnreadableChannel(channel(1))).isEmpty();
    assertThat(harness.backing.findUnreadable(GUILD)).isEmpty();
  }

  static ConfigSnapshot snapshotOf(ConfigCache cache) {
    return ((CachingConfigRepository) cache).snapshot();
  }
}
