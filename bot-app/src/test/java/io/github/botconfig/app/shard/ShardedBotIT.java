package io.github.botconfig.app.shard;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.botconfig.bot.testing.ErrorLogTrap;
import io.github.botconfig.bot.testing.FakeDiscord;
import io.github.botconfig.bot.testing.InteractionReply;
import io.github.botconfig.bot.testing.RestCall;
import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.GuildSettings;
import io.github.botconfig.domain.LiveBoard;
import io.github.botconfig.domain.SummaryPreferences;
import io.github.botconfig.domain.Threshold;
import io.github.botconfig.domain.testing.MutableClock;
import io.github.botconfig.dynamodb.DynamoDbConfigStore;
import io.github.botconfig.dynamodb.testing.LocalDynamoDbExtension;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.events.guild.GuildLeaveEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One bot split over two processes — shard 0 and shard 1 of 2 — on one table (dynalite) and one
 * Discord (the fake, serving each shard its own guilds): each process handles only its guilds'
 * messages and scheduled work (the purge, the summaries), and a change made through one is seen by
 * the other through the table's change marker. The two processes share one clock, each with its own
 * scheduler.
 */
class ShardedBotIT {
  @RegisterExtension
  static final LocalDynamoDbExtension DYNAMODB = LocalDynamoDbExtension.dynalite();

  @RegisterExtension final ErrorLogTrap errors = new ErrorLogTrap();

  private static final String TOKEN =
      "MTE4MDU4NjQxMjQzNDgxNzAyNA.GabcDE.the-secret-part-of-the-token";

  /** (id >> 22) % 2 == 0: shard 0. */
  private static final long GUILD_0 = 1_300_000_000_000_000_000L;

  private static final long REPORTS_0 = 1_300_000_000_000_000_010L;
  private static final long SIGNALS_0 = 1_300_000_000_000_000_011L;
  private static final long GLOBAL_0 = 1_300_000_000_000_000_012L;
  private static final long ADMIN_ROLE_0 = 1_300_000_000_000_000_020L;

  /** (id >> 22) % 2 == 1: shard 1. */
  private static final long GUILD_1 = 1_200_000_000_000_000_000L;

  private static final long REPORTS_1 = 1_200_000_000_000_000_010L;
  private static final long GLOBAL_1 = 1_200_000_000_000_000_012L;
  private static final long ADMIN = 1_100_000_000_000_000_030L;

  /** Noon on 1 January 2026, UTC: the first midnight is 12 hours away. */
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T12:00:00Z"));

  private FakeDiscord discord;
  private DynamoDbConfigStore table;
  private ShardProcess shard0;
  private ShardProcess shard1;

  @BeforeEach
  void oneTableTwoShardsTwoProcesses() throws Exception {
    discord = FakeDiscord.start(clock, 2);
    discord
        .guild(GUILD_0, "Zero")
        .textChannel(REPORTS_0, "reports")
        .textChannel(SIGNALS_0, "signals")
        .textChannel(GLOBAL_0, "summaries")
        .role(ADMIN_ROLE_0, "admins", Permission.MANAGE_SERVER)
        .member(ADMIN, "alice", ADMIN_ROLE_0);
    discord
        .guild(GUILD_1, "One")
        .textChannel(REPORTS_1, "reports")
        .textChannel(GLOBAL_1, "summaries");
    table = DYNAMODB.newStore(Clock.systemUTC());
    table.saveChannel(ChannelConfig.of(GuildId.of(GUILD_0), ChannelId.of(REPORTS_0)));
    table.saveChannel(ChannelConfig.of(GuildId.of(GUILD_1), ChannelId.of(REPORTS_1)));

    Map<String, String> environment =
        Map.of(
            "DISCORD_TOKEN", TOKEN,
            "AWS_ENDPOINT_URL_DYNAMODB", DYNAMODB.endpoint().toString(),
            "BOTCONFIG_TABLE", table.tableName());
    shard0 = ShardProcess.start(0, discord, clock, environment);
    shard1 = ShardProcess.start(1, discord, clock, environment);
  }

  @AfterEach
  void stop() throws Exception {
    try {
      if (shard0 != null) {
        shard0.close();
      }
      if (shard1 != null) {
        shard1.close();
      }
    } finally {
      discord.close();
    }
    assertThat(discord.unhandledCalls()).as("requests the fake Discord has no route for").isEmpty();
  }

