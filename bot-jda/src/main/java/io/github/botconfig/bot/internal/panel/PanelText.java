package io.github.botconfig.bot.internal.panel;

import io.github.botconfig.bot.internal.panel.PanelId.Action;
import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.GuildSettings;
import io.github.botconfig.domain.Reporters;
import io.github.botconfig.domain.SummaryPreferences;
import io.github.botconfig.domain.Tag;
import io.github.botconfig.domain.Threshold;
import java.util.Optional;

/** The words the panels use for settings, in Discord markdown. Stateless and thread-safe. */
final class PanelText {
  private PanelText() {}

  static String channel(ChannelId channelId) {
    return "<#" + channelId + ">";
  }

  static String onOff(boolean value) {
    return value ? "on" : "off";
  }

  static String threshold(Threshold threshold) {
    return switch (threshold.kind()) {
      case NONE -> "none (every report)";
      case PERCENT -> threshold + " %";
      default -> threshold.toString();
    };
  }

  /** Whose messages count as reports, as the panel says it. */
  static String reporters(Reporters reporters) {
    return reporters == Reporters.WEBHOOKS ? "webhooks only" : "everyone: webhooks and members";
  }

  static String tag(Optional<Tag> tag) {
    return tag.map(Tag::mention).orElse("nobody");
  }

  /** One line: what a tracked channel does. */
  static String summary(ChannelConfig channel) {
    return "image "
        + onOff(channel.image())
        + " · pin "
        + onOff(channel.pin())
        + " · answers "
        + onOff(channel.notifyOnClose())
        + " · mention "
        + tag(channel.tag())
        + " · threshold "
        + threshold(channel.threshold())
        + " · reports from "
        + (channel.reporters() == Reporters.WEBHOOKS ? "webhooks" : "everyone");
  }

  /** The server settings at a glance, two lines. */
  static String settings(GuildSettings settings) {
    SummaryPreferences summaries = settings.summaryPreferences();
    return "Time zone: **"
        + settings.timezone().getId()
        + "** · live board: **"
        + onOff(settings.positionDisplayEnabled())
        + "** · global channel: "
        + settings.globalChannelId().map(PanelText::channel).orElse("**none**")
        + "\nSummaries: daily **"
        + onOff(summaries.dailySummary())
        + "** · weekly **"
        + onOff(summaries.weeklySummary())
        + "** · monthly **"
        + onOff(summaries.monthlySummary())
        + "** · pin **"
        + onOff(summaries.pin())
        + "** · mention "
        + tag(summaries.tag());
  }

  static String serverToggleName(Action action) {
    return switch (action) {
      case BOARD -> "Live board";
      case DAILY -> "Daily summary";
      case WEEKLY -> "Weekly summary";
      case MONTHLY -> "Monthly summary";
      case SUMMARY_PIN -> "Summary pin";
      default -> throw new IllegalArgumentException(action + " is not a server toggle");
    };
  }

  /** The notice line, if any, then the body. */
  static String withNotice(String title, String notice, String body) {
    return title + (notice.isEmpty() ? "" : "\n" + notice) + "\n" + body;
  }
}
