package io.github.botconfig.cache;

import static io.github.botconfig.cache.CacheHarness.GUILD;
import static io.github.botconfig.cache.CacheHarness.OTHER_GUILD;
import static io.github.botconfig.cache.CacheHarness.channel;
import static io.github.botconfig.cache.CacheHarness.tracked;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.GuildSettings;
import io.github.botconfig.domain.testing.InstrumentedConfigStore.Operation;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Once a snapshot has loaded, every lookup is answered from memory. */
class CacheLookupTest {
  private final CacheHarness harness = new CacheHarness();

  @AfterEach
  void close() {
    harness.close();
  }

  @Test
  void startLoadsEverythingWithOneScan() {
    harness.seed(3);
    ConfigCache cache = harness.builder().build();
    cache.start();
    harness.scheduler.runDue();

    assertThat(harness.store.calls(Operation.LOAD_ALL)).isEqualTo(1);
    assertThat(harness.store.calls(Operation.CHANGE_MARKER)).isEqualTo(1);
    assertThat(harness.store.totalCalls()).isEqualTo(2);
    assertThat(cache.status().state()).isEqualTo(CacheStatus.State.READY);
    assertThat(cache.status().lastLoadedAt()).contains(harness.clock.instant());
    assertThat(cache.stats().channels()).isEqualTo(3);
    assertThat(cache.stats().guildSettings()).isEqualTo(1);
    cache.close();
  }

  @Test
  void trackedChannelIsFoundWithItsStoredConfiguration() {
    harness.seed(2);
    ConfigCache cache = harness.loadedCache();

    assertThat(cache.findChannel(channel(1))).isEqualTo(harness.backing.findChannel(channel(1)));
    assertThat(cache.findChannels(GUILD)).isEqualTo(harness.backing.findChannels(GUILD));
    assertThat(cache.findSettings(GUILD)).isEqualTo(harness.backing.findSettings(GUILD));
    assertThat(harness.store.totalCalls()).isZero();
  }

  @Test
  void aLookupWhoseKeysAWriteReplacedMeanwhileAnswersFromTheNewSnapshot() {
    harness.seed(2);
    CachingConfigRepository cache = (CachingConfigRepository) harness.loadedCache();
    long[] probedBeforeTheWrite = cache.channelKeys;
    ChannelConfig pinned =
        cache.saveChannel(cache.findChannel(channel(1)).orElseThrow().withPin(true));
    long hitsBefore = cache.stats().hits();

    // The interleaving a reader can meet: it read the key array, then a write published new
    // snapshot.
    cache.channelKeys = probedBeforeTheWrite;

    assertThat(cache.findChannel(channel(1))).contains(pinned);
    assertThat(cache.findChannel(channel(2))).isEqualTo(harness.backing.findChannel(channel(2)));
    assertThat(cache.findChannel(channel(999))).isEmpty();
    assertThat(cache.stats().hits()).isEqualTo(hitsBefore + 2);
  }

  @Test
  void missOnUntrackedChannelNeverTouchesTheStore() {
    harness.seed(1);
    ConfigCache cache = harness.loadedCache();

    assertThat(cache.findChannel(channel(999))).isEmpty();
    assertThat(cache.findChannels(OTHER_GUILD)).isEmpty();
    assertThat(cache.findSettings(OTHER_GUILD)).isEmpty();
    assertThat(cache.settingsOrDefaults(OTHER_GUILD))
        .isEqualTo(GuildSettings.defaults(OTHER_GUILD));
    assertThat(harness.store.totalCalls()).isZero();
  }

  @Test
  void aMillionLookupsOverTrackedAndUntrackedChannelsMakeNoStoreCall() {
    harness.seed(100);
    ConfigCache cache = harness.loadedCache();

    long found = 0;
    for (int i = 0; i < 1_000_000; i++) {
      // Channels 1..100 are tracked; 101..1000 are not: 10 % hits, as on a server with a few alert
      // channels.
      if (cache.findChannel(channel(1 + i % 1000)).isPresent()) {
        found++;
      }
    }

    assertThat(found).isEqualTo(100_000);
    assertThat(harness.store.totalCalls()).isZero();
    CacheStats stats = cache.stats();
    assertThat(stats.hits()).isEqualTo(100_000);
    assertThat(stats.misses()).isEqualTo(900_000);
    assertThat(stats.hitRate()).isEqualTo(0.1);
    assertThat(stats.fallbackReads()).isZero();
  }

  @Test
  void aHitReturnsTheSameOptionalInstanceEveryTime() {
    harness.seed(1);
    ConfigCache cache = harness.loadedCache();

    Optional<ChannelConfig> first = cache.findChannel(channel(1));
    assertThat(cache.findChannel(ChannelId.of(channel(1).value()))).isSameAs(first);
    assertThat(cache.findChannel(channel(2))).isSameAs(Optional.empty());
  }

  @Test
  void betweenRefreshesOnlyTheChangeMarkerIsRead() {
    harness.seed(5);
    ConfigCache cache = harness.loadedCache();

    harness.scheduler.advance(Duration.ofMinutes(10));
    for (int i = 0; i < 1000; i++) {
      cache.findChannel(channel(i % 10));
    }

    assertThat(harness.store.calls(Operation.CHANGE_MARKER)).isEqualTo(20);
    assertThat(harness.store.totalCalls()).isEqualTo(20);
    // + 1: the first check asks whether the store keeps a change feed (this one does not)
    assertThat(cache.stats().storeCalls()).isEqualTo(2 + 1 + 20);
  }

  @Test
  void guildListsAreOrderedByChannelIdAndHoldOnlyThatGuild() {
    harness.backing.saveChannel(tracked(GUILD, 3));
    harness.backing.saveChannel(tracked(OTHER_GUILD, 2));
    harness.backing.saveChannel(tracked(GUILD, 1));
    ConfigCache cache = harness.loadedCache();

    assertThat(cache.findChannels(GUILD))
        .extracting(ChannelConfig::channelId)
        .containsExactly(channel(1), channel(3));
    assertThat(cache.findChannels(OTHER_GUILD))
        .extracting(ChannelConfig::channelId)
        .containsExactly(channel(2));
  }
}