  @Test
  void eachProcessReceivesAndAnswersOnlyTheMessagesOfItsOwnGuilds() {
    assertThat(shard0.shards.getGuilds()).extracting(Guild::getIdLong).containsExactly(GUILD_0);
    assertThat(shard1.shards.getGuilds()).extracting(Guild::getIdLong).containsExactly(GUILD_1);

    long toShard0 = discord.postWebhookMessage(REPORTS_0, "Take profit +9%");
    long toShard1 = discord.postWebhookMessage(REPORTS_1, "Stop loss -4%");
    shard0.probe.awaitMessage(toShard0);
    shard1.probe.awaitMessage(toShard1);

    RestCall reply0 = discord.awaitRestCall("POST", "channels/" + REPORTS_0 + "/messages");
    RestCall reply1 = discord.awaitRestCall("POST", "channels/" + REPORTS_1 + "/messages");
    assertThat(reply0.body().getString("content")).contains("+9");
    assertThat(reply1.body().getString("content")).contains("-4");
    // A guild's events arrive in order on its shard's session: had shard 1's process received guild
    // 0's message,
    // it would have handled it before its own.
    assertThat(
            shard1.probe.saw(MessageReceivedEvent.class, e -> e.getGuild().getIdLong() == GUILD_0))
        .isFalse();
    assertThat(
            shard0.probe.saw(MessageReceivedEvent.class, e -> e.getGuild().getIdLong() == GUILD_1))
        .isFalse();
  }

  @Test
  void aConfigChangeMadeThroughShard0IsSeenByShard1WithinTwoChangePolls() {
    String token =
        discord
            .slashCommand("config", GUILD_0, SIGNALS_0, ADMIN)
            .subcommand("channel", "set")
            .channel("channel", SIGNALS_0)
            .option("threshold", "TP")
            .send();
    InteractionReply reply = discord.awaitInteractionReply(token);
    assertThat(reply.content()).startsWith("✅ <#" + SIGNALS_0 + "> is now tracked.");
    assertThat(shard0.cache().findChannel(ChannelId.of(SIGNALS_0))).isPresent();
    assertThat(shard1.cache().findChannel(ChannelId.of(SIGNALS_0)))
        .as("before shard 1 polled")
        .isEmpty();

    shard1.advance(ShardProcess.CHANGE_POLL);
    shard1.advance(ShardProcess.CHANGE_POLL);

    assertThat(shard1.cache().findChannel(ChannelId.of(SIGNALS_0)))
        .map(ChannelConfig::threshold)
        .contains(Threshold.TAKE_PROFIT);
  }

  @Test
  void eachDailySummaryIsPostedOnceByTheProcessOfItsGuildsShard() {
    shard0.runDue(); // each guild's first run, at connect: nothing enabled yet, so nothing to catch
    // up
    shard1.runDue();
    // Both processes hold both guilds' settings (the whole table): only ownership keeps each to its
    // own guild.
    for (long[] guild : new long[][] {{GUILD_0, GLOBAL_0}, {GUILD_1, GLOBAL_1}}) {
      shard0
          .cache()
          .saveSettings(
              GuildSettings.defaults(GuildId.of(guild[0]))
                  .withPositionDisplayEnabled(false)
                  .withSummaryPreferences(SummaryPreferences.builder().dailySummary(true).build())
                  .withGlobalChannelId(ChannelId.of(guild[1])));
    }
    discord.pastWebhookMessage(REPORTS_0, Instant.parse("2026-01-01T08:00:00Z"), "Take profit +9%");
    discord.pastWebhookMessage(REPORTS_1, Instant.parse("2026-01-01T09:00:00Z"), "Stop loss -4%");
    shard1.advance(
        ShardProcess.CHANGE_POLL); // shard 1's cache sees the settings written through shard 0

    for (int hour = 0;
        hour < 24;
        hour++) { // both processes run through midnight, hour by hour, in turn
      shard0.advance(Duration.ofHours(1));
      shard1.runDue();
    }

    assertThat(dailySummaries(GLOBAL_0)).containsExactly("daily 2026-01-01 · UTC");
    assertThat(dailySummaries(GLOBAL_1)).containsExactly("daily 2026-01-01 · UTC");
    assertThat(summaryText(GLOBAL_0)).contains("+9 %");
    assertThat(summaryText(GLOBAL_1)).contains("-4 %");
  }

