package io.github.botconfig.application.port.in;

import io.github.botconfig.application.port.out.GuildInventory;
import io.github.botconfig.domain.GuildId;
import java.util.List;

/**
 * Deletes everything stored for a guild: its channels, settings, board and every other item under
 * it. A front end that asks first (the CLI on a terminal) shows {@link #planPurge} and then calls
 * {@link #purgeGuild}; one that is told (a script's {@code --yes}) calls {@link #purgeGuild} alone.
 */
public interface PurgeGuildUseCase {

  /**
   * What a purge would delete, deleting nothing: {@code FOUND} with the plan (its items empty when
   * nothing is stored); else {@code NOT_ALLOWED} or {@code UNAVAILABLE}.
   */
  Outcome<Plan> planPurge(Command command);

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

  /**
   * What a purge of {@code guildId} deletes.
   *
   * @param guildId the guild
   * @param items every item stored under it, in the store's key order
   */
  record Plan(GuildId guildId, List<GuildInventory.Item> items) {
    public Plan {
      items = List.copyOf(items);
    }
  }
}
