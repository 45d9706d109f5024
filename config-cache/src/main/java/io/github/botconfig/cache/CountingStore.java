package io.github.botconfig.cache;

import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.ConfigKey;
import io.github.botconfig.domain.ConfigSnapshot;
import io.github.botconfig.domain.ConfigStore;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.GuildSettings;
import io.github.botconfig.domain.LiveBoard;
import io.github.botconfig.domain.RecentChanges;
import io.github.botconfig.domain.UnreadableItem;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The cache's store, counting every call the cache makes to it (for {@link
 * CacheStats#storeCalls()}).
 */
final class CountingStore implements ConfigStore {
  private final ConfigStore store;
  private final LongAdder calls = new LongAdder();

  CountingStore(ConfigStore store) {
    this.store = store;
  }

  long calls() {
    return calls.sum();
  }

  @Override
  public Optional<ChannelConfig> findChannel(ChannelId channelId) {
    calls.increment();
    return store.findChannel(channelId);
  }

  @Override
  public List<ChannelConfig> findChannels(GuildId guildId) {
    calls.increment();
    return store.findChannels(guildId);
  }

  @Override
  public Optional<GuildSettings> findSettings(GuildId guildId) {
    calls.increment();
    return store.findSettings(guildId);
  }

  @Override
  public ChannelConfig saveChannel(ChannelConfig config) {
    calls.increment();
    return store.saveChannel(config);
  }

  @Override
  public ChannelConfig replaceChannel(ChannelConfig read, ChannelConfig changed) {
    calls.increment();
    return store.replaceChannel(read, changed);
  }

  @Override
  public GuildSettings replaceSettings(GuildSettings read, GuildSettings changed) {
    calls.increment();
    return store.replaceSettings(read, changed);
  }

  @Override
  public List<UnreadableItem> findUnreadable(GuildId guildId) {
    calls.increment();
    return store.findUnreadable(guildId);
  }

  @Override
  public Optional<UnreadableItem> findUnreadableChannel(ChannelId channelId) {
    calls.increment();
    return store.findUnreadableChannel(channelId);
  }

  @Override
  public boolean deleteChannel(GuildId guildId, ChannelId channelId) {
    calls.increment();
    return store.deleteChannel(guildId, channelId);
  }

  @Override
  public GuildSettings saveSettings(GuildSettings settings) {
    calls.increment();
    return store.saveSettings(settings);
  }

  @Override
  public Optional<LiveBoard> findBoard(GuildId guildId) {
    calls.increment();
    return store.findBoard(guildId);
  }

  @Override
  public LiveBoard saveBoard(LiveBoard board) {
    calls.increment();
    return store.saveBoard(board);
  }

  @Override
  public boolean deleteBoard(GuildId guildId) {
    calls.increment();
    return store.deleteBoard(guildId);
  }

  @Override
  public int deleteGuild(GuildId guildId) {
    calls.increment();
    return store.deleteGuild(guildId);
  }

  @Override
  public ConfigSnapshot loadAll() {
    calls.increment();
    return store.loadAll();
  }

  @Override
  public long changeMarker() {
    calls.increment();
    return store.changeMarker();
  }

  @Override
  public Optional<RecentChanges> changesAfter(long position) {
    calls.increment();
    return store.changesAfter(position);
  }

  @Override
  public ConfigSnapshot read(Collection<ConfigKey> keys) {
    calls.increment();
    return store.read(keys);
  }

  @Override
  public OptionalLong changeFeedPosition() {
    calls.increment();
    return store.changeFeedPosition();
  }
}
