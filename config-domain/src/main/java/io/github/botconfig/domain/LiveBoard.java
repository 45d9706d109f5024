package io.github.botconfig.domain;

import java.time.Instant;
import org.immutables.value.Value;

/**
 * Where a guild's live board is: the one message, in the guild's global channel, that the bot edits
 * as results arrive. Stored so that a restarted bot edits the same message instead of posting a
 * second board.
 *
 * <p>Immutable and thread-safe; build one with {@link #of} or {@link #builder()}. A guild has at
 * most one. Metadata ({@link #createdAt()}, {@link #updatedAt()}, {@link #version()}) is set by the
 * store, as for {@link ChannelConfig}.
 */
@Value.Immutable
public abstract class LiveBoard {
  private static final String MESSAGE_ID = "message id";

  LiveBoard() {}

  /**
   * Returns a builder; {@link Builder#guildId}, {@link Builder#channelId} and {@link
   * Builder#messageId} are required.
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a new, never-stored board: the message {@code messageId} in {@code channelId}. */
  public static LiveBoard of(GuildId guildId, ChannelId channelId, long messageId) {
    return builder().guildId(guildId).channelId(channelId).messageId(messageId).build();
  }

  /**
   * Parses the decimal text of a message id, as Discord and the table write it.
   *
   * @throws InvalidConfigException naming the value if it is not a canonical positive snowflake
   */
  public static long parseMessageId(String text) {
    return Snowflakes.parse(MESSAGE_ID, text);
  }

  /** The guild the board belongs to. */
  public abstract GuildId guildId();

  /** The channel the board message is in: the guild's global channel when it was posted. */
  public abstract ChannelId channelId();

  /** The board message's snowflake, always positive. */
  public abstract long messageId();

  /** When the board was first stored (millisecond precision). */
  @Value.Default
  public Instant createdAt() {
    return Instant.EPOCH;
  }

  /** When the board was last stored (millisecond precision). */
  @Value.Default
  public Instant updatedAt() {
    return Instant.EPOCH;
  }

  /** How many times the board was stored; 0 if never. */
  @Value.Default
  public long version() {
    return 0;
  }

  public abstract LiveBoard withChannelId(ChannelId value);

  public abstract LiveBoard withMessageId(long value);

  public abstract LiveBoard withCreatedAt(Instant value);

  public abstract LiveBoard withUpdatedAt(Instant value);

  public abstract LiveBoard withVersion(long value);

  @Value.Check
  void check() {
    Snowflakes.require(MESSAGE_ID, messageId());
    if (version() < 0) {
      throw Inputs.invalid(
          "board of guild %s: version must be 0 or more, got %d", guildId(), version());
    }
  }

  /**
   * Builds a {@link LiveBoard}; {@code build()} throws {@link InvalidConfigException} on bad
   * values.
   */
  public static final class Builder extends ImmutableLiveBoard.Builder {
    Builder() {}
  }
}
