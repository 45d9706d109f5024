package io.github.botconfig.cache;

import static io.github.botconfig.cache.CacheHarness.GUILD;
import static io.github.botconfig.cache.CacheHarness.channel;
import static io.github.botconfig.cache.CacheHarness.tracked;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.GuildSettings;
import io.github.botconfig.domain.InvalidConfigException;
import io.github.botconfig.domain.SettingKey;
import io.github.botconfig.domain.SettingType;
import io.github.botconfig.domain.testing.InMemoryConfigStore;
import io.github.botconfig.domain.testing.ManualScheduler;
import io.github.botconfig.domain.testing.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A project's own setting keys through the cache: served from the snapshot with no store request,
 * written through, refused without a trace when invalid, and seen by another process's cache
 * through the change feed.
 */
class CacheCustomSettingsTest {
  private static final Duration POLL = Duration.ofSeconds(5);
  private static final SettingKey<Long> SLOWMODE =
      SettingKey.channel("slowmodeSeconds", SettingType.integer(0, 21_600))
          .defaultValue(0L)
          .build();
  private static final SettingKey<String> PREFIX =
      SettingKey.guild("prefix", SettingType.text(3)).defaultValue("!").build();

  private final MutableClock clock = MutableClock.startingAt2026();
  private final InMemoryConfigStore backing = new InMemoryConfigStore(clock);
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
            .build();
    cache.start();
    scheduler.runDue();
    return cache;
  }

  @AfterEach
  void close() {
    cache.close();
  }

  @Test
  void aCustomValueIsServedFromTheSnapshotWithoutAStoreRequest() {
    backing.saveChannel(tracked(GUILD, 1).with(SLOWMODE, 30L));
    backing.saveSettings(GuildSettings.defaults(GUILD).with(PREFIX, "?"));
    loaded();
    long calls = cache.stats().storeCalls();

    assertThat(cache.findChannel(channel(1).value()).orElseThrow().get(SLOWMODE)).isEqualTo(30L);
    assertThat(cache.settingsOrDefaults(GUILD).get(PREFIX)).isEqualTo("?");
    assertThat(cache.settingsOrDefaults(CacheHarness.OTHER_GUILD).get(PREFIX)).isEqualTo("!");
    assertThat(cache.stats().storeCalls()).isEqualTo(calls);
  }

  @Test
  void aWriteOfACustomKeyGoesThroughAndAnInvalidOneLeavesStoreAndCacheAsTheyWere() {
    backing.saveChannel(tracked(GUILD, 1));
    loaded();

    ChannelConfig after = cache.updateChannel(GUILD, channel(1), c -> c.with(SLOWMODE, 5L)).after();
    assertThat(cache.findChannel(channel(1))).contains(after);
    assertThat(backing.findChannel(channel(1))).contains(after);

    assertThatThrownBy(() -> cache.updateChannel(GUILD, channel(1), c -> c.with(SLOWMODE, 99_999L)))
        .isInstanceOf(InvalidConfigException.class);
    assertThat(cache.findChannel(channel(1))).contains(after);
    assertThat(backing.findChannel(channel(1))).contains(after);
  }

  @Test
  void anotherProcessesChangeOfACustomKeyReachesThisCacheThroughTheFeed() {
    backing.saveChannel(tracked(GUILD, 1));
    loaded();

    other.updateChannel(GUILD, channel(1), c -> c.with(SLOWMODE, 60L));
    scheduler.advance(POLL);

    assertThat(cache.findChannel(channel(1)).orElseThrow().get(SLOWMODE)).isEqualTo(60L);
    assertThat(cache.stats().loads()).isEqualTo(1);
  }
}
