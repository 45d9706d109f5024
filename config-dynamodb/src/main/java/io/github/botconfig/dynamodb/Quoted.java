package io.github.botconfig.dynamodb;

/**
 * Quotes a value from a file or another program's item for a one-line message: in single quotes,
 * cut after 64 characters (saying how long it was), control and format characters as {@code
 * \\uXXXX}, so that a hostile value can neither flood the output nor break the line. The same rule
 * as the domain's messages (docs/security.md, "Input").
 */
final class Quoted {
  private static final int SHOWN = 64;

  private Quoted() {}

  static String of(String value) {
    int shown = Math.min(value.length(), SHOWN);
    String quoted = '\'' + oneLine(value.substring(0, shown)) + '\'';
    return value.length() > SHOWN ? quoted + "… (" + value.length() + " characters)" : quoted;
  }

  /** The text with its control and format characters escaped: it stays on one line. */
  static String oneLine(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.chars()
        .forEach(
            c ->
                out.append(
                    Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                        ? String.format("\\u%04x", c)
                        : String.valueOf((char) c)));
    return out.toString();
  }
}
