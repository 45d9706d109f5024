package io.github.botconfig.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.botconfig.cache.ConfigCache;
import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.testing.InMemoryConfigStore;
import org.junit.jupiter.api.Test;

/** The upsert idiom run twice: the second run changes nothing and writes nothing. */
class PinChannelTest {
  private static final GuildId GUILD = GuildId.of("1180586412434817024");
  private static final ChannelId CHANNEL = ChannelId.of("1180586500000000001");

  @Test
  void pinningTracksTheChannelOnceAndARerunWritesNothing() {
    InMemoryConfigStore store = new InMemoryConfigStore();
    try (ConfigCache cache = ConfigCache.builder(store).build()) {
      cache.start();
      PinChannel pinChannel = new PinChannel(cache);

      assertThat(pinChannel.pin(GUILD, CHANNEL)).isTrue();
      long marker = store.changeMarker();
      assertThat(pinChannel.pin(GUILD, CHANNEL)).as("the program's second run").isFalse();

      assertThat(store.changeMarker()).as("nothing written the second time").isEqualTo(marker);
      ChannelConfig stored = store.findChannel(CHANNEL).orElseThrow();
      assertThat(stored.pin()).isTrue();
      assertThat(stored.version()).isEqualTo(1);
    }
  }

  @Test
  void aChannelTrackedWithOtherSettingsKeepsThemAndGetsPinned() {
    InMemoryConfigStore store = new InMemoryConfigStore();
    store.saveChannel(ChannelConfig.of(GUILD, CHANNEL).withNotifyOnClose(false));

    assertThat(new PinChannel(store).pin(GUILD, CHANNEL)).isTrue();

    ChannelConfig stored = store.findChannel(CHANNEL).orElseThrow();
    assertThat(stored.pin()).isTrue();
    assertThat(stored.notifyOnClose()).as("what the change did not name").isFalse();
  }
}
