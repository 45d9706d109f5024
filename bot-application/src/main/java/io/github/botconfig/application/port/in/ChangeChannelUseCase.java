package io.github.botconfig.application.port.in;

import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.GuildId;

/** Tracks a channel, or changes a tracked one: only what the command names changes. */
public interface ChangeChannelUseCase {

  /**
   * Returns {@code CREATED} (newly tracked, defaults for what was not given), {@code CHANGED} or
   * {@code UNCHANGED} (nothing written) with the channel as stored; else {@code
   * OWNED_BY_ANOTHER_GUILD}, {@code CONFLICT} (after the retries), {@code UNREADABLE}, {@code
   * INVALID}, {@code NOT_ALLOWED} or {@code UNAVAILABLE}, and nothing was written.
   */
  Outcome<ChannelConfig> changeChannel(Command command);

  /**
   * Track or change {@code channelId} of {@code guildId}.
   *
   * @param actor who asks
   * @param guildId the guild the channel belongs to
   * @param channelId the channel
   * @param changes what to change; every field left empty keeps the stored value
   */
  record Command(Actor actor, GuildId guildId, ChannelId channelId, ChannelChanges changes) {}
}
