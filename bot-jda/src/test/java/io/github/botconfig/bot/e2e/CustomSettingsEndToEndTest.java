package io.github.botconfig.bot.e2e;

import static io.github.botconfig.bot.e2e.BotHarness.ADMIN;
import static io.github.botconfig.bot.e2e.BotHarness.CHATTER;
import static io.github.botconfig.bot.e2e.BotHarness.GUILD;
import static io.github.botconfig.bot.e2e.BotHarness.REPORTS;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.botconfig.bot.BotOptions;
import io.github.botconfig.bot.testing.SlashCommand;
import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.GuildSettings;
import io.github.botconfig.domain.SettingKey;
import io.github.botconfig.domain.SettingType;
import io.github.botconfig.domain.SettingsSchema;
import io.github.botconfig.domain.Threshold;
import io.github.botconfig.domain.testing.InstrumentedConfigStore.Operation;
import java.time.ZoneId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code /config … set/reset/show} on a project's own setting keys, through real JDA. */
class CustomSettingsEndToEndTest extends EndToEndTest {
  static final SettingKey<Boolean> FORWARD =
      SettingKey.guild("forward", SettingType.bool()).help("forward alerts elsewhere").build();
  static final SettingKey<Long> WARNINGS_KEPT =
      SettingKey.guild("warningsKept", SettingType.integer(0, 50))
          .defaultValue(10L)
          .help("how many warnings are kept")
          .build();
  static final SettingKey<Long> SLOWMODE =
      SettingKey.channel("slowmodeSeconds", SettingType.integer(0, 21_600))
          .defaultValue(0L)
          .help("seconds between two reports")
          .build();
  static final SettingsSchema SCHEMA = SettingsSchema.of(FORWARD, WARNINGS_KEPT, SLOWMODE);

  @BeforeEach
  void start() throws Exception {
    bot = BotHarness.withTwoGuilds(BotOptions.defaults().withSettingsSchema(SCHEMA)).connect();
  }

  private SlashCommand config(String group, String subcommand) {
    return bot.discord.slashCommand("config", GUILD, CHATTER, ADMIN).subcommand(group, subcommand);
  }

  private String reply(SlashCommand command) {
    return bot.discord.awaitInteractionReply(command.send()).content();
  }

  @Test
  void showListsEveryDeclaredKeyWithItsDefaultAndHelp() {
    assertThat(reply(config("settings", "show")))
        .contains("forward: `false` (default) — forward alerts elsewhere")
        .contains("warningsKept: `10` (default) — how many warnings are kept")
        .doesNotContain("slowmodeSeconds");
  }

  @Test
  void setChangesOnlyTheNamedKeyAndResetReturnsItToItsDefault() {
    bot.repository()
        .saveSettings(
            GuildSettings.defaults(GuildId.of(GUILD))
                .withTimezone(ZoneId.of("Europe/Paris"))
                .with(WARNINGS_KEPT, 3L));

    assertThat(reply(config("settings", "set").option("set", "forward=true")))
        .startsWith("✅ Server settings updated.")
        .contains("forward: `true` — forward")
        .contains("warningsKept: `3` — how many");
    GuildSettings stored = bot.store.delegate().findSettings(GuildId.of(GUILD)).orElseThrow();
    assertThat(stored.get(FORWARD)).isTrue();
    assertThat(stored.get(WARNINGS_KEPT)).isEqualTo(3L);
    assertThat(stored.timezone()).isEqualTo(ZoneId.of("Europe/Paris"));

    assertThat(reply(config("settings", "set").option("reset", "warningsKept")))
        .contains("warningsKept: `10` (default)");
    stored = bot.store.delegate().findSettings(GuildId.of(GUILD)).orElseThrow();
    assertThat(stored.custom().isStored(WARNINGS_KEPT)).isFalse();
    assertThat(stored.get(FORWARD)).isTrue();

    assertThat(reply(config("settings", "show"))).contains("forward: `true` — forward");
  }

  @Test
  void aChannelKeyIsSetBesideTheBuiltInOptions() {
    String text =
        reply(
            config("channel", "set")
                .channel("channel", REPORTS)
                .option("threshold", "TP")
                .option("set", "slowmodeSeconds=30"));

    assertThat(text).startsWith("✅ <#" + REPORTS + "> is now tracked.");
    ChannelConfig stored = bot.store.delegate().findChannel(ChannelId.of(REPORTS)).orElseThrow();
    assertThat(stored.get(SLOWMODE)).isEqualTo(30L);
    assertThat(stored.threshold()).isEqualTo(Threshold.TAKE_PROFIT);
    assertThat(reply(config("channel", "show").channel("channel", REPORTS)))
        .contains("slowmodeSeconds: `30` — seconds between two reports");
  }

  @Test
  void aValueTheKeyRefusesAndAnUndeclaredKeyAreNamedAndNothingIsWritten() {
    String refused = reply(config("settings", "set").option("set", "warningsKept=99"));
    String undeclared = reply(config("settings", "set").option("set", "prefix=!"));
    String wrongScope =
        reply(config("channel", "set").channel("channel", REPORTS).option("reset", "forward"));
    String notAnAssignment = reply(config("settings", "set").option("set", "forward"));

    assertThat(refused).startsWith("❌ warningsKept").contains("99");
    assertThat(undeclared)
        .isEqualTo("❌ no guild setting is named 'prefix' (declared: forward, warningsKept)");
    assertThat(wrongScope)
        .isEqualTo("❌ no channel setting is named 'forward' (declared: slowmodeSeconds)");
    assertThat(notAnAssignment).isEqualTo("❌ a setting is given as KEY=VALUE, got 'forward'");
    assertThat(bot.store.calls(Operation.SAVE_SETTINGS)).isZero();
    assertThat(bot.store.calls(Operation.SAVE_CHANNEL)).isZero();
    assertThat(bot.store.delegate().findSettings(GuildId.of(GUILD))).isEmpty();
  }

  @Test
  void keyNamesAreAutocompletedFromTheSchemaOfTheScope() {
    String settings = config("settings", "set").autocomplete("set", "for");
    String channel = config("channel", "set").autocomplete("reset", "");

    assertThat(bot.discord.awaitInteractionReply(settings).content())
        .contains("forward=")
        .doesNotContain("slowmodeSeconds");
    assertThat(bot.discord.awaitInteractionReply(channel).content())
        .contains("slowmodeSeconds")
        .doesNotContain("forward");
  }
}
