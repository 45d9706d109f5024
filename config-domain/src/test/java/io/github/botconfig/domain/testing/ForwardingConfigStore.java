package io.github.botconfig.domain.testing;

import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.ConfigKey;
import io.github.botconfig.domain.ConfigRepository;
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

/**
 * A {@link ConfigStore} that forwards every call, for test decorators that change or watch a few of
 * them: extend it and override those (as Guava's {@code ForwardingObject}s are used). Every
 * forwarded call first passes {@link #beforeCall}, so a decorator that records or checks each call
 * (which thread made it, how many were made) overrides that one method.
 *
 * <p>What is forwarded: every method a store must implement, and the store's own change-feed and
 * keyed-read methods ({@code changeFeedPosition}, {@code changesAfter}, {@code read}), whose
 * defaults would hide what the store behind does. The repository's composite defaults ({@code
 * updateChannel}, {@code updateSettings}, {@code updateBoard}, {@code settingsOrDefaults}, {@code
 * findChannel(long)}) are not: they run as the interface composes them, through this object's
 * forwarded calls, so a decorator sees each read and write they make.
 *
 * <p>Thread-safe as what it forwards to is, and as the subclass's additions are.
 */
public abstract class ForwardingConfigStore implements ConfigStore {
  private final ConfigRepository repository;
  private final ConfigStore store;

  /** Forwards every call to {@code store}. */
  protected ForwardingConfigStore(ConfigStore store) {
    this(store, store);
  }

  /**
   * Forwards the repository's calls to {@code repository} (a cache, say) and the store's own
   * ({@code loadAll}, {@code changeMarker}, the change feed, {@code read}) to {@code store}.
   */
  protected ForwardingConfigStore(ConfigRepository repository, ConfigStore store) {
    this.repository = repository;
    this.store = store;
  }

  /**
   * Called before each forwarded call, with the method's name; does nothing. Throw from it to make
   * the call fail before it is forwarded.
   */
  protected void beforeCall(String method) {}

  @Override
  public Optional<ChannelConfig> findChannel(ChannelId channelId) {
    beforeCall("findChannel");
    return repository.findChannel(channelId);
  }

  @Override
  public List<ChannelConfig> findChannels(GuildId guildId) {
    beforeCall("findChannels");
    return repository.findChannels(guildId);
  }

  @Override
  public Optional<GuildSettings> findSettings(GuildId guildId) {
    beforeCall("findSettings");
    return repository.findSettings(guildId);
  }

  @Override
  public ChannelConfig saveChannel(ChannelConfig config) {
    beforeCall("saveChannel");
    return repository.saveChannel(config);
  }

  @Override
  public ChannelConfig replaceChannel(ChannelConfig read, ChannelConfig changed) {
    beforeCall("replaceChannel");
    return repository.replaceChannel(read, changed);
  }

  @Override
  public boolean deleteChannel(GuildId guildId, ChannelId channelId) {
    beforeCall("deleteChannel");
    return repository.deleteChannel(guildId, channelId);
  }

  @Override
  public GuildSettings saveSettings(GuildSettings settings) {
    beforeCall("saveSettings");
    return repository.saveSettings(settings);
  }

  @Override
  public GuildSettings replaceSettings(GuildSettings read, GuildSettings changed) {
    beforeCall("replaceSettings");
    return repository.replaceSettings(read, changed);
  }

  @Override
  public List<UnreadableItem> findUnreadable(GuildId guildId) {
    beforeCall("findUnreadable");
    return repository.findUnreadable(guildId);
  }

  @Override
  public Optional<UnreadableItem> findUnreadableChannel(ChannelId channelId) {
    beforeCall("findUnreadableChannel");
    return repository.findUnreadableChannel(channelId);
  }

  @Override
  public Optional<LiveBoard> findBoard(GuildId guildId) {
    beforeCall("findBoard");
    return repository.findBoard(guildId);
  }

  @Override
  public LiveBoard saveBoard(LiveBoard board) {
    beforeCall("saveBoard");
    return repository.saveBoard(board);
  }

  @Override
  public boolean deleteBoard(GuildId guildId) {
    beforeCall("deleteBoard");
    return repository.deleteBoard(guildId);
  }

  @Override
  public int deleteGuild(GuildId guildId) {
    beforeCall("deleteGuild");
    return repository.deleteGuild(guildId);
  }

  @Override
  public ConfigSnapshot loadAll() {
    beforeCall("loadAll");
    return store.loadAll();
  }

  @Override
  public long changeMarker() {
    beforeCall("changeMarker");
    return store.changeMarker();
  }

  @Override
  public OptionalLong changeFeedPosition() {
    beforeCall("changeFeedPosition");
    return store.changeFeedPosition();
  }

  @Override
  public Optional<RecentChanges> changesAfter(long position) {
    beforeCall("changesAfter");
    return store.changesAfter(position);
  }

  @Override
  public ConfigSnapshot read(Collection<ConfigKey> keys) {
    beforeCall("read");
    return store.read(keys);
  }
}
