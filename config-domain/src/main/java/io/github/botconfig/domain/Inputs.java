package io.github.botconfig.domain;

import com.google.errorprone.annotations.FormatMethod;
import com.google.errorprone.annotations.FormatString;

/** Helpers for error messages that quote what the user gave, safely and briefly. */
final class Inputs {
  private static final int MAX_QUOTED = 64;

  private Inputs() {}

  /**
   * Quotes a user-supplied value for an error message: at most 64 characters (longer values are cut
   * and their length is given) and control characters shown as {@code \\uXXXX}, so a hostile value
   * can neither flood a log nor break a line.
   */
  static String quote(CharSequence value) {
    StringBuilder out = new StringBuilder(Math.min(value.length(), MAX_QUOTED) + 24).append('\'');
    int shown = Math.min(value.length(), MAX_QUOTED);
    for (int i = 0; i < shown; i++) {
      char c = value.charAt(i);
      if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    out.append('\'');
    if (value.length() > MAX_QUOTED) {
      out.append("… (").append(value.length()).append(" characters)");
    }
    return out.toString();
  }

  @FormatMethod
  static InvalidConfigException invalid(@FormatString String format, Object... args) {
    return new InvalidConfigException(String.format(format, args));
  }
}
