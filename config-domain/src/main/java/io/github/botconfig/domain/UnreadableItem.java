package io.github.botconfig.domain;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An item that is stored but cannot be decoded: a tracked channel, a guild's settings or its live
 * board holding a value no known writer produces (a {@code threshold} of {@code "maybe"}, a {@code
 * timezone} of {@code "Mars/Olympus"}, …).
 *
 * <p>Unreadable is not absent: the item exists, so a front end says "stored but unreadable: {@link
 * #reason()}", and no write ever creates a fresh item over it (a create is refused with {@link
 * ConfigConflictException.Reason#UNREADABLE}). The item itself stays in the store, untouched, until
 * someone fixes or removes it.
 *
 * <p>Immutable and thread-safe.
 */
public final class UnreadableItem {

  /** What the item would be if it could be read. */
  public enum Kind {
    /** A tracked channel ({@code SK CHANNEL#c}). */
    CHANNEL,
    /** A guild's settings ({@code SK SETTINGS}). */
    SETTINGS,
    /** A guild's live board. */
    BOARD
  }

  private final GuildId guildId;
  private final Kind kind;
  private final @Nullable ChannelId channelId;
  private final String reason;

  private UnreadableItem(GuildId guildId, Kind kind, @Nullable ChannelId channelId, String reason) {
    this.guildId = Objects.requireNonNull(guildId, "guildId");
    this.kind = kind;
    this.channelId = channelId;
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /**
   * A tracked channel's item that cannot be read, for {@code reason} (naming attribute and value).
   */
  public static UnreadableItem channel(GuildId guildId, ChannelId channelId, String reason) {
    return new UnreadableItem(guildId, Kind.CHANNEL, Objects.requireNonNull(channelId), reason);
  }

  /** A guild's settings item that cannot be read. */
  public static UnreadableItem settings(GuildId guildId, String reason) {
    return new UnreadableItem(guildId, Kind.SETTINGS, null, reason);
  }

  /** A guild's live board item that cannot be read. */
  public static UnreadableItem board(GuildId guildId, String reason) {
    return new UnreadableItem(guildId, Kind.BOARD, null, reason);
  }

  /** The guild the item is stored under. */
  public GuildId guildId() {
    return guildId;
  }

  public Kind kind() {
    return kind;
  }

  /** The channel, for a {@link Kind#CHANNEL} item; empty otherwise. */
  public Optional<ChannelId> channelId() {
    return Optional.ofNullable(channelId);
  }

  /** Why it cannot be read, naming the attribute and the value: {@code threshold: …, got 'x'}. */
  public String reason() {
    return reason;
  }

  /**
   * What the item is, for a message: {@code channel 123 of guild 456}, {@code settings of guild
   * 456}.
   */
  public String what() {
    return switch (kind) {
      case CHANNEL -> "channel " + channelId + " of guild " + guildId;
      case SETTINGS -> "settings of guild " + guildId;
      case BOARD -> "live board of guild " + guildId;
    };
  }

  /** The line a front end shows: {@code stored but unreadable: <why>}. */
  public String describe() {
    return "stored but unreadable: " + reason;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof UnreadableItem other
        && other.guildId.equals(guildId)
        && other.kind == kind
        && Objects.equals(other.channelId, channelId)
        && other.reason.equals(reason);
  }

  @Override
  public int hashCode() {
    return Objects.hash(guildId, kind, channelId, reason);
  }

  @Override
  public String toString() {
    return what() + ": " + describe();
  }
}
