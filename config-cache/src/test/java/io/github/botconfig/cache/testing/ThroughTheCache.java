package io.github.botconfig.cache.testing;

import io.github.botconfig.cache.ConfigCache;
import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.ConfigStore;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.GuildSettings;
import io.github.botconfig.domain.LiveBoard;
import io.github.botconfig.domain.UpdateResult;
import io.github.botconfig.domain.testing.ForwardingConfigStore;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A {@link ConfigStore} whose repository methods are a started cache's; only {@code loadAll} and
 * {@code changeMarker} (and the change feed), which a repository does not have, go to the store
 * behind it. Run {@code ConfigStoreContract} on it to check that the cache keeps every promise of
 * the ports over a given store. Thread-safe as the cache and store are.
 */
public final class ThroughTheCache extends ForwardingConfigStore {
  private final ConfigCache cache;

  public ThroughTheCache(ConfigCache cache, ConfigStore store) {
    super(cache, store);
    this.cache = cache;
  }

  // The cache's own versions of the repository's composite methods: what the contract checks.

  @Override
  public Optional<ChannelConfig> findChannel(long channelId) {
    return cache.findChannel(channelId);
  }

  @Override
  public UpdateResult<ChannelConfig> updateChannel(
      GuildId guildId, ChannelId channelId, UnaryOperator<ChannelConfig> change) {
    return cache.updateChannel(guildId, channelId, change);
  }

  @Override
  public UpdateResult<GuildSettings> updateSettings(
      GuildId guildId, UnaryOperator<GuildSettings> change) {
    return cache.updateSettings(guildId, change);
  }

  @Override
  public UpdateResult<LiveBoard> updateBoard(GuildId guildId, ChannelId channelId, long messageId) {
    return cache.updateBoard(guildId, channelId, messageId);
  }
}
