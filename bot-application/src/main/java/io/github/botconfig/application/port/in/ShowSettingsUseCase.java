package io.github.botconfig.application.port.in;

import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.GuildSettings;

/** Shows a guild's settings: what it stored, or the defaults. */
public interface ShowSettingsUseCase {

  /** Returns {@code FOUND}; else {@code UNREADABLE}, {@code NOT_ALLOWED} or {@code UNAVAILABLE}. */
  Outcome<StoredSettings> showSettings(Query query);

  /**
   * Show the settings of {@code guildId}.
   *
   * @param actor who asks
   * @param guildId the guild
   */
  record Query(Actor actor, GuildId guildId) {}

  /**
   * A guild's settings as the bot uses them.
   *
   * @param settings what is stored, or the defaults
   * @param stored whether the guild stored settings (false: {@code settings} are the defaults)
   */
  record StoredSettings(GuildSettings settings, boolean stored) {}
}
