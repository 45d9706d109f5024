package io.github.botconfig.bot.internal.admin;

import io.github.botconfig.application.port.in.OptionalChange;
import io.github.botconfig.domain.InvalidConfigException;
import io.github.botconfig.domain.Tag;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads a tag from the pair of options {@code NAME-user} / {@code NAME-role}. Stateless and
 * thread-safe.
 */
public final class Tags {
  private Tags() {}

  /**
   * Returns the change a command asks for: a user, a role, clearing, or nothing.
   *
   * @param name the options' common name ({@code tag}, {@code summary-tag}), for the error messages
   * @throws InvalidConfigException naming the options when both a user and a role are given, or a
   *     tag and clearing
   */
  public static OptionalChange<Tag> change(
      String name, OptionalLong userId, OptionalLong roleId, boolean clear) {
    if (userId.isPresent() && roleId.isPresent()) {
      throw new InvalidConfigException(
          "give either '"
              + name
              + "-user' or '"
              + name
              + "-role', not both: a tag mentions one user or one role");
    }
    Optional<Tag> tag =
        userId.isPresent()
            ? Optional.of(Tag.user(userId.getAsLong()))
            : roleId.isPresent() ? Optional.of(Tag.role(roleId.getAsLong())) : Optional.empty();
    if (clear && tag.isPresent()) {
      throw new InvalidConfigException(
          "give either a tag ('"
              + name
              + "-user' or '"
              + name
              + "-role') or 'clear-"
              + name
              + "', not both");
    }
    return new OptionalChange<>(tag, clear);
  }
}
