package io.github.botconfig.bot;

import io.github.botconfig.bot.internal.report.ReportParser;
import io.github.botconfig.bot.report.MessagePath;
import io.github.botconfig.bot.report.ResultReport;
import io.github.botconfig.domain.Reporters;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.utils.TimeUtil;

/**
 * Reads a channel's history back from Discord, page by page (100 messages a request, one page held
 * at a time), blocking: what the summaries and the board know of past results, since the bot stores
 * nothing per message. Stateless and thread-safe; call it from the scheduler, never from a JDA
 * thread.
 */
final class ChannelHistory {
  static final int PAGE = 100;

  private ChannelHistory() {}

  /**
   * Whether the bot may read the channel's history (checked on its cached view: a refusal costs no
   * request).
   */
  static boolean readable(GuildMessageChannel channel) {
    return channel
        .getGuild()
        .getSelfMember()
        .hasPermission(channel, Permission.VIEW_CHANNEL, Permission.MESSAGE_HISTORY);
  }

  /**
   * Hands {@code visitor} the messages created from {@code from} on, oldest first, until it returns
   * {@code false}, the history ends, or {@code max} messages were seen.
   *
   * <p>One page (100 messages) is held at a time: each request asks for the page after the newest
   * message of the one before, and the page before is dropped. JDA's {@code MessageHistory} would
   * keep every page it fetched, up to {@code max} messages per channel for the whole summary.
   *
   * @return whether it stopped at {@code max} with more to read
   */
  static boolean since(
      GuildMessageChannel channel, Instant from, int max, Predicate<Message> visitor) {
    // "after" excludes its id: the id of the first millisecond, less one, keeps a message made in
    // it.
    long after = TimeUtil.getDiscordTimestamp(from.toEpochMilli()) - 1;
    int seen = 0;
    while (true) {
      List<Message> page = channel.getHistoryAfter(after, PAGE).complete().getRetrievedHistory();
      for (int i = page.size() - 1; i >= 0; i--) { // pages come newest first
        if (seen == max) {
          return true;
        }
        seen++;
        if (!visitor.test(page.get(i))) {
          return false;
        }
      }
      if (page.size() < PAGE) {
        return false;
      }
      after = page.get(0).getIdLong();
    }
  }

  /**
   * The newest result report among the channel's last {@code count} messages (at most 100, one
   * request), counting the authors the channel takes reports from.
   */
  static Optional<Message> latestReport(
      GuildMessageChannel channel, int count, Reporters reporters) {
    return channel.getHistory().retrievePast(count).complete().stream()
        .filter(message -> report(message, reporters).isPresent())
        .findFirst();
  }

  /**
   * The result report a message is, read as the message path reads it: only from authors the
   * channel takes reports from ({@link MessagePath#takesReportsFrom}), never from bots.
   */
  static Optional<ResultReport> report(Message message, Reporters reporters) {
    if (!MessagePath.takesReportsFrom(reporters, TrackedMessageListener.authorOf(message))) {
      return Optional.empty();
    }
    return ReportParser.parse(TrackedMessageListener.reportText(message));
  }

  /**
   * When Discord made the message, read from its id as {@code getTimeCreated()} reads it, without
   * the {@code GregorianCalendar} that costs JDA about 370 ns and 830 B a call: every message of a
   * tracked channel asks (docs/performance.md).
   */
  static Instant createdAt(Message message) {
    return Instant.ofEpochMilli(
        (message.getIdLong() >>> TimeUtil.TIMESTAMP_OFFSET) + TimeUtil.DISCORD_EPOCH);
  }
}
