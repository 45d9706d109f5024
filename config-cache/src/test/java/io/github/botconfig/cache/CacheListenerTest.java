package io.github.botconfig.cache;

import static io.github.botconfig.cache.CacheHarness.GUILD;
import static io.github.botconfig.cache.CacheHarness.OTHER_GUILD;
import static io.github.botconfig.cache.CacheHarness.POLL;
import static io.github.botconfig.cache.CacheHarness.channel;
import static io.github.botconfig.cache.CacheHarness.tracked;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.GuildSettings;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What listeners hear, and that they cannot hurt the cache. */
class CacheListenerTest {
  private final CacheHarness harness = new CacheHarness();

  @AfterEach
  void close() {
    harness.close();
  }

  @Test
  void theFirstLoadIsAnnouncedOnceWithoutPerChannelEvents() {
    harness.seed(2);
    harness.startedCache(harness.builder());
    harness.scheduler.runDue();

    assertThat(harness.events.events()).containsExactly("loaded 2", "status STARTING->READY");
  }

  @Test
  void everyWriteThroughTheCacheIsAnnouncedWithBeforeAndAfter() {
    ConfigCache cache = harness.loadedCache();
    ChannelConfig v1 = cache.saveChannel(tracked(GUILD, 1));
    cache.saveChannel(v1.withPin(true));
    cache.deleteChannel(GUILD, channel(1));
    cache.saveChannel(tracked(GUILD, 2));
    cache.saveSettings(GuildSettings.defaults(GUILD));
    cache.deleteGuild(GUILD);

    assertThat(harness.events.events())
        .containsExactly(
            "channel " + channel(1) + " none->" + GUILD + "/v1",
            "channel " + channel(1) + " " + GUILD + "/v1->" + GUILD + "/v2",
            "channel " + channel(1) + " " + GUILD + "/v2->none",
            "channel " + channel(2) + " none->" + GUILD + "/v1",
            "settings " + GUILD + " none->v1",
            "channel " + channel(2) + " " + GUILD + "/v1->none",
            "settings " + GUILD + " v1->none");
  }

  @Test
  void aRefreshAnnouncesWhatChangedElsewhere() {
    harness.seed(2);
    ConfigCache cache = harness.loadedCache();
    harness.backing.deleteChannel(GUILD, channel(1));
    harness.backing.saveChannel(
        harness.backing.findChannel(channel(2)).orElseThrow().withPin(true));
    harness.backing.saveChannel(tracked(OTHER_GUILD, 3));

    harness.scheduler.advance(POLL);

    assertThat(harness.events.events())
        .containsExactly(
            "channel " + channel(1) + " " + GUILD + "/v1->none",
            "channel " + channel(2) + " " + GUILD + "/v1->" + GUILD + "/v2",
            "channel " + channel(3) + " none->" + OTHER_GUILD + "/v1",
            "refreshed 2");
    assertThat(cache.stats().loads()).isEqualTo(2);
  }

  @Test
  void aThrowingListenerIsIgnoredAndTheOthersStillHear() {
    RecordingListener after = new RecordingListener();
    ConfigCache cache =
        harness.loaded(
            harness
                .builder()
                .listener(
                    new CacheListener() {
                      @Override
                      public void onChannelChanged(
                          ChannelId id,
                          Optional<ChannelConfig> before,
                          Optional<ChannelConfig> now) {
                        throw new IllegalStateException("listener bug");
                      }

                      @Override
                      public void onRefreshed(CacheStats stats) {
                        throw new IllegalStateException("listener bug");
                      }
                    })
                .listener(after)
                .build());

    ChannelConfig saved = cache.saveChannel(tracked(GUILD, 1));
    harness.backing.saveChannel(tracked(GUILD, 2));
    harness.scheduler.advance(POLL);

    assertThat(cache.findChannel(channel(1))).contains(saved);
    assertThat(cache.findChannel(channel(2))).isPresent();
    assertThat(cache.status().state()).isEqualTo(CacheStatus.State.READY);
    assertThat(after.events())
        .contains("channel " + channel(2) + " none->" + GUILD + "/v1", "refreshed 2");
  }

  @Test
  void aListenerMayWriteThroughTheCacheFromACallback() {
    AtomicReference<ConfigCache> self = new AtomicReference<>();
    ConfigCache cache =
        harness.loaded(
            harness
                .builder()
                .listener(
                    new CacheListener() {
                      @Override
                      public void onChannelChanged(
                          ChannelId id,
                          Optional<ChannelConfig> before,
                          Optional<ChannelConfig> now) {
                        // Mirror every tracked channel of GUILD into the guild's settings: a write
                        // from inside a callback.
                        if (id.equals(channel(1)) && now.isPresent()) {
                          ConfigCache c = self.get();
                          c.saveSettings(
                              c.findSettings(GUILD)
                                  .orElse(GuildSettings.defaults(GUILD))
                                  .withGlobalChannelId(id));
                        }
                      }

                      @Override
                      public void onRefreshed(CacheStats stats) {
                        self.get().saveChannel(tracked(OTHER_GUILD, 7));
                      }
                    })
                .build());
    self.set(cache);

    cache.saveChannel(tracked(GUILD, 1));
    harness.backing.saveChannel(tracked(GUILD, 2));
    harness.scheduler.advance(POLL);

    assertThat(cache.findSettings(GUILD).flatMap(GuildSettings::globalChannelId))
        .contains(channel(1));
    assertThat(cache.findChannel(channel(7))).isPresent();
  }
}
