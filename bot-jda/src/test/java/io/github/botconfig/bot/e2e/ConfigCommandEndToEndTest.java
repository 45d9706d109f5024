package io.github.botconfig.bot.e2e;

import static io.github.botconfig.bot.e2e.BotHarness.ADMIN;
import static io.github.botconfig.bot.e2e.BotHarness.CHATTER;
import static io.github.botconfig.bot.e2e.BotHarness.GUILD;
import static io.github.botconfig.bot.e2e.BotHarness.MEMBER;
import static io.github.botconfig.bot.e2e.BotHarness.MOD;
import static io.github.botconfig.bot.e2e.BotHarness.OTHER_REPORTS;
import static io.github.botconfig.bot.e2e.BotHarness.REPORTS;
import static io.github.botconfig.bot.e2e.BotHarness.STAFF_ROLE;
import static io.github.botconfig.bot.e2e.BotHarness.TRADERS_ROLE;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.botconfig.bot.BotOptions;
import io.github.botconfig.bot.testing.InteractionReply;
import io.github.botconfig.bot.testing.RestCall;
import io.github.botconfig.bot.testing.SlashCommand;
import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.GuildSettings;
import io.github.botconfig.domain.Reporters;
import io.github.botconfig.domain.Tag;
import io.github.botconfig.domain.Threshold;
import io.github.botconfig.domain.testing.InstrumentedConfigStore.Operation;
import java.time.ZoneId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConfigCommandEndToEndTest extends EndToEndTest {
  @BeforeEach
  void start() throws Exception {
    bot = BotHarness.withTwoGuilds(BotOptions.defaults()).connect();
  }

  private SlashCommand config(long user, String group, String subcommand) {
    return bot.discord.slashCommand("config", GUILD, CHATTER, user).subcommand(group, subcommand);
  }

  @Test
  void anAdminTracksAChannelAndTheNextReportFollowsTheNewConfiguration() {
    String token =
        config(ADMIN, "channel", "set")
            .channel("channel", REPORTS)
            .option("threshold", "TP")
            .role("tag-role", TRADERS_ROLE)
            .option("pin", true)
            .option("image", true)
            .send();

    InteractionReply reply = bot.discord.awaitInteractionReply(token);
    assertThat(reply.ephemeral()).isTrue();
    assertThat(reply.content())
        .startsWith("✅ <#" + REPORTS + "> is now tracked.")
        .contains("threshold: TP");
    ChannelConfig stored = bot.store.delegate().findChannel(ChannelId.of(REPORTS)).orElseThrow();
    assertThat(stored.threshold()).isEqualTo(Threshold.TAKE_PROFIT);
    assertThat(stored.tag()).contains(Tag.role(TRADERS_ROLE));

    bot.discord.postWebhookMessage(REPORTS, "Take profit reached: +3%");

    RestCall alert = bot.discord.awaitRestCall("POST", "channels/" + REPORTS + "/messages");
    assertThat(alert.body().getString("content")).endsWith("<@&" + TRADERS_ROLE + ">");
    assertThat(alert.files()).hasSize(1);
    bot.discord.awaitRestCall("PUT", "channels/" + REPORTS + "/messages/pins/\\d+");
  }

  @Test
  void updatingKeepsWhatWasNotGivenAndClearingWorks() {
    bot.repository()
        .saveChannel(
            ChannelConfig.of(GuildId.of(GUILD), ChannelId.of(REPORTS))
                .withImage(true)
                .withTag(Tag.user(ADMIN))
                .withThreshold(Threshold.percent(5)));

    String token =
        config(ADMIN, "channel", "set")
            .channel("channel", REPORTS)
            .option("clear-tag", true)
            .option("threshold", "none")
            .send();

    assertThat(bot.discord.awaitInteractionReply(token).content())
        .startsWith("✅ <#" + REPORTS + "> updated.");
    ChannelConfig stored = bot.store.delegate().findChannel(ChannelId.of(REPORTS)).orElseThrow();
    assertThat(stored.image()).isTrue();
    assertThat(stored.tag()).isEmpty();
    assertThat(stored.threshold()).isEqualTo(Threshold.NONE);
  }

  @Test
  void aTagIsNeverEveryoneNorARoleTheAdminCouldNotMentionThemselves() {
    String everyone =
        config(ADMIN, "channel", "set").channel("channel", REPORTS).role("tag-role", GUILD).send();
    String summaryEveryone =
        config(ADMIN, "settings", "set").role("summary-tag-role", GUILD).send();
    String unmentionable =
        config(ADMIN, "channel", "set")
            .channel("channel", REPORTS)
            .role("tag-role", STAFF_ROLE)
            .send();

    assertThat(bot.discord.awaitInteractionReply(everyone).content())
        .isEqualTo(
            "❌ a tag cannot be @everyone: it would ping every member of this server; pick a role");
    assertThat(bot.discord.awaitInteractionReply(summaryEveryone).content())
        .startsWith("❌ a tag cannot be @everyone");
    assertThat(bot.discord.awaitInteractionReply(unmentionable).content())
        .isEqualTo(
            "❌ role `@staff` is not mentionable, and you lack the **Mention Everyone** permission:"
                + " make the role mentionable, or ask someone who has it");
    assertThat(bot.store.calls(Operation.SAVE_CHANNEL)).isZero();
    assertThat(bot.store.calls(Operation.SAVE_SETTINGS)).isZero();

    // Someone who may mention every role may choose one that is not mentionable.
    String byMod =
        config(MOD, "channel", "set")
            .channel("channel", REPORTS)
            .role("tag-role", STAFF_ROLE)
            .send();
    assertThat(bot.discord.awaitInteractionReply(byMod).content()).startsWith("✅");
    assertThat(bot.store.delegate().findChannel(ChannelId.of(REPORTS)).orElseThrow().tag())
        .contains(Tag.role(STAFF_ROLE));
  }

  @Test
  void whoMayPostReportsIsChosenPerChannel() {
    String token =
        config(ADMIN, "channel", "set")
            .channel("channel", REPORTS)
            .option("reporters", "everyone")
            .send();

    assertThat(bot.discord.awaitInteractionReply(token).content())
        .contains("reports from: everyone (webhooks and members)");
    assertThat(bot.store.delegate().findChannel(ChannelId.of(REPORTS)).orElseThrow().reporters())
        .isEqualTo(Reporters.EVERYONE);

    bot.discord.postMessage(REPORTS, MEMBER, "Take profit +9%");
    RestCall alert = bot.discord.awaitRestCall("POST", "channels/" + REPORTS + "/messages");
    assertThat(alert.body().getString("content")).startsWith("📈 Profit **+9 %**");
  }

  @Test
  void aMemberWithoutManageServerIsRefusedAndNothingChanges() {
    String token =
        config(MEMBER, "channel", "set").channel("channel", REPORTS).option("pin", true).send();

    InteractionReply reply = bot.discord.awaitInteractionReply(token);
    assertThat(reply.content())
        .isEqualTo("❌ You need the **Manage Server** permission to configure this bot.");
    assertThat(reply.ephemeral()).isTrue();
    assertThat(bot.store.calls(Operation.SAVE_CHANNEL) + bot.store.calls(Operation.REPLACE_CHANNEL))
        .isZero();
    assertThat(bot.store.delegate().findChannel(ChannelId.of(REPORTS))).isEmpty();
  }

  @Test
  void aChannelOfAnotherGuildIsRefusedAndNothingChanges() {
    String token = config(ADMIN, "channel", "set").channel("channel", OTHER_REPORTS).send();

    assertThat(bot.discord.awaitInteractionReply(token).content())
        .isEqualTo("❌ channel " + OTHER_REPORTS + " is not a channel of this server");
    assertThat(bot.store.calls(Operation.SAVE_CHANNEL) + bot.store.calls(Operation.REPLACE_CHANNEL))
        .isZero();
    assertThat(bot.store.delegate().findChannel(ChannelId.of(OTHER_REPORTS))).isEmpty();
  }

  @Test
  void anInvalidThresholdIsAnsweredAtOnceNamingTheValue() {
    String token =
        config(ADMIN, "channel", "set")
            .channel("channel", REPORTS)
            .option("threshold", "12%")
            .send();

    InteractionReply reply = bot.discord.awaitInteractionReply(token);
    assertThat(reply.content()).startsWith("❌ threshold must be").contains("'12%'");
    assertThat(reply.requests()).isEqualTo(1);
    assertThat(bot.store.calls(Operation.SAVE_CHANNEL) + bot.store.calls(Operation.REPLACE_CHANNEL))
        .isZero();
  }

  @Test
  void aStoreOutageGetsAReadableReply() {
    bot.store.goDown();

    String token = config(ADMIN, "channel", "set").channel("channel", REPORTS).send();

    assertThat(bot.discord.awaitInteractionReply(token).content())
        .startsWith("❌ The configuration store cannot be reached right now.");
    bot.store.heal();
    assertThat(bot.store.delegate().findChannel(ChannelId.of(REPORTS))).isEmpty();
  }

  @Test
  void showListAndRemoveAnswerEphemerally() {
    bot.repository()
        .saveChannel(ChannelConfig.of(GuildId.of(GUILD), ChannelId.of(REPORTS)).withPin(true));

    InteractionReply list =
        bot.discord.awaitInteractionReply(config(ADMIN, "channel", "list").send());
    assertThat(list.content())
        .startsWith("**Tracked channels (1)**\n• <#" + REPORTS + "> — image off, pin on");
    assertThat(list.ephemeral()).isTrue();
    InteractionReply show =
        bot.discord.awaitInteractionReply(
            config(ADMIN, "channel", "show").channel("channel", REPORTS).send());
    assertThat(show.content()).contains("pin when the threshold is met: on");
    InteractionReply remove =
        bot.discord.awaitInteractionReply(
            config(ADMIN, "channel", "remove").channel("channel", REPORTS).send());
    assertThat(remove.content()).isEqualTo("✅ <#" + REPORTS + "> is no longer tracked.");
    assertThat(bot.store.delegate().findChannel(ChannelId.of(REPORTS))).isEmpty();
  }

  @Test
  void guildSetChangesTheSettingsAndTheTimezoneIsAutocompleted() {
    String typed = config(ADMIN, "settings", "set").autocomplete("timezone", "paris");
    assertThat(bot.discord.awaitInteractionReply(typed).content()).contains("Europe/Paris");

    String token =
        config(ADMIN, "settings", "set")
            .option("timezone", "Europe/Paris")
            .option("weekly", true)
            .channel("global-channel", REPORTS)
            .send();

    assertThat(bot.discord.awaitInteractionReply(token).content())
        .startsWith("✅ Server settings updated.")
        .contains("global channel: <#" + REPORTS + ">");
    GuildSettings stored = bot.store.delegate().findSettings(GuildId.of(GUILD)).orElseThrow();
    assertThat(stored.timezone()).isEqualTo(ZoneId.of("Europe/Paris"));
    assertThat(stored.summaryPreferences().weeklySummary()).isTrue();
    assertThat(stored.globalChannelId()).contains(ChannelId.of(REPORTS));
  }

  @Test
  void aMemberGetsNoTimezoneSuggestions() {
    String typed = config(MEMBER, "settings", "set").autocomplete("timezone", "paris");

    assertThat(bot.discord.awaitInteractionReply(typed).content()).doesNotContain("Europe/Paris");
  }
}
