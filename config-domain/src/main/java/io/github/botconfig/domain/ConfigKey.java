package io.github.botconfig.domain;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What one write changed, named in domain terms: a channel, a guild's settings, a guild's board, a
 * whole guild (a purge), or everything (a bulk write such as an import). A {@link ConfigChange}
 * carries one; a cache reads the current value of each key it learns of.
 *
 * <p>Immutable and thread-safe; equal when kind and ids are equal.
 */
public final class ConfigKey {
  private static final ConfigKey EVERYTHING = new ConfigKey(Kind.EVERYTHING, null, null);

  /** What kind of item, or group of items, a key names. */
  public enum Kind {
    /** One tracked channel of a guild (present or deleted). */
    CHANNEL,
    /** A guild's settings. */
    SETTINGS,
    /** A guild's live board. */
    BOARD,
    /** Every item of a guild (a purge, which may have stopped half-way). */
    GUILD,
    /** Anything at all: only a complete load is known to catch it. */
    EVERYTHING
  }

  private final Kind kind;
  private final @Nullable GuildId guildId;
  private final @Nullable ChannelId channelId;

  private ConfigKey(Kind kind, @Nullable GuildId guildId, @Nullable ChannelId channelId) {
    this.kind = kind;
    this.guildId = guildId;
    this.channelId = channelId;
  }

  public static ConfigKey channel(GuildId guildId, ChannelId channelId) {
    return new ConfigKey(
        Kind.CHANNEL,
        Objects.requireNonNull(guildId, "guildId"),
        Objects.requireNonNull(channelId, "channelId"));
  }

  public static ConfigKey settings(GuildId guildId) {
    return new ConfigKey(Kind.SETTINGS, Objects.requireNonNull(guildId, "guildId"), null);
  }

  public static ConfigKey board(GuildId guildId) {
    return new ConfigKey(Kind.BOARD, Objects.requireNonNull(guildId, "guildId"), null);
  }

  public static ConfigKey guild(GuildId guildId) {
    return new ConfigKey(Kind.GUILD, Objects.requireNonNull(guildId, "guildId"), null);
  }

  public static ConfigKey everything() {
    return EVERYTHING;
  }

  public Kind kind() {
    return kind;
  }

  /** The guild; empty only for {@link Kind#EVERYTHING}. */
  public Optional<GuildId> guildId() {
    return Optional.ofNullable(guildId);
  }

  /** The channel; present only for {@link Kind#CHANNEL}. */
  public Optional<ChannelId> channelId() {
    return Optional.ofNullable(channelId);
  }

  /**
   * Whether {@code item} is stored under this key: a channel key covers that channel's item in that
   * guild, a settings or board key the guild's settings or board item, a guild key every item of
   * the guild, and {@link #everything()} every item.
   */
  public boolean covers(UnreadableItem item) {
    return switch (kind) {
      case CHANNEL ->
          item.kind() == UnreadableItem.Kind.CHANNEL
              && item.guildId().equals(guildId)
              && item.channelId().filter(c -> c.equals(channelId)).isPresent();
      case SETTINGS ->
          item.kind() == UnreadableItem.Kind.SETTINGS && item.guildId().equals(guildId);
      case BOARD -> item.kind() == UnreadableItem.Kind.BOARD && item.guildId().equals(guildId);
      case GUILD -> item.guildId().equals(guildId);
      case EVERYTHING -> true;
    };
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof ConfigKey other
        && kind == other.kind
        && Objects.equals(guildId, other.guildId)
        && Objects.equals(channelId, other.channelId);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, guildId, channelId);
  }

  @Override
  public String toString() {
    return switch (kind) {
      case CHANNEL -> "channel " + channelId + " of guild " + guildId;
      case SETTINGS -> "settings of guild " + guildId;
      case BOARD -> "board of guild " + guildId;
      case GUILD -> "guild " + guildId;
      case EVERYTHING -> "everything";
    };
  }
}
