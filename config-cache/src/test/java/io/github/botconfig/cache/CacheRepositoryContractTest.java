package io.github.botconfig.cache;

import io.github.botconfig.cache.testing.ThroughTheCache;
import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.ConfigStore;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.GuildSettings;
import io.github.botconfig.domain.UnreadableItem;
import io.github.botconfig.domain.testing.ConfigStoreContract;
import io.github.botconfig.domain.testing.InMemoryConfigStore;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;

/**
 * The cache keeps every promise of {@link io.github.botconfig.domain.ConfigRepository}: the whole
 * store contract suite runs with every lookup and write going through a started cache (only {@code
 * loadAll} and {@code changeMarker}, which a repository does not have, go to the store behind it).
 * What another program writes behind the cache's back reaches it by a refresh, as in production.
 */
class CacheRepositoryContractTest extends ConfigStoreContract {
  private ConfigCache cache;
  private InMemoryConfigStore memory;

  @Override
  protected ConfigStore newEmptyStore(Clock clock) {
    memory = new InMemoryConfigStore(clock);
    cache =
        ConfigCache.builder(memory).clock(clock).initialLoadWait(Duration.ofSeconds(30)).build();
    cache.start();
    return new ThroughTheCache(cache, memory);
  }

  @Override
  protected void putAsAnotherWriter(ChannelConfig channel) {
    memory.putAsAnotherWriter(channel);
    cache.refreshNow().join();
  }

  @Override
  protected void putAsAnotherWriter(GuildSettings settings) {
    memory.putAsAnotherWriter(settings);
    cache.refreshNow().join();
  }

  @Override
  protected void putUnreadableChannel(GuildId guildId, ChannelId channelId) {
    memory.putUnreadable(
        UnreadableItem.channel(guildId, channelId, "threshold: must be a percentage, got 'maybe'"));
    cache.refreshNow().join();
  }

  @Override
  protected void putUnreadableSettings(GuildId guildId) {
    memory.putUnreadable(
        UnreadableItem.settings(
            guildId, "timezone: must be an IANA time zone, got 'Mars/Olympus'"));
    cache.refreshNow().join();
  }

  @AfterEach
  void closeCache() {
    cache.close();
  }
}
