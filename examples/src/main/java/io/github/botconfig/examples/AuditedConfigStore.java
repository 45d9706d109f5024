package io.github.botconfig.examples;

import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.ConfigSnapshot;
import io.github.botconfig.domain.ConfigStore;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.GuildSettings;
import io.github.botconfig.domain.LiveBoard;
import io.github.botconfig.domain.UnreadableItem;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** A ConfigStore of your own: this one tells an audit log of every write another store took. */
public final class AuditedConfigStore implements ConfigStore {
  private final ConfigStore store;
  private final Consumer<String> audit;

  public AuditedConfigStore(ConfigStore store, Consumer<String> audit) {
    this.store = store;
    this.audit = audit;
  }

  @Override
  public Optional<ChannelConfig> findChannel(ChannelId channelId) {
    return store.findChannel(channelId);
  }

  @Override
  public List<ChannelConfig> findChannels(GuildId guildId) {
    return store.findChannels(guildId);
  }

  @Override
  public Optional<GuildSettings> findSettings(GuildId guildId) {
    return store.findSettings(guildId);
  }

  @Override
  public Optional<LiveBoard> findBoard(GuildId guildId) {
    return store.findBoard(guildId);
  }

  @Override
  public List<UnreadableItem> findUnreadable(GuildId guildId) {
    return store.findUnreadable(guildId);
  }

  @Override
  public Optional<UnreadableItem> findUnreadableChannel(ChannelId channelId) {
    return store.findUnreadableChannel(channelId);
  }

  @Override
  public ConfigSnapshot loadAll() {
    return store.loadAll();
  }

  @Override
  public long changeMarker() {
    return store.changeMarker();
  }

  @Override
  public ChannelConfig saveChannel(ChannelConfig config) {
    ChannelConfig saved = store.saveChannel(config); // a refused write throws: nothing to audit
    audit.accept("channel " + saved.channelId() + " saved, version " + saved.version());
    return saved;
  }

  @Override
  public ChannelConfig replaceChannel(ChannelConfig read, ChannelConfig changed) {
    ChannelConfig saved = store.replaceChannel(read, changed);
    audit.accept("channel " + saved.channelId() + " changed, version " + saved.version());
    return saved;
  }

  @Override
  public boolean deleteChannel(GuildId guildId, ChannelId channelId) {
    boolean deleted = store.deleteChannel(guildId, channelId);
    audit.accept("channel " + channelId + (deleted ? " deleted" : " was not stored"));
    return deleted;
  }

  @Override
  public GuildSettings saveSettings(GuildSettings settings) {
    GuildSettings saved = store.saveSettings(settings);
    audit.accept("settings of guild " + saved.guildId() + " saved, version " + saved.version());
    return saved;
  }

  @Override
  public GuildSettings replaceSettings(GuildSettings read, GuildSettings changed) {
    GuildSettings saved = store.replaceSettings(read, changed);
    audit.accept("settings of guild " + saved.guildId() + " changed, version " + saved.version());
    return saved;
  }

  @Override
  public LiveBoard saveBoard(LiveBoard board) {
    LiveBoard saved = store.saveBoard(board);
    audit.accept("live board of guild " + saved.guildId() + " saved");
    return saved;
  }

  @Override
  public boolean deleteBoard(GuildId guildId) {
    boolean deleted = store.deleteBoard(guildId);
    audit.accept("live board of guild " + guildId + (deleted ? " deleted" : " was not stored"));
    return deleted;
  }

  @Override
  public int deleteGuild(GuildId guildId) {
    int deleted = store.deleteGuild(guildId);
    audit.accept("guild " + guildId + " deleted, " + deleted + " items");
    return deleted;
  }
}
