package io.github.botconfig.bot.e2e;

import static io.github.botconfig.bot.e2e.BotHarness.ADMIN;
import static io.github.botconfig.bot.e2e.BotHarness.CHATTER;
import static io.github.botconfig.bot.e2e.BotHarness.GUILD;
import static io.github.botconfig.bot.e2e.BotHarness.QUIET;
import static io.github.botconfig.bot.e2e.BotHarness.REPORTS;
import static io.github.botconfig.bot.e2e.BotHarness.TRADERS_ROLE;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.botconfig.bot.BotOptions;
import io.github.botconfig.bot.testing.FakeGuild;
import io.github.botconfig.bot.testing.RestCall;
import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.GuildSettings;
import io.github.botconfig.domain.SummaryPreferences;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.IntStream;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.utils.TimeUtil;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.junit.jupiter.api.Test;

/**
 * Summaries end to end: the real JDA against the fake Discord, the clock and scheduler injected.
 * Reports are in the tracked channels' history (posted while the bot was offline, or live); the
 * summaries read them back at local midnight and post to the global channel (QUIET).
 */
class SummaryEndToEndTest extends EndToEndTest {
  private static final GuildId TRADING = GuildId.of(GUILD);
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private static final SummaryPreferences DAILY =
      SummaryPreferences.builder().dailySummary(true).build();

  /**
   * The bot at {@code now}, REPORTS and CHATTER tracked, QUIET the global channel, no live board.
   */
  private void start(String now, SummaryPreferences preferences, long globalChannel)
      throws Exception {
    bot = BotHarness.withTwoGuilds(BotOptions.defaults());
    bot.clock.set(Instant.parse(now));
    bot.store.delegate().saveChannel(ChannelConfig.of(TRADING, ChannelId.of(REPORTS)));
    bot.store.delegate().saveChannel(ChannelConfig.of(TRADING, ChannelId.of(CHATTER)));
    bot.store
        .delegate()
        .saveSettings(
            GuildSettings.defaults(TRADING)
                .withTimezone(PARIS)
                .withPositionDisplayEnabled(false)
                .withSummaryPreferences(preferences)
                .withGlobalChannelId(ChannelId.of(globalChannel)));
  }

  private void report(long channel, String at, String text) {
    bot.discord.pastWebhookMessage(channel, Instant.parse(at), text);
  }

  private List<RestCall> posted(long channel) {
    return bot.discord.restCalls().stream()
        .filter(c -> c.is("POST", "channels/" + channel + "/messages"))
        .toList();
  }

  private static DataObject embed(RestCall call) {
    return call.body().getArray("embeds").getObject(0);
  }

  private static String footer(RestCall call) {
    return embed(call).getObject("footer").getString("text");
  }

  /** Each field as {@code name: value}. */
  private static List<String> fields(RestCall call) {
    DataArray fields = embed(call).getArray("fields");
    return IntStream.range(0, fields.length())
        .mapToObj(fields::getObject)
        .map(f -> f.getString("name") + ": " + f.getString("value"))
        .toList();
  }

  private void runUntil(String instant) {
    bot.scheduler.advance(Duration.between(bot.clock.instant(), Instant.parse(instant)));
  }

