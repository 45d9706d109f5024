package io.github.botconfig.bot.report;

import io.github.botconfig.bot.internal.report.AlertPolicy;
import io.github.botconfig.bot.internal.report.ReportParser;
import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ConfigRepository;
import io.github.botconfig.domain.Reporters;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The message path without JDA, as one straight line: the channel's configuration (one in-memory
 * lookup), then {@link #decide} — the guild check, the author check, one parse, the alert policy,
 * the limits — into one {@link Decision} that the adapter hands to its publishers. The bot's
 * listener adapts Discord's events to it; {@code botconfig simulate} and the benchmarks drive it
 * directly, with Discord replaced by a counter.
 *
 * <p>Thread-safe. A message in an untracked channel allocates nothing; {@link #decide} allocates
 * nothing for a message whose author the channel takes no reports from.
 */
public final class MessagePath {
  private static final Logger log = LoggerFactory.getLogger(MessagePath.class);

  private final ConfigRepository repository;
  private final AlertLimits limits;

  /** Channels whose mismatched guild was logged: once each, not once per message. */
  private final Set<Long> otherGuildLogged = ConcurrentHashMap.newKeySet();

  /**
   * @param repository read on every message: the cache, never a store
   * @param limits how often a channel may be answered and mentioned
   */
  public MessagePath(ConfigRepository repository, AlertLimits limits) {
    this.repository = repository;
    this.limits = limits;
  }

  /**
   * The configuration of the channel a message arrived in, or empty when it is not tracked: one
   * in-memory lookup, the whole cost of the (many) messages in untracked channels.
   *
   * @throws io.github.botconfig.domain.ConfigException only while the cache has never loaded and
   *     the store is down
   */
  public Optional<ChannelConfig> trackedChannel(long channelId) {
    return repository.findChannel(channelId);
  }

  /** Decides what a message in a tracked channel gets. */
  public Decision decide(ChannelConfig channel, PostedMessage message) {
    if (channel.guildId().value() != message.guildId()) {
      logOtherGuild(channel, message.guildId());
      return Decision.Nothing.OTHER_GUILD;
    }
    if (!takesReportsFrom(channel.reporters(), message.author())) {
      return Decision.Nothing.NOT_A_REPORTER;
    }
    Optional<ResultReport> report = ReportParser.parse(message.text());
    if (report.isEmpty()) {
      return Decision.Nothing.NOT_A_REPORT;
    }
    Optional<Alert> alert =
        AlertPolicy.decide(channel, report.get())
            .flatMap(a -> limits.admit(channel.channelId().value(), a));
    return new Decision.Report(report.get(), message.at(), alert);
  }

  /**
   * Whether a channel counts a message of this author as a report: webhooks always, members when
   * the channel takes reports from everyone, bots never (this bot's own answers least of all).
   */
  public static boolean takesReportsFrom(Reporters reporters, AuthorKind author) {
    return switch (author) {
      case WEBHOOK -> true;
      case MEMBER -> reporters == Reporters.EVERYONE;
      case BOT -> false;
    };
  }

  private void logOtherGuild(ChannelConfig channel, long messageGuild) {
    if (otherGuildLogged.add(channel.channelId().value())) {
      log.warn(
          "channel {} is stored under guild {}, but its messages come from guild {}: they are"
              + " ignored (untrack it with 'channels remove --guild {} --channel {}')",
          channel.channelId(),
          channel.guildId(),
          Long.toUnsignedString(messageGuild),
          channel.guildId(),
          channel.channelId());
    }
  }
}
