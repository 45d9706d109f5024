package io.github.botconfig.bot.e2e;

import static io.github.botconfig.bot.e2e.BotHarness.CHATTER;
import static io.github.botconfig.bot.e2e.BotHarness.GUILD;
import static io.github.botconfig.bot.e2e.BotHarness.MEMBER;
import static io.github.botconfig.bot.e2e.BotHarness.OTHER_GUILD;
import static io.github.botconfig.bot.e2e.BotHarness.QUIET;
import static io.github.botconfig.bot.e2e.BotHarness.REPORTS;
import static io.github.botconfig.bot.e2e.BotHarness.TRADERS_ROLE;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.botconfig.bot.BotOptions;
import io.github.botconfig.bot.internal.report.ResultCard;
import io.github.botconfig.bot.testing.FakeGuild;
import io.github.botconfig.bot.testing.RestCall;
import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.Reporters;
import io.github.botconfig.domain.Tag;
import io.github.botconfig.domain.Threshold;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.EnumSet;
import java.util.List;
import javax.imageio.ImageIO;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.junit.jupiter.api.Test;

class MessagePathEndToEndTest extends EndToEndTest {
  private void startWith(ChannelConfig... tracked) throws Exception {
    startWith(FakeGuild.DEFAULT_BOT_PERMISSIONS, tracked);
  }

  private void startWith(EnumSet<Permission> botPermissions, ChannelConfig... tracked)
      throws Exception {
    bot = BotHarness.withTwoGuilds(BotOptions.defaults());
    bot.discord.guild(GUILD).botPermissions(botPermissions);
    for (ChannelConfig channel : tracked) {
      bot.store.saveChannel(channel);
    }
    bot.connect();
  }

  private static ChannelConfig reports() {
    return ChannelConfig.of(GuildId.of(GUILD), ChannelId.of(REPORTS));
  }

  /**
   * The ids (or kinds) a message's {@code allowed_mentions} lets through under {@code key}; absent
   * is none.
   */
  private static List<Object> allowed(DataObject allowedMentions, String key) {
    return allowedMentions.optArray(key).map(DataArray::toList).orElse(List.of());
  }

  private static String messagesOf(long channel) {
    return "channels/" + channel + "/messages";
  }

  @Test
  void aReportAboveTheThresholdGetsOneReplyWithTheMentionAPinAndTheCard() throws Exception {
    startWith(
        reports()
            .withThreshold(Threshold.percent(10))
            .withTag(Tag.role(TRADERS_ROLE))
            .withPin(true)
            .withImage(true));

    long report = bot.discord.postWebhookMessage(REPORTS, "Position closed by take profit: +12.5%");

    RestCall reply = bot.discord.awaitRestCall("POST", messagesOf(REPORTS));
    DataObject body = reply.body();
    assertThat(body.getString("content"))
        .isEqualTo("📈 Profit **+12.5 %** · take profit <@&" + TRADERS_ROLE + ">");
    assertThat(body.getObject("message_reference").getString("message_id"))
        .isEqualTo(Long.toString(report));
    DataObject mentions = body.getObject("allowed_mentions");
    assertThat(allowed(mentions, "parse")).isEmpty();
    assertThat(allowed(mentions, "roles")).containsExactly(Long.toString(TRADERS_ROLE));
    assertThat(allowed(mentions, "users")).isEmpty();
    assertThat(reply.files()).hasSize(1);
    BufferedImage card = ImageIO.read(new ByteArrayInputStream(reply.files().get(0).bytes()));
    assertThat(card.getWidth()).isEqualTo(ResultCard.WIDTH);
    assertThat(card.getRGB(2, 2) & 0xFFFFFF).isEqualTo(ResultCard.PROFIT.getRGB() & 0xFFFFFF);

    RestCall pin = bot.discord.awaitRestCall("PUT", "channels/" + REPORTS + "/messages/pins/\\d+");
    long replyId = Long.parseLong(pin.path().substring(pin.path().lastIndexOf('/') + 1));
    assertThat(bot.discord.pinnedIds(REPORTS)).containsExactly(replyId);
    assertThat(bot.discord.restCalls())
        .filteredOn(c -> c.is("POST", messagesOf(REPORTS)))
        .hasSize(1);
  }

