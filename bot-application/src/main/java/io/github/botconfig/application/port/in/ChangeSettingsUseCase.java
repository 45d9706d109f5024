package io.github.botconfig.application.port.in;

import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.GuildSettings;

/** Changes a guild's settings: only what the command names changes. */
public interface ChangeSettingsUseCase {

  /**
   * Returns {@code CHANGED} or {@code UNCHANGED} (nothing written: nothing given, or every value
   * given is the stored one) with the settings as they are now; else {@code CONFLICT} (after the
   * retries), {@code UNREADABLE}, {@code INVALID}, {@code NOT_ALLOWED} or {@code UNAVAILABLE}, and
   * nothing was written.
   */
  Outcome<GuildSettings> changeSettings(Command command);

  /**
   * Change the settings of {@code guildId}.
   *
   * @param actor who asks
   * @param guildId the guild
   * @param changes what to change; every field left empty keeps the stored value
   */
  record Command(Actor actor, GuildId guildId, SettingsChanges changes) {}
}
