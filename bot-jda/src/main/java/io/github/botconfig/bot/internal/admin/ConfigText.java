package io.github.botconfig.bot.internal.admin;

import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.CustomValues;
import io.github.botconfig.domain.GuildSettings;
import io.github.botconfig.domain.Reporters;
import io.github.botconfig.domain.SettingKey;
import io.github.botconfig.domain.SummaryPreferences;
import io.github.botconfig.domain.Tag;
import io.github.botconfig.domain.Threshold;
import java.util.List;
import java.util.Optional;

/**
 * The text of the replies that show configuration, in Discord markdown. Stateless and thread-safe.
 */
public final class ConfigText {
  /** Discord refuses message content longer than this. */
  static final int MAX_MESSAGE_LENGTH = 2000;

  private ConfigText() {}

  static String channelMention(ChannelId channelId) {
    return "<#" + channelId + ">";
  }

  /** One line per setting of a tracked channel. */
  static String describe(ChannelConfig channel) {
    return "image: "
        + onOff(channel.image())
        + "\npin when the threshold is met: "
        + onOff(channel.pin())
        + "\nnotify on close: "
        + onOff(channel.notifyOnClose())
        + "\ntag: "
        + tag(channel.tag())
        + "\nthreshold: "
        + threshold(channel.threshold())
        + "\nreports from: "
        + reporters(channel.reporters());
  }

  /** One line per tracked channel, cut to fit in one message. */
  static String list(List<ChannelConfig> channels) {
    StringBuilder text = new StringBuilder("**Tracked channels (" + channels.size() + ")**");
    for (int i = 0; i < channels.size(); i++) {
      String line = "\n• " + summary(channels.get(i));
      String more = "\n… and " + (channels.size() - i) + " more";
      if (text.length() + line.length() + more.length() > MAX_MESSAGE_LENGTH) {
        return text.append(more).toString();
      }
      text.append(line);
    }
    return text.toString();
  }

  static String describe(GuildSettings settings) {
    SummaryPreferences summaries = settings.summaryPreferences();
    return "timezone: "
        + settings.timezone().getId()
        + "\nlive board: "
        + onOff(settings.positionDisplayEnabled())
        + "\nsummaries: daily "
        + onOff(summaries.dailySummary())
        + " · weekly "
        + onOff(summaries.weeklySummary())
        + " · monthly "
        + onOff(summaries.monthlySummary())
        + "\nsummary tag: "
        + tag(summaries.tag())
        + "\nsummary pin: "
        + onOff(summaries.pin())
        + "\nglobal channel: "
        + settings.globalChannelId().map(ConfigText::channelMention).orElse("none");
  }

  /**
   * One line per declared key, each on a line of its own after the built-in options: its value (in
   * the text {@code set} reads), "(default)" when none is stored, the problem when the stored one
   * cannot be read (the key then acts on its default), and the key's help. Empty for no keys.
   */
  @SuppressWarnings({"unchecked", "rawtypes"}) // each key formats the values it decoded itself
  public static String custom(CustomValues values, List<SettingKey<?>> keys) {
    StringBuilder text = new StringBuilder();
    for (SettingKey key : keys) {
      text.append('\n').append(key.name()).append(": `").append(key.format(values.get(key)));
      text.append('`');
      Optional<String> problem = values.problem(key);
      if (problem.isPresent()) {
        text.append(" (default: the stored value is unreadable: ")
            .append(problem.get())
            .append(')');
      } else if (!values.isStored(key)) {
        text.append(" (default)");
      }
      if (!key.help().isEmpty()) {
        text.append(" — ").append(key.help());
      }
    }
    return text.toString();
  }

  private static String summary(ChannelConfig channel) {
    return channelMention(channel.channelId())
        + " — image "
        + onOff(channel.image())
        + ", pin "
        + onOff(channel.pin())
        + ", notify "
        + onOff(channel.notifyOnClose())
        + ", tag "
        + tag(channel.tag())
        + ", threshold "
        + threshold(channel.threshold());
  }

  private static String reporters(Reporters reporters) {
    return reporters == Reporters.WEBHOOKS ? "webhooks only" : "everyone (webhooks and members)";
  }

  private static String threshold(Threshold threshold) {
    return switch (threshold.kind()) {
      case NONE -> "none (every report)";
      case PERCENT -> threshold + " %";
      default -> threshold.toString();
    };
  }

  private static String tag(Optional<Tag> tag) {
    return tag.map(Tag::mention).orElse("none");
  }

  private static String onOff(boolean value) {
    return value ? "on" : "off";
  }
}