  @Test
  void aReportBelowTheThresholdIsAnsweredWithoutMentionOrPin() throws Exception {
    startWith(
        reports()
            .withThreshold(Threshold.percent(10))
            .withTag(Tag.role(TRADERS_ROLE))
            .withPin(true));

    bot.discord.postWebhookMessage(REPORTS, "Position closed -3 %");
    bot.discord.postWebhookMessage(REPORTS, "Position closed +15 %");

    // Same channel, same rate-limit bucket: JDA sends the two replies in order; the second one's
    // pin comes last.
    bot.discord.awaitRestCall("PUT", "channels/" + REPORTS + "/messages/pins/\\d+");
    List<RestCall> replies =
        bot.discord.restCalls().stream().filter(c -> c.is("POST", messagesOf(REPORTS))).toList();
    assertThat(replies).hasSize(2);
    DataObject below = replies.get(0).body();
    assertThat(below.getString("content")).isEqualTo("📉 Loss **-3 %** (below the 10 % threshold)");
    assertThat(allowed(below.getObject("allowed_mentions"), "roles")).isEmpty();
    assertThat(replies.get(0).files()).isEmpty();
    assertThat(bot.discord.restCalls())
        .filteredOn(c -> c.method().equals("PUT") && c.path().contains("/pins/"))
        .hasSize(1);
  }

  @Test
  void aMessageInAnUntrackedChannelCostsNoRestCallAndNoStoreCall() throws Exception {
    startWith(reports());
    int restBefore = bot.discord.restCalls().size();

    long untracked = bot.discord.postWebhookMessage(CHATTER, "Position closed +50%");
    bot.probe.awaitMessage(untracked);

    assertThat(bot.store.totalCalls()).isZero(); // the cache's miss is the answer
    // A later report in a tracked channel is answered: had the untracked one been queued, it would
    // be there too.
    bot.discord.postWebhookMessage(REPORTS, "+1%");
    bot.discord.awaitRestCall("POST", messagesOf(REPORTS));
    assertThat(bot.discord.restCalls().subList(restBefore, bot.discord.restCalls().size()))
        .extracting(RestCall::path)
        .containsExactly(messagesOf(REPORTS));
    assertThat(bot.store.totalCalls()).isZero(); // the tracked one, too, was answered from memory
  }

  @Test
  void chatterOwnMessagesNotifyOffChannelsAndMembersReportsGetNoAnswer() throws Exception {
    startWith(
        reports(),
        ChannelConfig.of(GuildId.of(GUILD), ChannelId.of(QUIET)).withNotifyOnClose(false));
    int restBefore = bot.discord.restCalls().size();

    bot.probe.awaitMessage(bot.discord.postWebhookMessage(REPORTS, "gm everyone"));
    bot.probe.awaitMessage(bot.discord.postOwnMessage(REPORTS, "📈 Profit **+12 %**"));
    bot.probe.awaitMessage(bot.discord.postWebhookMessage(QUIET, "Take profit +40%"));
    // By default a channel takes reports from webhooks only: a member cannot make it ping.
    bot.probe.awaitMessage(bot.discord.postMessage(REPORTS, MEMBER, "I made +5% today"));
    bot.discord.postWebhookMessage(REPORTS, "Take profit +7%");

    RestCall reply = bot.discord.awaitRestCall("POST", messagesOf(REPORTS));
    assertThat(reply.body().getString("content")).startsWith("📈 Profit **+7 %**");
    assertThat(bot.discord.restCalls().subList(restBefore, bot.discord.restCalls().size()))
        .extracting(RestCall::path)
        .containsExactly(messagesOf(REPORTS));
  }

  @Test
  void aMembersReportIsAnsweredWhereTheChannelTakesReportsFromEveryone() throws Exception {
    startWith(reports().withReporters(Reporters.EVERYONE));

    long report = bot.discord.postMessage(REPORTS, MEMBER, "I made +5% today");

    RestCall reply = bot.discord.awaitRestCall("POST", messagesOf(REPORTS));
    assertThat(reply.body().getString("content")).isEqualTo("📈 Profit **+5 %**");
    assertThat(reply.body().getObject("message_reference").getString("message_id"))
        .isEqualTo(Long.toString(report));
  }

  @Test
  void aChannelStoredUnderAnotherGuildIsIgnoredAndLoggedOnce() throws Exception {
    // As a hostile import or old data can leave it: REPORTS is a channel of GUILD.
    startWith(
        ChannelConfig.of(GuildId.of(OTHER_GUILD), ChannelId.of(REPORTS))
            .withTag(Tag.role(TRADERS_ROLE))
            .withPin(true),
        ChannelConfig.of(GuildId.of(GUILD), ChannelId.of(QUIET)));
    int restBefore = bot.discord.restCalls().size();

    bot.probe.awaitMessage(bot.discord.postWebhookMessage(REPORTS, "Take profit +20%"));
    bot.probe.awaitMessage(bot.discord.postWebhookMessage(REPORTS, "Take profit +30%"));
    bot.discord.postWebhookMessage(QUIET, "Take profit +40%");

    bot.discord.awaitRestCall("POST", messagesOf(QUIET));
    assertThat(bot.discord.restCalls().subList(restBefore, bot.discord.restCalls().size()))
        .extracting(RestCall::path)
        .containsExactly(messagesOf(QUIET));
    assertThat(errors.warnings())
        .filteredOn(line -> line.contains("is stored under guild " + OTHER_GUILD))
        .hasSize(1);
  }

