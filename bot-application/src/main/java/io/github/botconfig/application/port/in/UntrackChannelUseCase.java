package io.github.botconfig.application.port.in;

import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.GuildId;

/** Stops tracking a channel of a guild. */
public interface UntrackChannelUseCase {

  /**
   * Returns {@code REMOVED} with the channel's id; {@code NOT_TRACKED} if this guild does not track
   * it (nothing changes, even if another guild does); else {@code NOT_ALLOWED} or {@code
   * UNAVAILABLE}.
   */
  Outcome<ChannelId> untrackChannel(Command command);

  /**
   * Untrack {@code channelId} of {@code guildId}.
   *
   * @param actor who asks
   * @param guildId the guild that tracks the channel
   * @param channelId the channel
   */
  record Command(Actor actor, GuildId guildId, ChannelId channelId) {}
}