  @Test
  void enabledByAnAdminTheDailyWeeklyAndMonthlySummariesComeAtTheNextLocalMidnight()
      throws Exception {
    start("2026-05-31T12:00:00Z", SummaryPreferences.none(), QUIET);
    report(REPORTS, "2026-05-31T08:00:00Z", "Take profit hit: +12.5%");
    report(REPORTS, "2026-05-26T10:00:00Z", "Stop loss: -3%");
    report(CHATTER, "2026-05-04T10:00:00Z", "Position closed +4%");
    report(REPORTS, "2026-04-30T21:30:00Z", "Position closed +50%"); // 23:30 on 30 April in Paris
    report(REPORTS, "2026-05-31T09:00:00Z", "gm everyone");
    bot.connect();
    bot.scheduler.runDue();

    String token =
        bot.discord
            .slashCommand("config", GUILD, CHATTER, ADMIN)
            .subcommand("settings", "set")
            .option("daily", true)
            .option("weekly", true)
            .option("monthly", true)
            .role("summary-tag-role", TRADERS_ROLE)
            .option("summary-pin", true)
            .send();
    assertThat(bot.discord.awaitInteractionReply(token).content())
        .startsWith("✅ Server settings updated.");
    bot.scheduler.runDue();
    bot.store.resetCounts();
    runUntil("2026-05-31T21:59:59Z");
    assertThat(posted(QUIET)).as("nothing before midnight in Paris").isEmpty();

    runUntil("2026-05-31T22:00:00Z"); // Monday 1 June, 00:00 in Paris

    List<RestCall> summaries = posted(QUIET);
    assertThat(summaries).hasSize(3);
    assertThat(summaries)
        .extracting(call -> embed(call).getString("title"))
        .containsExactly(
            "Daily summary · Sunday 31 May 2026",
            "Weekly summary · 25 – 31 May 2026",
            "Monthly summary · May 2026");
    assertThat(summaries)
        .extracting(SummaryEndToEndTest::footer)
        .containsExactly(
            "daily 2026-05-31 · Europe/Paris",
            "weekly 2026-05-25 · Europe/Paris",
            "monthly 2026-05-01 · Europe/Paris");
    assertThat(fields(summaries.get(0)))
        .containsExactly(
            "#reports: **1** result · 1 win · 0 losses\nbest **+12.5 %** · worst **+12.5 %** · average **+12.5 %**",
            "#chatter: no result");
    assertThat(fields(summaries.get(1)))
        .containsExactly(
            "#reports: **2** results · 1 win · 1 loss\nbest **+12.5 %** · worst **-3 %** · average **+4.75 %**",
            "#chatter: no result");
    assertThat(fields(summaries.get(2)))
        .containsExactly(
            "#reports: **2** results · 1 win · 1 loss\nbest **+12.5 %** · worst **-3 %** · average **+4.75 %**",
            "#chatter: **1** result · 1 win · 0 losses\nbest **+4 %** · worst **+4 %** · average **+4 %**");
    for (RestCall summary : summaries) {
      assertThat(summary.body().getString("content")).isEqualTo("<@&" + TRADERS_ROLE + ">");
      assertThat(summary.body().getObject("allowed_mentions").getArray("roles").toList())
          .containsExactly(Long.toString(TRADERS_ROLE));
    }
    bot.discord.awaitCount(c -> c.is("PUT", "channels/" + QUIET + "/messages/pins/\\d+"), 3);
    assertThat(bot.store.totalCalls()).as("summaries read the cache and write nothing").isZero();
  }

  @Test
  void aTwentyThreeHourDayGetsOneSummaryWithTheResultsOfThatDayOnly() throws Exception {
    start("2026-03-29T12:00:00Z", DAILY, QUIET);
    report(REPORTS, "2026-03-28T22:30:00Z", "+1%"); // 23:30 on the 28th in Paris (UTC+1)
    report(REPORTS, "2026-03-29T21:30:00Z", "+2%"); // 23:30 on the 29th (UTC+2 since 03:00)
    report(REPORTS, "2026-03-29T22:30:00Z", "+3%"); // 00:30 on the 30th
    bot.connect();
    bot.scheduler.runDue(); // catches up the 28th

    runUntil("2026-03-29T22:00:00Z"); // 23 hours after the 29th began
    runUntil("2026-03-30T22:00:00Z");
    runUntil("2026-03-30T23:00:00Z");

    List<RestCall> summaries = posted(QUIET);
    assertThat(summaries)
        .extracting(SummaryEndToEndTest::footer)
        .containsExactly(
            "daily 2026-03-28 · Europe/Paris",
            "daily 2026-03-29 · Europe/Paris",
            "daily 2026-03-30 · Europe/Paris");
    assertThat(summaries)
        .extracting(call -> fields(call).get(0))
        .containsExactly(
            "#reports: **1** result · 1 win · 0 losses\nbest **+1 %** · worst **+1 %** · average **+1 %**",
            "#reports: **1** result · 1 win · 0 losses\nbest **+2 %** · worst **+2 %** · average **+2 %**",
            "#reports: **1** result · 1 win · 0 losses\nbest **+3 %** · worst **+3 %** · average **+3 %**");
  }

