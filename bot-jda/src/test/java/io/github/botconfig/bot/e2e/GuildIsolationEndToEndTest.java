package io.github.botconfig.bot.e2e;

import static io.github.botconfig.bot.e2e.BotHarness.ADMIN;
import static io.github.botconfig.bot.e2e.BotHarness.CHATTER;
import static io.github.botconfig.bot.e2e.BotHarness.GUILD;
import static io.github.botconfig.bot.e2e.BotHarness.OTHER_GUILD;
import static io.github.botconfig.bot.e2e.BotHarness.OTHER_REPORTS;
import static io.github.botconfig.bot.e2e.BotHarness.REPORTS;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.botconfig.bot.BotOptions;
import io.github.botconfig.bot.testing.SlashCommand;
import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.ConfigSnapshot;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.GuildSettings;
import io.github.botconfig.domain.Tag;
import io.github.botconfig.domain.Threshold;
import io.github.botconfig.domain.testing.InstrumentedConfigStore.Operation;
import java.time.ZoneId;
import net.dv8tion.jda.api.Permission;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An admin of one guild can neither read nor change another guild's configuration, through any
 * {@code /config} command or option that takes a channel or an id — even with a crafted interaction
 * naming the other guild's ids (Discord's pickers offer only the guild's own). OTHER_GUILD tracks
 * OTHER_REPORTS and has its own settings; ADMIN manages GUILD and is a plain member of OTHER_GUILD.
 */
class GuildIsolationEndToEndTest extends EndToEndTest {
  private static final long OTHER_ROLE = 1_200_000_000_000_000_020L;
  private static final long OTHER_ADMIN = 1_200_000_000_000_000_030L;
  private static final long OTHER_ADMIN_ROLE = 1_200_000_000_000_000_021L;

  private ChannelConfig othersChannel;
  private GuildSettings othersSettings;
  private ConfigSnapshot before;

  @BeforeEach
  void twoConfiguredGuilds() throws Exception {
    bot = BotHarness.withTwoGuilds(BotOptions.defaults());
    bot.discord
        .guild(OTHER_GUILD)
        .role(OTHER_ROLE, "whales")
        .role(OTHER_ADMIN_ROLE, "their admins", Permission.MANAGE_SERVER)
        .member(OTHER_ADMIN, "carol", OTHER_ADMIN_ROLE);
    othersChannel =
        bot.store.saveChannel(
            ChannelConfig.of(GuildId.of(OTHER_GUILD), ChannelId.of(OTHER_REPORTS))
                .withThreshold(Threshold.percent(42))
                .withTag(Tag.role(OTHER_ROLE))
                .withPin(true));
    othersSettings =
        bot.store.saveSettings(
            GuildSettings.defaults(GuildId.of(OTHER_GUILD))
                .withTimezone(ZoneId.of("Asia/Tokyo"))
                .withGlobalChannelId(ChannelId.of(OTHER_REPORTS)));
    bot.store.saveChannel(ChannelConfig.of(GuildId.of(GUILD), ChannelId.of(REPORTS)));
    bot.connect();
    before = bot.store.delegate().loadAll();
  }

  @AfterEach
  void theOtherGuildIsAsItWas() {
    if (bot != null) {
      assertThat(bot.store.delegate().loadAll()).isEqualTo(before);
      assertThat(bot.repository().findChannel(ChannelId.of(OTHER_REPORTS))).contains(othersChannel);
      assertThat(bot.repository().findSettings(GuildId.of(OTHER_GUILD))).contains(othersSettings);
    }
  }

  private SlashCommand asAdminOfGuild(String group, String subcommand) {
    return bot.discord.slashCommand("config", GUILD, CHATTER, ADMIN).subcommand(group, subcommand);
  }

  private String reply(SlashCommand command) {
    return bot.discord.awaitInteractionReply(command.send()).content();
  }

  @Test
  void channelSetOnAnotherGuildsChannelIsRefused() {
    String reply =
        reply(
            asAdminOfGuild("channel", "set")
                .channel("channel", OTHER_REPORTS)
                .option("pin", false));

    assertThat(reply).isEqualTo("❌ channel " + OTHER_REPORTS + " is not a channel of this server");
    assertThat(bot.store.calls(Operation.SAVE_CHANNEL) + bot.store.calls(Operation.REPLACE_CHANNEL))
        .isZero();
  }

