package io.github.botconfig.domain;

import java.util.Locale;
import java.util.Objects;

/**
 * Whom an alert mentions when its threshold is met: one user or one role, by id.
 *
 * <p>Immutable and thread-safe. Its text form is {@code user:ID} or {@code role:ID} ({@link
 * #toString()}, {@link #parse(String)}).
 *
 * @param type user or role
 * @param id the user's or role's snowflake, always positive
 */
public record Tag(TagType type, long id) {

  /**
   * @throws InvalidConfigException if {@code id} is not positive
   */
  public Tag {
    Objects.requireNonNull(type, "type");
    Snowflakes.require(type == TagType.USER ? "user id" : "role id", id);
  }

  /** Mentions the user with this id. */
  public static Tag user(long id) {
    return new Tag(TagType.USER, id);
  }

  /** Mentions the role with this id. */
  public static Tag role(long id) {
    return new Tag(TagType.ROLE, id);
  }

  /**
   * Builds a tag from a type and the decimal text of an id, as stored by the running bot.
   *
   * @throws InvalidConfigException naming the value if the id is not a snowflake
   */
  public static Tag of(TagType type, String id) {
    return new Tag(type, Snowflakes.parse(type == TagType.USER ? "user id" : "role id", id));
  }

  /**
   * Parses {@code user:ID} or {@code role:ID} (type in any case).
   *
   * @throws InvalidConfigException naming the value for anything else
   */
  public static Tag parse(String text) {
    int colon = text.indexOf(':');
    if (colon < 0) {
      throw Inputs.invalid("tag must be 'user:ID' or 'role:ID', got %s", Inputs.quote(text));
    }
    return of(TagType.parse(text.substring(0, colon)), text.substring(colon + 1));
  }

  /** Returns the decimal text of the id. */
  public String idText() {
    return Long.toString(id);
  }

  /** Returns the Discord mention markup: {@code <@id>} for a user, {@code <@&id>} for a role. */
  public String mention() {
    return type.mentionPrefix() + id + '>';
  }

  /** Returns {@code user:ID} or {@code role:ID}. */
  @Override
  public String toString() {
    return type.name().toLowerCase(Locale.ROOT) + ':' + id;
  }
}