  @Test
  void aFullChannelLosesItsOldestPinToTheNewAlert() throws Exception {
    startWith(reports().withPin(true));
    bot.discord.preparePins(REPORTS, 50, 50);
    long oldest = bot.discord.pinnedIds(REPORTS).get(0);

    bot.discord.postWebhookMessage(REPORTS, "Take profit +20%");

    awaitUnpinnedThenPinned(oldest);
    assertThat(bot.discord.pinnedIds(REPORTS)).hasSize(50).doesNotContain(oldest);
  }

  /** Waits for the unpin of {@code unpinned}, then for the alert's pin in the room it made. */
  private void awaitUnpinnedThenPinned(long unpinned) {
    bot.discord.awaitRestCall("DELETE", "channels/" + REPORTS + "/messages/pins/" + unpinned);
    bot.discord.awaitRestCall(
        c ->
            c.method().equals("PUT")
                && c.path().contains("/pins/")
                && bot.discord.pinnedIds(REPORTS).size() == 50,
        "the alert pinned after pin " + unpinned + " was removed");
  }

  @Test
  void onlyTheBotsOwnPinsRotateOthersPinnedBeforeStay() throws Exception {
    startWith(reports().withPin(true));
    bot.discord.preparePinsOf(REPORTS, BotHarness.ADMIN, 10, 50); // a moderator's, pinned first
    bot.discord.preparePins(REPORTS, 40, 50); // the bot's own earlier alerts
    List<Long> moderators = bot.discord.pinnedIds(REPORTS).subList(0, 10);
    long oldestOwn = bot.discord.pinnedIds(REPORTS).get(10);

    bot.discord.postWebhookMessage(REPORTS, "Take profit +20%");

    awaitUnpinnedThenPinned(oldestOwn);
    assertThat(bot.discord.pinnedIds(REPORTS)).containsAll(moderators).doesNotContain(oldestOwn);
  }

  @Test
  void aChannelFullOfOthersPinsKeepsThemAllAndIsToldWhy() throws Exception {
    startWith(reports().withPin(true));
    bot.discord.preparePinsOf(REPORTS, BotHarness.ADMIN, 50, 50);
    List<Long> before = bot.discord.pinnedIds(REPORTS);

    bot.discord.postWebhookMessage(REPORTS, "Take profit +20%");

    bot.discord.awaitCount(c -> c.is("POST", messagesOf(REPORTS)), 2);
    List<RestCall> messages =
        bot.discord.restCalls().stream().filter(c -> c.is("POST", messagesOf(REPORTS))).toList();
    assertThat(messages.get(1).body().getString("content"))
        .startsWith("⚠️ This channel has as many pins as Discord allows, and none of them is mine");
    assertThat(bot.discord.restCalls()).noneMatch(c -> c.method().equals("DELETE"));
    assertThat(bot.discord.pinnedIds(REPORTS)).isEqualTo(before);
  }

  @Test
  void aMissingPermissionIsNamedInTheChannelInsteadOfFailing() throws Exception {
    EnumSet<Permission> noPinNoFiles = EnumSet.copyOf(FakeGuild.DEFAULT_BOT_PERMISSIONS);
    noPinNoFiles.remove(Permission.PIN_MESSAGES);
    noPinNoFiles.remove(Permission.MESSAGE_ATTACH_FILES);
    startWith(noPinNoFiles, reports().withPin(true).withImage(true));

    bot.discord.postWebhookMessage(REPORTS, "Stop loss hit -4%");

    RestCall reply = bot.discord.awaitRestCall("POST", messagesOf(REPORTS));
    assertThat(reply.body().getString("content"))
        .isEqualTo(
            "📉 Loss **-4 %** · stop loss"
                + "\n⚠️ I need the **Attach Files** permission in this channel: the result card is not attached."
                + "\n⚠️ I need the **Pin Messages** permission in this channel: this alert is not pinned.");
    assertThat(reply.files()).isEmpty();
    assertThat(bot.discord.restCalls()).noneMatch(c -> c.path().contains("/pins"));
  }

  @Test
  void aPinRefusedByDiscordIsExplainedInTheChannel() throws Exception {
    startWith(reports().withPin(true));
    bot.discord.refusePins(REPORTS);

    bot.discord.postWebhookMessage(REPORTS, "Take profit +20%");

    bot.discord.awaitRestCall("PUT", "channels/" + REPORTS + "/messages/pins/\\d+");
    bot.discord.awaitCount(c -> c.is("POST", messagesOf(REPORTS)), 2);
    List<RestCall> messages =
        bot.discord.restCalls().stream().filter(c -> c.is("POST", messagesOf(REPORTS))).toList();
    assertThat(messages.get(1).body().getString("content"))
        .isEqualTo(
            "⚠️ I need the **Pin Messages** permission in this channel: this alert could not be pinned.");
  }
}
