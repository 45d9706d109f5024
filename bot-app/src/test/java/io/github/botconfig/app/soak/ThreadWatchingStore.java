package io.github.botconfig.app.soak;

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
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * A store that counts the calls made on one watched thread (the message path's): there must be
 * none.
 */
final class ThreadWatchingStore implements ConfigStore {
  private final ConfigStore delegate;
  private final AtomicLong onWatchedThread = new AtomicLong();
  private volatile @Nullable Thread watched;

  ThreadWatchingStore(ConfigStore delegate) {
    this.delegate = delegate;
  }

  /** Counts calls made on {@code thread} from now on; null stops counting. */
  void watch(@Nullable Thread thread) {
    watched = thread;
  }

  long callsOnWatchedThread() {
    return onWatchedThread.get();
  }

  private void count() {
    if (Thread.currentThread() == watched) {
      onWatchedThread.incrementAndGet();
    }
  }

  @Override
  public Optional<ChannelConfig> findChannel(ChannelId channelId) {
    count();
    return delegate.findChannel(channelId);
  }

  @Override
  public List<ChannelConfig> findChannels(GuildId guildId) {
    count();
    return delegate.findChannels(guildId);
  }

  @Override
  public Optional<GuildSettings> findSettings(GuildId guildId) {
    count();
    return delegate.findSettings(guildId);
  }

  @Override
  public ChannelConfig saveChannel(ChannelConfig config) {
    count();
    return delegate.saveChannel(config);
  }

  @Override
  public ChannelConfig replaceChannel(ChannelConfig read, ChannelConfig changed) {
    count();
    return delegate.replaceChannel(read, changed);
  }

  @Override
  public GuildSettings replaceSettings(GuildSettings read, GuildSettings changed) {
    count();
    return delegate.replaceSettings(read, changed);
  }

  @Override
  public List<UnreadableItem> findUnreadable(GuildId guildId) {
    count();
    return delegate.findUnreadable(guildId);
  }

  @Override
  public Optional<UnreadableItem> findUnreadableChannel(ChannelId channelId) {
    count();
    return delegate.findUnreadableChannel(channelId);
  }

  @Override
  public boolean deleteChannel(GuildId guildId, ChannelId channelId) {
    count();
    return delegate.deleteChannel(guildId, channelId);
  }

  @Override
  public GuildSettings saveSettings(GuildSettings settings) {
    count();
    return delegate.saveSettings(settings);
  }

  @Override
  public int deleteGuild(GuildId guildId) {
    count();
    return delegate.deleteGuild(guildId);
  }

  @Override
  public Optional<LiveBoard> findBoard(GuildId guildId) {
    count();
    return delegate.findBoard(guildId);
  }

  @Override
  public LiveBoard saveBoard(LiveBoard board) {
    count();
    return delegate.saveBoard(board);
  }

  @Override
  public boolean deleteBoard(GuildId guildId) {
    count();
    return delegate.deleteBoard(guildId);
  }

  @Override
  public ConfigSnapshot loadAll() {
    count();
    return delegate.loadAll();
  }

  @Override
  public long changeMarker() {
    count();
    return delegate.changeMarker();
  }

  @Override
  public Optional<RecentChanges> changesAfter(long position) {
    count();
    return delegate.changesAfter(position);
  }

  @Override
  public ConfigSnapshot read(Collection<ConfigKey> keys) {
    count();
    return delegate.read(keys);
  }

  @Override
  public OptionalLong changeFeedPosition() {
    count();
    return delegate.changeFeedPosition();
  }
}