  @Test
  void disabledPreferencesPostNothingAndReadNothing() throws Exception {
    start("2026-05-31T12:00:00Z", SummaryPreferences.none(), QUIET);
    report(REPORTS, "2026-05-31T08:00:00Z", "+12.5%");
    bot.connect();
    bot.scheduler.runDue();

    for (int day = 0; day < 40; day++) {
      bot.scheduler.advance(Duration.ofDays(1));
    }

    assertThat(bot.discord.restCalls()).noneMatch(c -> c.path().startsWith("channels/"));
  }

  @Test
  void aMissingGlobalChannelIsWarnedOnceAndShownToAdminsNotPostedToNorRetriedInALoop()
      throws Exception {
    long gone = 1_100_000_000_000_000_099L; // deleted while the bot was offline
    start("2026-05-31T12:00:00Z", DAILY, gone);
    bot.store
        .delegate()
        .saveSettings(
            bot.store
                .delegate()
                .findSettings(TRADING)
                .orElseThrow()
                .withPositionDisplayEnabled(true));
    bot.connect();
    bot.scheduler.runDue();

    for (int day = 0; day < 3; day++) {
      bot.scheduler.advance(Duration.ofDays(1));
    }
    String token =
        bot.discord
            .slashCommand("config", GUILD, CHATTER, ADMIN)
            .subcommand("settings", "show")
            .send();
    String shown = bot.discord.awaitInteractionReply(token).content();

    String problem =
        "the global channel <#"
            + gone
            + "> no longer exists: choose another with `/config settings set global-channel`";
    assertThat(errors.warnings())
        .filteredOn(w -> w.contains("summaries cannot be posted"))
        .containsExactly(
            "io.github.botconfig.bot.guild.GuildWarnings: guild "
                + GUILD
                + ": summaries cannot be posted: "
                + problem);
    assertThat(errors.warnings())
        .filteredOn(w -> w.contains("the live board cannot be posted"))
        .hasSize(1);
    assertThat(shown)
        .contains("⚠️ Summaries are not posted: " + problem + ".")
        .contains("⚠️ The live board is not posted: " + problem + ".");
    assertThat(bot.discord.restCalls()).noneMatch(c -> c.path().startsWith("channels/"));
  }

  @Test
  void anAdminWhoTurnsSummariesOnIsToldWhatTheBotLacksInTheGlobalChannel() throws Exception {
    start("2026-05-31T12:00:00Z", SummaryPreferences.none(), QUIET);
    EnumSet<Permission> withoutEmbeds = EnumSet.copyOf(FakeGuild.DEFAULT_BOT_PERMISSIONS);
    withoutEmbeds.remove(Permission.MESSAGE_EMBED_LINKS);
    bot.discord.guild(GUILD).botPermissions(withoutEmbeds);
    bot.connect();

    String token =
        bot.discord
            .slashCommand("config", GUILD, CHATTER, ADMIN)
            .subcommand("settings", "set")
            .option("daily", true)
            .channel("global-channel", QUIET)
            .send();

    assertThat(bot.discord.awaitInteractionReply(token).content())
        .startsWith("✅ Server settings updated.")
        .endsWith(
            "\n⚠️ Summaries are not posted: I need the **Embed Links** permission in <#"
                + QUIET
                + ">.");
  }

