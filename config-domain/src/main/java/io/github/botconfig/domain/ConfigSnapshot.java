package io.github.botconfig.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The whole configuration at one moment: every tracked channel, every guild's stored settings and
 * live board.
 *
 * <p>Immutable and thread-safe; every collection it returns is unmodifiable. A channel appears
 * once, under exactly one guild. When the data holds the same channel under two guilds (possible in
 * tables the running TypeScript bot wrote: it never checked), the snapshot keeps the one stored
 * last (higher version, then later {@code updatedAt}, then later {@code createdAt}) and lists the
 * other in {@link #discardedDuplicates()}.
 *
 * <p>Items that exist but cannot be read are not absent: they are listed in {@link #unreadable()}
 * (see {@link UnreadableItem}), so that a front end can say so and no write creates over them.
 */
public final class ConfigSnapshot {
  private static final ConfigSnapshot EMPTY = builder().build();

  /** Which of two items for one channel a snapshot keeps: the one stored last. */
  private static final Comparator<ChannelConfig> STORED_LAST =
      Comparator.comparingLong(ChannelConfig::version)
          .thenComparing(ChannelConfig::updatedAt)
          .thenComparing(ChannelConfig::createdAt)
          .thenComparing(ChannelConfig::guildId);

  private final Map<ChannelId, ChannelConfig> channels;
  private final Map<GuildId, List<ChannelConfig>> channelsByGuild;
  private final Map<GuildId, GuildSettings> settings;
  private final Map<GuildId, LiveBoard> boards;
  private final List<ChannelConfig> discardedDuplicates;
  private final List<UnreadableItem> unreadable;
  private final Map<ChannelId, UnreadableItem> unreadableChannels;

  private ConfigSnapshot(Builder builder) {
    this.channels = Map.copyOf(builder.channels);
    Map<GuildId, List<ChannelConfig>> byGuild = new HashMap<>();
    for (ChannelConfig channel : builder.channels.values()) {
      byGuild.computeIfAbsent(channel.guildId(), g -> new ArrayList<>()).add(channel);
    }
    byGuild.replaceAll(
        (guild, list) -> {
          list.sort(Comparator.comparing(ChannelConfig::channelId));
          return List.copyOf(list);
        });
    this.channelsByGuild = Map.copyOf(byGuild);
    this.settings = Map.copyOf(builder.settings);
    this.boards = Map.copyOf(builder.boards);
    this.discardedDuplicates = List.copyOf(builder.discarded);
    this.unreadable = List.copyOf(builder.unreadable.values());
    Map<ChannelId, UnreadableItem> byChannel = new HashMap<>();
    for (UnreadableItem item : unreadable) {
      item.channelId().ifPresent(channel -> byChannel.putIfAbsent(channel, item));
    }
    this.unreadableChannels = Map.copyOf(byChannel);
  }

  /** A snapshot of an empty store. */
  public static ConfigSnapshot empty() {
    return EMPTY;
  }

  /** A snapshot of these channels and settings (duplicates resolved as the class comment says). */
  public static ConfigSnapshot of(
      Collection<ChannelConfig> channels, Collection<GuildSettings> settings) {
    return of(channels, settings, List.of());
  }

  /** A snapshot of these channels, settings and live boards. */
  public static ConfigSnapshot of(
      Collection<ChannelConfig> channels,
      Collection<GuildSettings> settings,
      Collection<LiveBoard> boards) {
    Builder builder = builder();
    channels.forEach(builder::addChannel);
    settings.forEach(builder::addSettings);
    boards.forEach(builder::addBoard);
    return builder.build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Every tracked channel, by id. */
  public Map<ChannelId, ChannelConfig> channels() {
    return channels;
  }

  /** The tracked channel with this id, if any. */
  public Optional<ChannelConfig> channel(ChannelId channelId) {
    return Optional.ofNullable(channels.get(channelId));
  }

  /** The tracked channels of one guild, ordered by channel id; empty if it has none. */
  public List<ChannelConfig> channelsOf(GuildId guildId) {
    return channelsByGuild.getOrDefault(guildId, List.of());
  }

  /** Every guild's stored settings, by guild. Guilds that never stored settings are absent. */
  public Map<GuildId, GuildSettings> settings() {
    return settings;
  }

  /** The stored settings of one guild, if any. */
  public Optional<GuildSettings> settings(GuildId guildId) {
    return Optional.ofNullable(settings.get(guildId));
  }

  /** Every guild's stored live board, by guild. */
  public Map<GuildId, LiveBoard> boards() {
    return boards;
  }

  /** The stored live board of one guild, if any. */
  public Optional<LiveBoard> board(GuildId guildId) {
    return Optional.ofNullable(boards.get(guildId));
  }

  /**
   * Every guild that has tracked channels, stored settings or a live board (unreadable ones
   * included).
   */
  public Set<GuildId> guilds() {
    Set<GuildId> guilds = new HashSet<>(channelsByGuild.keySet());
    guilds.addAll(settings.keySet());
    guilds.addAll(boards.keySet());
    unreadable.forEach(item -> guilds.add(item.guildId()));
    return Set.copyOf(guilds);
  }

  /** Every item that is stored but cannot be read; usually empty. */
  public List<UnreadableItem> unreadable() {
    return unreadable;
  }

  /** The unreadable items stored under one guild (channels, settings, board); usually empty. */
  public List<UnreadableItem> unreadable(GuildId guildId) {
    if (unreadable.isEmpty()) {
      return List.of();
    }
    return unreadable.stream().filter(item -> item.guildId().equals(guildId)).toList();
  }

  /**
   * The unreadable item of a channel, if its item exists but cannot be read. A channel readable
   * under one guild and unreadable under another is in both {@link #channel} and here.
   */
  public Optional<UnreadableItem> unreadableChannel(ChannelId channelId) {
    return Optional.ofNullable(unreadableChannels.get(channelId));
  }

  /** Channels found under a second guild and left out (see the class comment). Usually empty. */
  public List<ChannelConfig> discardedDuplicates() {
    return discardedDuplicates;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof ConfigSnapshot other
        && other.channels.equals(channels)
        && other.settings.equals(settings)
        && other.boards.equals(boards)
        && Set.copyOf(other.unreadable).equals(Set.copyOf(unreadable));
  }

  @Override
  public int hashCode() {
    return 31 * (31 * (31 * channels.hashCode() + settings.hashCode()) + boards.hashCode())
        + Set.copyOf(unreadable).hashCode();
  }

  @Override
  public String toString() {
    return "ConfigSnapshot{"
        + channels.size()
        + " channels in "
        + channelsByGuild.size()
        + " guilds, "
        + settings.size()
        + " settings, "
        + boards.size()
        + " boards"
        + (unreadable.isEmpty() ? "" : ", " + unreadable.size() + " unreadable")
        + "}";
  }

  /**
   * Collects a snapshot. Not thread-safe; {@link #build()} copies, so the builder can be reused.
   */
  public static final class Builder {
    private final Map<ChannelId, ChannelConfig> channels = new HashMap<>();
    private final Map<GuildId, GuildSettings> settings = new HashMap<>();
    private final Map<GuildId, LiveBoard> boards = new HashMap<>();
    private final List<ChannelConfig> discarded = new ArrayList<>();
    private final Map<List<Object>, UnreadableItem> unreadable = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Adds an item that exists but cannot be read; a second one with the same key (kind, guild,
     * channel) replaces the first.
     */
    public Builder addUnreadable(UnreadableItem item) {
      List<Object> key =
          item.channelId().isPresent()
              ? List.of(item.kind(), item.guildId(), item.channelId().get())
              : List.of(item.kind(), item.guildId());
      unreadable.put(key, item);
      return this;
    }

    /**
     * Adds a channel. A second item for the same channel replaces the first if it was stored later
     * (see the class comment); the other one is kept aside in {@link
     * ConfigSnapshot#discardedDuplicates()}.
     */
    public Builder addChannel(ChannelConfig channel) {
      ChannelConfig previous = channels.get(channel.channelId());
      if (previous == null) {
        channels.put(channel.channelId(), channel);
      } else if (STORED_LAST.compare(channel, previous) > 0) {
        channels.put(channel.channelId(), channel);
        discarded.add(previous);
      } else {
        discarded.add(channel);
      }
      return this;
    }

    /** Adds a guild's settings; a second one for the same guild replaces the first. */
    public Builder addSettings(GuildSettings guildSettings) {
      settings.put(guildSettings.guildId(), guildSettings);
      return this;
    }

    /** Adds a guild's live board; a second one for the same guild replaces the first. */
    public Builder addBoard(LiveBoard board) {
      boards.put(board.guildId(), board);
      return this;
    }

    public ConfigSnapshot build() {
      return new ConfigSnapshot(this);
    }
  }
}
