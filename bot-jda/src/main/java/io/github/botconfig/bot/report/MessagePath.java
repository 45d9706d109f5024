package io.github.botconfig.bot.report;

import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ConfigRepository;
import java.util.Optional;

/**
 * The message path without JDA: which messages get an answer, and which. The bot's listener adapts
 * Discord's events to it; {@code botconfig simulate} and the benchmarks drive it directly, with
 * Discord replaced by a counter.
 *
 * <p>Thread-safe; allocation-free for a message in an untracked channel.
 */
public final class MessagePath {
  private final ConfigRepository repository;

  /**
   * @param repository read on every message: the cache, never a store
   */
  public MessagePath(ConfigRepository repository) {
    this.repository = repository;
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

  /**
   * Whether a message may be a result report: reports come through webhooks (whose author is
   * flagged as a bot) and from members; this bot's own messages and other bots' are not.
   */
  public static boolean mayReport(boolean fromBot, boolean fromWebhook) {
    return !fromBot || fromWebhook;
  }

  /**
   * The answer to a message in a tracked channel, or empty when there is none: a message from a bot
   * other than a webhook (reports come through webhooks; this bot's own messages and other bots'
   * are ignored), a message that is not a result report, or a channel that does not want close
   * notifications.
   */
  public Optional<Alert> alertFor(
      ChannelConfig channel, boolean fromBot, boolean fromWebhook, String text) {
    if (!mayReport(fromBot, fromWebhook)) {
      return Optional.empty();
    }
    return AlertPolicy.decide(channel, text);
  }
}
