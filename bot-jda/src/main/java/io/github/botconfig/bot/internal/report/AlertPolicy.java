package io.github.botconfig.bot.internal.report;

import io.github.botconfig.bot.report.Alert;
import io.github.botconfig.bot.report.ResultReport;
import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.Tag;
import io.github.botconfig.domain.TagType;
import java.util.Optional;

/**
 * Decides how the bot answers a result report in a tracked channel, as the running bot does: every
 * report gets an answer (unless the channel turned {@code notifyOnClose} off), and only a report
 * that meets the channel's threshold mentions the tag and is pinned.
 *
 * <p>Stateless and thread-safe.
 */
public final class AlertPolicy {
  private AlertPolicy() {}

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
            met
                ? channel.tag().filter(tag -> !isEveryone(tag, channel.guildId()))
                : Optional.empty(),
            met && channel.pin(),
            channel.image(),
            false));
  }

  /**
   * Whether a tag is {@code @everyone}: the role whose id is the guild's. {@code /config} refuses
   * it; one stored by another writer still never pings the whole guild.
   */
  public static boolean isEveryone(Tag tag, GuildId guildId) {
    return tag.type() == TagType.ROLE && tag.id() == guildId.value();
  }
}
