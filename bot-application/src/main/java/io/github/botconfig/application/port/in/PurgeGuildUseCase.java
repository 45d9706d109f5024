package io.github.botconfig.application.port.in;

import io.github.botconfig.domain.GuildId;

/** Deletes everything stored for a guild. */
public interface PurgeGuildUseCase {

  /**
   * Returns {@code REMOVED} with how many items were deleted (0 when nothing was stored); else
   * {@code NOT_ALLOWED} or {@code UNAVAILABLE} (some items may be gone then: a purge is not atomic,
   * and running it again finishes it).
   */
  Outcome<Integer> purgeGuild(Command command);

  /**
   * Purge {@code guildId}.
   *
   * @param actor who asks
   * @param guildId the guild
   */
  record Command(Actor actor, GuildId guildId) {}
}
