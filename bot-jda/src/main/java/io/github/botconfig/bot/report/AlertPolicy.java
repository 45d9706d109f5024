package io.github.botconfig.bot.report;

import io.github.botconfig.domain.ChannelConfig;
import java.util.Optional;

/**
 * Decides how the bot answers a message in a tracked channel, as the running bot does: every result
 * report gets an answer (unless the channel turned {@code notifyOnClose} off), and only a report
 * that meets the channel's threshold mentions the tag and is pinned.
 *
 * <p>Stateless and thread-safe.
 */
public final class AlertPolicy {
  private AlertPolicy() {}

  /**
   * Returns the alert for a message, or empty when the message is not a result report or the
   * channel does not answer reports.
   */
  public static Optional<Alert> decide(ChannelConfig channel, String messageText) {
    if (!channel.notifyOnClose()) {
      return Optional
          .empty(); // before parsing: such a channel costs nothing more than an untracked one
    }
    return ReportParser.parse(messageText).flatMap(report -> decide(channel, report));
  }

  /** Returns the alert for a report, or empty when the channel does not answer reports. */
  public static Optional<Alert> decide(ChannelConfig channel, ResultReport report) {
    if (!channel.notifyOnClose()) {
      return Optional.empty();
    }
    boolean met = channel.threshold().isMetBy(report.changePercent(), report.trigger());
    return Optional.of(
        new Alert(
            report,
            channel.threshold(),
            met,
            met ? channel.tag() : Optional.empty(),
            met && channel.pin(),
            channel.image()));
  }
}
