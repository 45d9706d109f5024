package io.github.botconfig.domain;

/**
 * Parses Discord snowflakes: the canonical decimal text of a positive 64-bit id, as Discord sends
 * it.
 *
 * <p>Canonical matters: {@code 0123} and {@code 123} would be two table keys for one id, so leading
 * zeros are refused like signs, spaces and letters.
 */
final class Snowflakes {
  static final int MAX_DIGITS = 20;

  private Snowflakes() {}

  /**
   * Returns the id that {@code text} spells.
   *
   * @param what what the id is, for the error message ("channel id")
   * @throws InvalidConfigException naming the value when {@code text} is not a canonical positive
   *     snowflake
   */
  static long parse(String what, String text) {
    if (text.isEmpty()) {
      throw Inputs.invalid(
          "%s must be a Discord snowflake (digits only), got an empty value", what);
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        throw Inputs.invalid(
            "%s must be a Discord snowflake (digits only), got %s", what, Inputs.quote(text));
      }
    }
    if (text.length() > MAX_DIGITS) {
      throw Inputs.invalid(
          "%s must be a Discord snowflake of at most %d digits, got %s",
          what, MAX_DIGITS, Inputs.quote(text));
    }
    if (text.charAt(0) == '0') {
      throw Inputs.invalid(
          "%s must be a positive Discord snowflake without leading zeros, got %s",
          what, Inputs.quote(text));
    }
    long value = 0;
    for (int i = 0; i < text.length(); i++) {
      int digit = text.charAt(i) - '0';
      if (value > (Long.MAX_VALUE - digit) / 10) {
        throw Inputs.invalid(
            "%s is larger than any Discord snowflake (at most %d), got %s",
            what, Long.MAX_VALUE, Inputs.quote(text));
      }
      value = value * 10 + digit;
    }
    return value;
  }

  /** Checks an id given as a number. */
  static long require(String what, long value) {
    if (value <= 0) {
      throw Inputs.invalid("%s must be a positive Discord snowflake, got %d", what, value);
    }
    return value;
  }
}
