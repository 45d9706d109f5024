package io.github.botconfig.domain;

/**
 * The id of a Discord channel (text channel, thread or forum): a positive 64-bit snowflake.
 *
 * <p>Immutable and thread-safe. {@link #toString()} gives the decimal text Discord uses, which
 * {@link #of(String)} reads back.
 *
 * @param value the snowflake, always positive
 */
public record ChannelId(long value) implements Comparable<ChannelId> {
  private static final String WHAT = "channel id";

  /**
   * @throws InvalidConfigException if {@code value} is not positive
   */
  public ChannelId {
    Snowflakes.require(WHAT, value);
  }

  /** Returns the channel id for a positive snowflake. */
  public static ChannelId of(long value) {
    return new ChannelId(value);
  }

  /**
   * Parses the decimal text of a channel id, such as {@code "1180586412434817024"}.
   *
   * @throws InvalidConfigException naming the value if it is empty, has anything but digits (signs,
   *     spaces, {@code #}, letters), has leading zeros, is zero, or does not fit in a positive
   *     64-bit number
   */
  public static ChannelId of(String text) {
    return new ChannelId(Snowflakes.parse(WHAT, text));
  }

  @Override
  public int compareTo(ChannelId other) {
    return Long.compare(value, other.value);
  }

  /** Returns the decimal text of the id. */
  @Override
  public String toString() {
    return Long.toString(value);
  }
}
