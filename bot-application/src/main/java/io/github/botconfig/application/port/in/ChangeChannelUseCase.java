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
   * INVALID}, {@code NOT_ALLOWED} or {@code UNAVAILABLE}, and nothing was written. With {@link
   * Mode#ONLY_IF_TRACKED}, a channel that is not tracked when the change would be written gives
   * {@code NOT_TRACKED} and nothing is written.
   */
  Outcome<ChannelConfig> changeChannel(Command command);

  /** Whether the command may start tracking a channel or only change one that is tracked. */
  enum Mode {
    /** Tracks the channel if it is not tracked yet (what {@code /config channel set} does). */
    TRACK_OR_CHANGE,
    /**
     * Changes the channel only if it is still tracked when the change is written: a control drawn
     * for a tracked channel (the panel's buttons) must not track again a channel untracked since.
     */
    ONLY_IF_TRACKED
  }

  /**
   * Track or change {@code channelId} of {@code guildId}.
   *
   * @param actor who asks
   * @param guildId the guild the channel belongs to
   * @param channelId the channel
   * @param changes what to change; every field left empty keeps the stored value
   * @param mode whether an untracked channel may be tracked by this command
   */
  record Command(
      Actor actor, GuildId guildId, ChannelId channelId, ChannelChanges changes, Mode mode) {

    /** A command that tracks the channel if it is not tracked yet. */
    public Command(Actor actor, GuildId guildId, ChannelId channelId, ChannelChanges changes) {
      this(actor, guildId, channelId, changes, Mode.TRACK_OR_CHANGE);
    }
  }
}