  @Test
  void channelRemoveOfAnotherGuildsChannelRemovesNothing() {
    String reply = reply(asAdminOfGuild("channel", "remove").channel("channel", OTHER_REPORTS));

    assertThat(reply)
        .isEqualTo("<#" + OTHER_REPORTS + "> is not tracked in this server; nothing changed.");
  }

  @Test
  void channelShowOfAnotherGuildsChannelRevealsNothingOfItsConfiguration() {
    String reply = reply(asAdminOfGuild("channel", "show").channel("channel", OTHER_REPORTS));

    assertThat(reply)
        .isEqualTo("<#" + OTHER_REPORTS + "> is not tracked. Track it with `/config channel set`.");
    assertThat(reply).doesNotContain("42").doesNotContain(Long.toString(OTHER_ROLE));
  }

  @Test
  void channelListShowsOnlyTheGuildsOwnChannels() {
    String reply = reply(asAdminOfGuild("channel", "list"));

    assertThat(reply)
        .startsWith("**Tracked channels (1)**\n• <#" + REPORTS + ">")
        .doesNotContain(Long.toString(OTHER_REPORTS));
  }

  @Test
  void guildShowShowsOnlyTheGuildsOwnSettings() {
    String reply = reply(asAdminOfGuild("settings", "show"));

    assertThat(reply)
        .contains("timezone: UTC")
        .doesNotContain("Asia/Tokyo")
        .doesNotContain(Long.toString(OTHER_REPORTS));
  }

  @Test
  void guildSetWithAnotherGuildsChannelAsGlobalChannelIsRefused() {
    String reply =
        reply(asAdminOfGuild("settings", "set").channel("global-channel", OTHER_REPORTS));

    assertThat(reply).isEqualTo("❌ channel " + OTHER_REPORTS + " is not a channel of this server");
    assertThat(
            bot.store.calls(Operation.SAVE_SETTINGS) + bot.store.calls(Operation.REPLACE_SETTINGS))
        .isZero();
  }

  @Test
  void aTagRoleOfAnotherGuildIsRefused() {
    String reply =
        reply(
            asAdminOfGuild("channel", "set")
                .channel("channel", REPORTS)
                .role("tag-role", OTHER_ROLE));

    assertThat(reply).isEqualTo("❌ role " + OTHER_ROLE + " is not a role of this server");
    assertThat(bot.store.calls(Operation.SAVE_CHANNEL) + bot.store.calls(Operation.REPLACE_CHANNEL))
        .isZero();
  }

  @Test
  void aSummaryTagRoleOfAnotherGuildIsRefused() {
    String reply = reply(asAdminOfGuild("settings", "set").role("summary-tag-role", OTHER_ROLE));

    assertThat(reply).isEqualTo("❌ role " + OTHER_ROLE + " is not a role of this server");
    assertThat(
            bot.store.calls(Operation.SAVE_SETTINGS) + bot.store.calls(Operation.REPLACE_SETTINGS))
        .isZero();
  }

  @Test
  void beingAPlainMemberOfTheOtherGuildGivesNoRightsThere() {
    String reply =
        reply(
            bot.discord
                .slashCommand("config", OTHER_GUILD, OTHER_REPORTS, ADMIN)
                .subcommand("channel", "remove")
                .channel("channel", OTHER_REPORTS));

    assertThat(reply)
        .isEqualTo("❌ You need the **Manage Server** permission to configure this bot.");
    assertThat(bot.store.calls(Operation.DELETE_CHANNEL)).isZero();
  }

  @Test
  void theOtherGuildsAdminCannotReachThisGuildsChannelEither() {
    String reply =
        reply(
            bot.discord
                .slashCommand("config", OTHER_GUILD, OTHER_REPORTS, OTHER_ADMIN)
                .subcommand("channel", "set")
                .channel("channel", REPORTS)
                .option("pin", true));

    assertThat(reply).isEqualTo("❌ channel " + REPORTS + " is not a channel of this server");
    assertThat(bot.store.calls(Operation.SAVE_CHANNEL) + bot.store.calls(Operation.REPLACE_CHANNEL))
        .isZero();
  }
}
