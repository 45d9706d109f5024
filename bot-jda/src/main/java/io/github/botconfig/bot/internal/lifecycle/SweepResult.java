package io.github.botconfig.bot.internal.lifecycle;

import io.github.botconfig.domain.GuildId;
import java.util.List;

/**
 * What one sweep over the stored guilds did.
 *
 * <p>Immutable and thread-safe.
 *
 * @param purged guilds whose items were deleted
 * @param returned guilds found present again, whose departure was cleared
 * @param waiting guilds departed within the grace period, kept for now
 * @param absentUnrecorded guilds the bot is not in but never saw leave (it was offline then): kept,
 *     see {@code docs/bot.md}
 */
public record SweepResult(
    List<GuildId> purged,
    List<GuildId> returned,
    List<GuildId> waiting,
    List<GuildId> absentUnrecorded) {

  public SweepResult {
    purged = List.copyOf(purged);
    returned = List.copyOf(returned);
    waiting = List.copyOf(waiting);
    absentUnrecorded = List.copyOf(absentUnrecorded);
  }
}
