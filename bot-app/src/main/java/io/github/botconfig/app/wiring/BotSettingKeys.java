package io.github.botconfig.app.wiring;

import io.github.botconfig.domain.SettingKey;
import io.github.botconfig.domain.SettingRecord;
import io.github.botconfig.domain.SettingType;
import io.github.botconfig.domain.SettingsSchema;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * The guild settings the running TypeScript bot stores and this bot does not act on, declared as
 * setting keys so that the CLI and {@code /config} show and edit them in the forms that bot writes
 * and reads (docs/bot.md): {@code forward} and {@code autoDeleteWarnings} (BOOL), {@code
 * positionSizeDefaults} (M of {@code walletAddress} S or NULL and {@code stopLossPercent} N or
 * NULL; its other keys are kept). Defaults are the TypeScript bot's own for a guild that never
 * stored them.
 */
public final class BotSettingKeys {
  /**
   * Forward take-profit/stop-loss alerts (the TypeScript bot's option; the older one's
   * forwardTpSl).
   */
  public static final SettingKey<Boolean> FORWARD =
      SettingKey.guild("forward", SettingType.bool())
          .help(
              "the TypeScript bot forwards take-profit/stop-loss alerts (kept for it, unused here)")
          .build();

  public static final SettingKey<Boolean> AUTO_DELETE_WARNINGS =
      SettingKey.guild("autoDeleteWarnings", SettingType.bool())
          .help("the TypeScript bot deletes its warning messages after a while (unused here)")
          .build();

  public static final SettingRecord.Field<Optional<String>> WALLET_ADDRESS =
      SettingRecord.Field.of("walletAddress", SettingType.optional(SettingType.text(128)));

  public static final SettingRecord.Field<Optional<BigDecimal>> STOP_LOSS_PERCENT =
      SettingRecord.Field.of(
          "stopLossPercent",
          SettingType.optional(SettingType.decimal(BigDecimal.ZERO, new BigDecimal(100))));

  public static final SettingKey<SettingRecord> POSITION_SIZE_DEFAULTS =
      SettingKey.guild(
              "positionSizeDefaults", SettingType.record(WALLET_ADDRESS, STOP_LOSS_PERCENT))
          .help(
              "the TypeScript bot's defaults for its position-size form: walletAddress,"
                  + " stopLossPercent (unused here)")
          .build();

  /** Every key this bot declares; the store of the bot and of the CLI is built with it. */
  public static final SettingsSchema SCHEMA =
      SettingsSchema.of(FORWARD, AUTO_DELETE_WARNINGS, POSITION_SIZE_DEFAULTS);

  private BotSettingKeys() {}
}
