package io.github.botconfig.bot.internal;

import java.util.Optional;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Role;
import org.jspecify.annotations.Nullable;

/**
 * Which roles an admin may make a tag, for every front end that sets one ({@code /config} and its
 * panel): a tag must not ping further than its admin may. Stateless and thread-safe.
 */
public final class RoleTags {
  private RoleTags() {}

  /**
   * Why the role may not be a tag set by {@code admin}, or empty when it may: one of another guild
   * (a crafted interaction can name any id, and it mentions nobody here), {@code @everyone} (its id
   * is the guild's: it would ping every member), and a role that is not mentionable when the admin
   * could not mention it themselves (they lack Mention Everyone).
   */
  public static Optional<String> refusal(@Nullable Member admin, Guild guild, long roleId) {
    Role role = guild.getRoleById(roleId);
    if (role == null) {
      return Optional.of("role " + Long.toUnsignedString(roleId) + " is not a role of this server");
    }
    if (role.isPublicRole()) {
      return Optional.of(
          "a tag cannot be @everyone: it would ping every member of this server; pick a role");
    }
    if (!role.isMentionable()
        && (admin == null || !admin.hasPermission(Permission.MESSAGE_MENTION_EVERYONE))) {
      return Optional.of(
          "role `@"
              + role.getName().replace('`', '\'')
              + "` is not mentionable, and you lack the **"
              + Permission.MESSAGE_MENTION_EVERYONE.getName()
              + "** permission: make the role mentionable, or ask someone who has it");
    }
    return Optional.empty();
  }
}
