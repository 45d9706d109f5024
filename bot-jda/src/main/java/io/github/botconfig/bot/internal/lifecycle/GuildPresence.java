package io.github.botconfig.bot.internal.lifecycle;

import io.github.botconfig.domain.GuildId;

/**
 * Whether the bot is a member of a guild right now, as far as this process can tell.
 *
 * <p>Implementations are thread-safe.
 */
@FunctionalInterface
public interface GuildPresence {

  /** The answer for one guild. */
  enum Presence {
    /** The bot is in the guild (available or not: an outage is not a departure). */
    PRESENT,
    /** The bot is connected, sees the guild's shard, and is not in the guild. */
    ABSENT,
    /** This process cannot tell: not connected yet, or the guild's shard runs elsewhere. */
    UNKNOWN
  }

  Presence of(GuildId guildId);
}
