package io.github.botconfig.bot.e2e;

import static io.github.botconfig.bot.e2e.BotHarness.ADMIN;
import static io.github.botconfig.bot.e2e.BotHarness.CHATTER;
import static io.github.botconfig.bot.e2e.BotHarness.GUILD;
import static io.github.botconfig.bot.e2e.BotHarness.QUIET;
import static io.github.botconfig.bot.e2e.BotHarness.REPORTS;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.botconfig.bot.BotOptions;
import io.github.botconfig.bot.testing.RestCall;
import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.GuildSettings;
import io.github.botconfig.domain.LiveBoard;
import io.github.botconfig.domain.testing.InstrumentedConfigStore.Operation;
import java.time.Duration;
import java.util.List;
import net.dv8tion.jda.api.events.message.MessageDeleteEvent;
import org.junit.jupiter.api.Test;

/**
 * The live board end to end: one message in the global channel (QUIET), edited as reports arrive in
 * REPORTS.
 */
class LiveBoardEndToEndTest extends EndToEndTest {
  private static final GuildId TRADING = GuildId.of(GUILD);

  private void start() throws Exception {
    bot = BotHarness.withTwoGuilds(BotOptions.defaults());
    bot.store.delegate().saveChannel(ChannelConfig.of(TRADING, ChannelId.of(REPORTS)));
    bot.store.delegate().saveChannel(ChannelConfig.of(TRADING, ChannelId.of(CHATTER)));
    bot.store
        .delegate()
        .saveSettings(GuildSettings.defaults(TRADING).withGlobalChannelId(ChannelId.of(QUIET)));
    bot.discord.pastWebhookMessage(
        REPORTS, bot.clock.instant().minusSeconds(3600), "Stop loss hit: -2%");
    bot.connect();
    bot.scheduler.runDue();
  }

  private List<RestCall> calls(String method, String path) {
    return bot.discord.restCalls().stream().filter(c -> c.is(method, path)).toList();
  }

  private static String description(RestCall call) {
    return call.body().getArray("embeds").getObject(0).getString("description");
  }

  private LiveBoard storedBoard() {
    return bot.store.delegate().findBoard(TRADING).orElseThrow();
  }

  @Test
  void theBoardIsPostedAtStartWithTheLatestResultsTheHistoryHoldsAndItsIdStored() throws Exception {
    start();

    RestCall posted = calls("POST", "channels/" + QUIET + "/messages").get(0);
    assertThat(description(posted))
        .isEqualTo(
            "<#"
                + REPORTS
                + "> · 📉 **-2 %** · stop loss · <t:"
                + (bot.clock.instant().getEpochSecond() - 3600)
                + ":R>\n<#"
                + CHATTER
                + "> · no result yet");
    LiveBoard board = storedBoard();
    assertThat(board.channelId()).isEqualTo(ChannelId.of(QUIET));
    assertThat(bot.discord.messagesIn(QUIET))
        .extracting(m -> m.getLong("id"))
        .containsExactly(board.messageId());
  }

  @Test
  void aBurstOfFiveResultsWithinTenSecondsIsOneEditOfTheSameMessage() throws Exception {
    start();
    long board = storedBoard().messageId();
    bot.store.resetCounts();

    for (int i = 1; i <= 5; i++) {
      bot.probe.awaitMessage(bot.discord.postWebhookMessage(REPORTS, "Take profit: +" + i + "%"));
      bot.scheduler.advance(Duration.ofSeconds(1));
    }
    assertThat(calls("PATCH", "channels/" + QUIET + "/messages/\\d+"))
        .as("not before 10 s")
        .isEmpty();
    bot.scheduler.advance(Duration.ofSeconds(5));

    List<RestCall> edits = calls("PATCH", "channels/" + QUIET + "/messages/\\d+");
    assertThat(edits).hasSize(1);
    assertThat(edits.get(0).path()).endsWith("/" + board);
    assertThat(description(edits.get(0)))
        .startsWith("<#" + REPORTS + "> · 📈 **+5 %** · take profit · <t:");
    assertThat(calls("POST", "channels/" + QUIET + "/messages"))
        .as("edited, not posted again")
        .hasSize(1);
    assertThat(bot.store.calls(Operation.SAVE_BOARD)).isZero();
    bot.scheduler.advance(Duration.ofMinutes(1));
    assertThat(calls("PATCH", "channels/" + QUIET + "/messages/\\d+")).hasSize(1);
    // Each report also got its alert; JDA stops at once only when no request is left in its queue.
    bot.discord.awaitCount(c -> c.is("POST", "channels/" + REPORTS + "/messages"), 5);
  }

  @Test
  void aDeletedBoardIsPostedAgainAndItsNewIdStored() throws Exception {
    start();
    LiveBoard first = storedBoard();

    bot.discord.deleteMessage(QUIET, first.messageId());
    bot.probe.await(MessageDeleteEvent.class, e -> e.getMessageIdLong() == first.messageId());
    bot.scheduler.advance(Duration.ofSeconds(10));

    assertThat(calls("PATCH", "channels/" + QUIET + "/messages/" + first.messageId()))
        .hasSize(1); // 404
    assertThat(calls("POST", "channels/" + QUIET + "/messages")).hasSize(2);
    LiveBoard second = storedBoard();
    assertThat(second.messageId()).isNotEqualTo(first.messageId());
    assertThat(second.version()).isEqualTo(first.version() + 1);
    assertThat(bot.discord.messagesIn(QUIET))
        .extracting(m -> m.getLong("id"))
        .containsExactly(second.messageId());
  }

  @Test
  void aRestartEditsTheStoredBoardInsteadOfPostingASecondOne() throws Exception {
    start();
    LiveBoard board = storedBoard();

    bot.restart();
    bot.scheduler.runDue();

    assertThat(calls("POST", "channels/" + QUIET + "/messages")).hasSize(1);
    assertThat(calls("PATCH", "channels/" + QUIET + "/messages/" + board.messageId())).hasSize(1);
    assertThat(storedBoard()).isEqualTo(board);
  }

  @Test
  void turningTheBoardOffByCommandRemovesTheMessageAndItsId() throws Exception {
    start();

    String token =
        bot.discord
            .slashCommand("config", GUILD, CHATTER, ADMIN)
            .subcommand("settings", "set")
            .option("board", false)
            .send();
    bot.discord.awaitInteractionReply(token);
    bot.scheduler.advance(Duration.ofSeconds(10));

    assertThat(bot.discord.messagesIn(QUIET)).isEmpty();
    assertThat(bot.store.delegate().findBoard(TRADING)).isEmpty();
  }
}
