package io.github.botconfig.domain;

import java.util.Locale;

/** Who a {@link Tag} mentions: one user or every member of one role. */
public enum TagType {
  USER("<@"),
  ROLE("<@&");

  private final String mentionPrefix;

  TagType(String mentionPrefix) {
    this.mentionPrefix = mentionPrefix;
  }

  String mentionPrefix() {
    return mentionPrefix;
  }

  /**
   * Reads {@code user} or {@code role} in any case (the running bot stored lower case, the seed
   * upper case).
   *
   * @throws InvalidConfigException naming the value for anything else
   */
  public static TagType parse(String text) {
    return switch (text.toUpperCase(Locale.ROOT)) {
      case "USER" -> USER;
      case "ROLE" -> ROLE;
      default ->
          throw Inputs.invalid("tag type must be 'user' or 'role', got %s", Inputs.quote(text));
    };
  }
}