  @Test
  void aSummaryMissedWhileTheBotWasDownIsPostedOnceAtStartAndNotAgainAfterARestart()
      throws Exception {
    start("2026-05-31T12:00:00Z", DAILY, QUIET);
    report(REPORTS, "2026-05-30T10:00:00Z", "Take profit +5%");

    bot.connect();
    bot.scheduler.runDue();
    assertThat(posted(QUIET))
        .extracting(SummaryEndToEndTest::footer)
        .containsExactly("daily 2026-05-30 · Europe/Paris");

    String afterMidnight = // the end of the 30th in Paris, as a message id, less one
        Long.toString(
            TimeUtil.getDiscordTimestamp(Instant.parse("2026-05-30T22:00:00Z").toEpochMilli()) - 1);
    bot.clock.advance(Duration.ofHours(2));
    bot.restart();
    bot.scheduler.runDue();

    assertThat(posted(QUIET)).hasSize(1);
    assertThat(bot.discord.restCalls())
        .as("each start looked for the summary after the end of its day")
        .filteredOn(c -> c.is("GET", "channels/" + QUIET + "/messages"))
        .extracting(c -> c.query("after").orElseThrow())
        .containsExactly(afterMidnight, afterMidnight);
  }

  private List<RestCall> historyReads(long channel, int from) {
    List<RestCall> calls = bot.discord.restCalls();
    return calls.subList(from, calls.size()).stream()
        .filter(c -> c.is("GET", "channels/" + channel + "/messages"))
        .toList();
  }

  @Test
  void historyIsReadOnePageAfterAnotherAndOnlyTheChannelsReportersCount() throws Exception {
    start("2026-05-31T12:00:00Z", DAILY, QUIET);
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 250; i++) {
      ids.add(
          bot.discord.pastWebhookMessage(
              REPORTS, Instant.parse("2026-05-31T01:00:00Z").plusSeconds(i), "Take profit +1%"));
    }
    // A member's "report" in a channel that takes reports from webhooks only: not counted.
    bot.discord.pastMessage(
        REPORTS, BotHarness.MEMBER, Instant.parse("2026-05-31T10:00:00Z"), "Take profit +90%");
    bot.connect();
    bot.scheduler.runDue(); // the catch-up of the day before
    int before = bot.discord.restCalls().size();

    runUntil("2026-05-31T22:00:00Z");

    assertThat(fields(posted(QUIET).get(posted(QUIET).size() - 1)).get(0))
        .startsWith("#reports: **250** results · 250 wins · 0 losses");
    // Each page is asked for after the newest message of the one before: none is kept to page on;
    // the third (51 messages) is the last.
    assertThat(historyReads(REPORTS, before))
        .extracting(c -> c.query("after").orElseThrow())
        .hasSize(3)
        .endsWith(Long.toString(ids.get(99)), Long.toString(ids.get(199)));
  }

  @Test
  void aSummaryReadsAtMostTwentyFiveChannelsAndSaysTheRestWereNotRead() throws Exception {
    start("2026-05-31T12:00:00Z", DAILY, QUIET);
    long last = 0;
    for (int i = 0; i < 24; i++) {
      last = 1_100_000_000_000_001_000L + i;
      bot.discord.guild(GUILD).textChannel(last, "extra-" + i);
      bot.store.delegate().saveChannel(ChannelConfig.of(TRADING, ChannelId.of(last)));
    }
    bot.connect();
    bot.scheduler.runDue();
    int before = bot.discord.restCalls().size();

    runUntil("2026-05-31T22:00:00Z");

    assertThat(historyReads(last, 0)).as("the 26th tracked channel").isEmpty();
    assertThat(historyReads(REPORTS, before)).isNotEmpty();
    assertThat(embed(posted(QUIET).get(posted(QUIET).size() - 1)).getString("description"))
        .contains("26 tracked channels", "1 more channels, not shown");
  }
}
