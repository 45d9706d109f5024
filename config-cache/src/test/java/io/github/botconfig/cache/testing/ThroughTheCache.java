package io.github.botconfig.cache.testing;

import io.github.botconfig.cache.ConfigCache;
import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.ConfigSnapshot;
import io.github.botconfig.domain.ConfigStore;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.GuildSettings;
import io.github.botconfig.domain.LiveBoard;
import io.github.botconfig.domain.UnreadableItem;
import io.github.botconfig.domain.UpdateResult;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A {@link ConfigStore} whose repository methods are a started cache's; only {@code loadAll} and
 * {@code changeMarker}, which a repository does not have, go to the store behind it. Run {@code
 * ConfigStoreContract} on it to check that the cache keeps every promise of the ports over a given
 * store. Thread-safe as the cache and store are.
 */
public final class ThroughTheCache implements ConfigStore {
  private final ConfigCache cache;
  private final ConfigStore store;

  public ThroughTheCache(ConfigCache cache, ConfigStore store) {
    this.cache = cache;
    this.store = store;
  }

  @Override
  public Optional<ChannelConfig> findChannel(ChannelId channelId) {
    return cache.findChannel(channelId);
  }

  @Override
  public Optional<ChannelConfig> findChannel(long channelId) {
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
  public ChannelConfig replaceChannel(ChannelConfig read, ChannelConfig changed) {
    return cache.replaceChannel(read, changed);
  }

  @Override
  public GuildSettings replaceSettings(GuildSettings read, GuildSettings changed) {
    return cache.replaceSettings(read, changed);
  }

  @Override
  public List<UnreadableItem> findUnreadable(GuildId guildId) {
    return cache.findUnreadable(guildId);
  }

  @Override
  public Optional<UnreadableItem> findUnreadableChannel(ChannelId channelId) {
    return cache.findUnreadableChannel(channelId);
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