  @Test
  void eachLiveBoardIsPostedAndEditedByTheProcessOfItsGuildsShardOnly() {
    shard0.runDue();
    shard1.runDue();
    for (long[] guild : new long[][] {{GUILD_0, GLOBAL_0}, {GUILD_1, GLOBAL_1}}) {
      shard0
          .cache()
          .saveSettings(
              GuildSettings.defaults(GuildId.of(guild[0]))
                  .withGlobalChannelId(ChannelId.of(guild[1])));
    }
    shard0.runDue(); // the board of guild 0, from shard 0's own write
    shard1.advance(
        ShardProcess
            .CHANGE_POLL); // shard 1 sees both settings at its next poll: the board of guild 1
    shard0.runDue();

    assertThat(posts(GLOBAL_0)).hasSize(1);
    assertThat(posts(GLOBAL_1)).hasSize(1);
    assertThat(table.findBoard(GuildId.of(GUILD_0)))
        .map(LiveBoard::channelId)
        .contains(ChannelId.of(GLOBAL_0));
    assertThat(table.findBoard(GuildId.of(GUILD_1)))
        .map(LiveBoard::channelId)
        .contains(ChannelId.of(GLOBAL_1));

    shard0.probe.awaitMessage(discord.postWebhookMessage(REPORTS_0, "Take profit +9%"));
    shard1.probe.awaitMessage(discord.postWebhookMessage(REPORTS_1, "Stop loss -4%"));
    shard0.advance(
        Duration.ofSeconds(11)); // past the 10 s during which a guild's edits are coalesced
    shard1.runDue();

    assertThat(edits(GLOBAL_0)).hasSize(1);
    assertThat(edits(GLOBAL_1)).hasSize(1);
    assertThat(posts(GLOBAL_0)).as("edited, not posted again by either process").hasSize(1);
    assertThat(posts(GLOBAL_1)).hasSize(1);
  }

  private List<RestCall> posts(long channel) {
    return discord.restCalls().stream()
        .filter(c -> c.is("POST", "channels/" + channel + "/messages"))
        .toList();
  }

  private List<RestCall> edits(long channel) {
    return discord.restCalls().stream()
        .filter(c -> c.is("PATCH", "channels/" + channel + "/messages/\\d+"))
        .toList();
  }

  /**
   * The footers of the summaries posted to a channel (one per period and kind), in the order
   * posted.
   */
  private List<String> dailySummaries(long channel) {
    return summaries(channel).stream()
        .map(
            call ->
                call.body().getArray("embeds").getObject(0).getObject("footer").getString("text"))
        .toList();
  }

  private String summaryText(long channel) {
    return summaries(channel).get(0).body().getArray("embeds").getObject(0).toString();
  }

  private List<RestCall> summaries(long channel) {
    return discord.restCalls().stream()
        .filter(c -> c.is("POST", "channels/" + channel + "/messages") && c.body().hasKey("embeds"))
        .toList();
  }

  @Test
  void eachProcessPurgesOnlyTheDepartedGuildsOfItsOwnShard() {
    discord.removeBot(GUILD_0);
    discord.removeBot(GUILD_1);
    shard0.probe.await(GuildLeaveEvent.class, e -> e.getGuild().getIdLong() == GUILD_0);
    shard1.probe.await(GuildLeaveEvent.class, e -> e.getGuild().getIdLong() == GUILD_1);

    // Past the 7-day grace period for shard 0's process only: its daily sweep has run 8 times over
    // both guilds.
    shard0.advance(Duration.ofDays(8));

    assertThat(table.findChannel(ChannelId.of(REPORTS_0)))
        .as("guild 0, purged by its shard's process")
        .isEmpty();
    assertThat(table.findChannel(ChannelId.of(REPORTS_1)))
        .as("guild 1, left to its shard's process")
        .isPresent();

    shard1.advance(Duration.ofDays(8));

    assertThat(table.findChannel(ChannelId.of(REPORTS_1))).isEmpty();
    assertThat(table.loadAll().guilds()).isEmpty();
  }
}
