package io.github.botconfig.bot;

import io.github.botconfig.domain.Tag;
import io.github.botconfig.domain.TagType;
import net.dv8tion.jda.api.requests.restaction.MessageCreateAction;

/**
 * Lets a message mention exactly one tag: its allowed mentions name that user or role and nothing
 * else.
 */
final class Mentions {
  private Mentions() {}

  /** Call after {@code setAllowedMentions(none)}: adds the tag's one id; returns the action. */
  static MessageCreateAction allow(MessageCreateAction action, Tag tag) {
    return tag.type() == TagType.USER
        ? action.mentionUsers(tag.id())
        : action.mentionRoles(tag.id());
  }
}
