package io.github.botconfig.cache;

import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.ConfigSnapshot;
import io.github.botconfig.domain.ConfigStore;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.GuildSettings;
import io.github.botconfig.domain.LiveBoard;
import io.github.botconfig.domain.testing.ConfigStoreContract;
import io.github.botconfig.domain.testing.InMemoryConfigStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;

/**
 * The cache keeps every promise of {@link io.github.botconfig.domain.ConfigRepository}: the whole store contract
 * suite runs with every lookup and write going through a started cache (only {@code loadAll} and
 * {@code changeMarker}, which a repository does not have, go to the store behind it).
 */
class CacheRepositoryContractTest extends ConfigStoreContract {
  private ConfigCache cache;

  @Override
  protected ConfigStore newEmptyStore(Clock clock) {
    InMemoryConfigStore store = new InMemoryConfigStore(clock);
    cache = ConfigCache.builder(store).clock(clock).initialLoadWait(Duration.ofSeconds(30)).build();
    cache.start();
    return new ThroughTheCache(cache, store);
  }

  @AfterEach
  void closeCache() {
    cache.close();
  }

  /** A store whose repository methods are the cache's. */
  private static final class ThroughTheCache implements ConfigStore {
    private final ConfigCache cache;
    private final ConfigStore store;

    ThroughTheCache(ConfigCache cache, ConfigStore store) {
      this.cache = cache;
      this.store = store;
    }

    @Override
    public Optional<ChannelConfig> findChannel(ChannelId channelId) {
      return cache.findChannel(channelId);
    }

    @Override
    public List<ChannelConfig> findChannels(GuildId guildId) {
      return cache.findChannels(guildId);
    }

    @Override
    public Optional<GuildSettings> findSettings(GuildId guildId) {
      return cache.findSettings(guildId);
    }

    @Override
    public ChannelConfig saveChannel(ChannelConfig config) {
      return cache.saveChannel(config);
    }

    @Override
    public boolean deleteChannel(GuildId guildId, ChannelId channelId) {
      return cache.deleteChannel(guildId, channelId);
    }

    @Override
    public GuildSettings saveSettings(GuildSettings settings) {
      return cache.saveSettings(settings);
    }

    @Override
    public Optional<LiveBoard> findBoard(GuildId guildId) {
      return cache.findBoard(guildId);
    }

    @Override
    public LiveBoard saveBoard(LiveBoard board) {
      return cache.saveBoard(board);
    }

    @Override
    public boolean deleteBoard(GuildId guildId) {
      return cache.deleteBoard(guildId);
    }

    @Override
    public int deleteGuild(GuildId guildId) {
      return cache.deleteGuild(guildId);
    }

    @Override
    public ConfigSnapshot loadAll() {
      return store.loadAll();
    }

    @Override
    public long changeMarker() {
      return store.changeMarker();
    }
  }
}
