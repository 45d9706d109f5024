package io.github.botconfig.bot;

import io.github.botconfig.bot.report.AlertLimits;
import io.github.botconfig.bot.report.AlertLimits.Rate;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.SettingsSchema;
import java.time.Duration;
import java.util.Optional;

/**
 * How the bot behaves, beyond its stored configuration.
 *
 * <p>Immutable and thread-safe.
 *
 * @param purgeGracePeriod how long a guild's items are kept after the bot was removed from it
 *     (rejoining within it keeps them); default {@link #DEFAULT_PURGE_GRACE_PERIOD}
 * @param devGuildId when set, the slash commands are registered in this guild only (they show up at
 *     once, which suits development) instead of globally
 * @param alertRate how often one channel may be answered; default {@link
 *     AlertLimits#DEFAULT_ALERTS}
 * @param mentionRate how often one channel's answers may mention its tag or pin; default {@link
 *     AlertLimits#DEFAULT_MENTIONS}
 * @param settingsSchema the setting keys of the project beside the built-in options, which {@code
 *     /config channel|settings show} lists and {@code set}/{@code reset} edit; give the schema the
 *     store was built with. Default: none
 */
public record BotOptions(
    Duration purgeGracePeriod,
    Optional<GuildId> devGuildId,
    Rate alertRate,
    Rate mentionRate,
    SettingsSchema settingsSchema) {
  /** Seven days: long enough to undo a mistaken kick. */
  public static final Duration DEFAULT_PURGE_GRACE_PERIOD = Duration.ofDays(7);

  /**
   * @throws IllegalArgumentException naming the value if the grace period is negative
   */
  public BotOptions {
    if (purgeGracePeriod.isNegative()) {
      throw new IllegalArgumentException(
          "purge grace period must be 0 or more, got " + purgeGracePeriod);
    }
  }

  /** A seven-day grace period, commands registered globally, the default alert limits. */
  public static BotOptions defaults() {
    return new BotOptions(
        DEFAULT_PURGE_GRACE_PERIOD,
        Optional.empty(),
        AlertLimits.DEFAULT_ALERTS,
        AlertLimits.DEFAULT_MENTIONS,
        SettingsSchema.none());
  }

  public BotOptions withPurgeGracePeriod(Duration value) {
    return new BotOptions(value, devGuildId, alertRate, mentionRate, settingsSchema);
  }

  public BotOptions withDevGuild(GuildId value) {
    return new BotOptions(
        purgeGracePeriod, Optional.of(value), alertRate, mentionRate, settingsSchema);
  }

  /** Limits how often one channel is answered ({@link Rate#UNLIMITED} for no limit). */
  public BotOptions withAlertRate(Rate value) {
    return new BotOptions(purgeGracePeriod, devGuildId, value, mentionRate, settingsSchema);
  }

  /** Limits how often one channel's answers mention or pin ({@link Rate#UNLIMITED} for none). */
  public BotOptions withMentionRate(Rate value) {
    return new BotOptions(purgeGracePeriod, devGuildId, alertRate, value, settingsSchema);
  }

  /** The project's setting keys, shown and edited by {@code /config} beside the built-in ones. */
  public BotOptions withSettingsSchema(SettingsSchema value) {
    return new BotOptions(purgeGracePeriod, devGuildId, alertRate, mentionRate, value);
  }
}
