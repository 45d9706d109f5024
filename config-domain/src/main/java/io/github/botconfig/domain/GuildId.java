package io.github.botconfig.domain;

/**
 * The id of a Discord guild (server): a positive 64-bit snowflake.
 *
 * <p>Immutable and thread-safe. {@link #toString()} gives the decimal text Discord uses, which
 * {@link #of(String)} reads back.
 *
 * @param value the snowflake, always positive
 */
public record GuildId(long value) implements Comparable<GuildId> {
  private static final String WHAT = "guild id";

  /**
   * @throws InvalidConfigException if {@code value} is not positive
   */
  public GuildId {
    Snowflakes.require(WHAT, value);
  }

  /** Returns the guild id for a positive snowflake. */
  public static GuildId of(long value) {
    return new GuildId(value);
  }

  /**
   * Parses the decimal text of a guild id, such as {@code "1180586412434817024"}.
   *
   * @throws InvalidConfigException naming the value if it is empty, has anything but digits (signs,
   *     spaces, {@code #}, letters), has leading zeros, is zero, or does not fit in a positive
   *     64-bit number
   */
  public static GuildId of(String text) {
    return new GuildId(Snowflakes.parse(WHAT, text));
  }

  @Override
  public int compareTo(GuildId other) {
    return Long.compare(value, other.value);
  }

  /** Returns the decimal text of the id. */
  @Override
  public String toString() {
    return Long.toString(value);
  }
}
