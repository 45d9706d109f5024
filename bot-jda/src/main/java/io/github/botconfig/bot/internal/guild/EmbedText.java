package io.github.botconfig.bot.internal.guild;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a summary or the board shows, as plain text for Discord's embed fields (markdown allowed),
 * within Discord's limits. The bot's JDA classes turn it into an embed.
 *
 * <p>Immutable and thread-safe.
 *
 * @param title at most 256 characters
 * @param description at most 4096 characters
 * @param fields at most 25
 * @param footer at most 2048 characters
 * @param timestamp shown by Discord in the reader's own time zone
 */
public record EmbedText(
    String title,
    String description,
    List<Field> fields,
    Optional<String> footer,
    Optional<Instant> timestamp) {
  public static final int MAX_DESCRIPTION = 4096;
  public static final int MAX_FIELDS = 25;

  /** Discord's limit for all the text of an embed together. */
  public static final int MAX_TOTAL = 6000;

  public EmbedText {
    fields = List.copyOf(fields);
    if (fields.size() > MAX_FIELDS) {
      throw new IllegalArgumentException(
          "an embed has at most " + MAX_FIELDS + " fields, got " + fields.size());
    }
    if (description.length() > MAX_DESCRIPTION) {
      throw new IllegalArgumentException(
          "an embed description has at most " + MAX_DESCRIPTION + " characters");
    }
    int length = length(title, description, fields, footer);
    if (length > MAX_TOTAL) {
      throw new IllegalArgumentException(
          "an embed has at most " + MAX_TOTAL + " characters, got " + length);
    }
  }

  /** All the text together, as Discord counts it against {@link #MAX_TOTAL}. */
  public int length() {
    return length(title, description, fields, footer);
  }

  private static int length(
      String title, String description, List<Field> fields, Optional<String> footer) {
    return title.length()
        + description.length()
        + footer.map(String::length).orElse(0)
        + fields.stream().mapToInt(Field::length).sum();
  }

  /** One field: a name (at most 256 characters, no mentions) over a value (at most 1024). */
  public record Field(String name, String value) {
    int length() {
      return name.length() + value.length();
    }
  }
}
