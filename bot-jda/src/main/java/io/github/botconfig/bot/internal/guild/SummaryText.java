package io.github.botconfig.bot.internal.guild;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The text of a summary: a title naming the period, the guild's totals, one field per tracked
 * channel, and a footer that names the period whatever the wording ({@link SummaryPeriod#key()}),
 * by which the bot recognises a summary it posted. Stateless and thread-safe.
 */
public final class SummaryText {
  private SummaryText() {}

  /** Room kept for the title, the description and the footer when fields are added. */
  private static final int RESERVED = 800;

  public static EmbedText of(SummaryPeriod period, List<ChannelSummary> channels) {
    List<EmbedText.Field> fields = new ArrayList<>();
    int length = 0;
    for (ChannelSummary channel : channels) {
      EmbedText.Field field =
          new EmbedText.Field(
              "#" + channel.name(),
              channel.tally().text() + channel.note().map(n -> "\n⚠️ " + n).orElse(""));
      length += field.length();
      if (fields.size() == EmbedText.MAX_FIELDS || length > EmbedText.MAX_TOTAL - RESERVED) {
        break;
      }
      fields.add(field);
    }
    return new EmbedText(
        period.title(),
        description(channels, fields.size()),
        fields,
        Optional.of(footer(period)),
        Optional.empty());
  }

  /** {@code daily 2026-03-29 · Europe/Paris}. */
  public static String footer(SummaryPeriod period) {
    return period.key() + " · " + period.zone().getId();
  }

  /**
   * Whether an embed footer is the one of {@code period}'s summary (in whatever time zone it was
   * written).
   */
  public static boolean isFooterOf(SummaryPeriod period, String footer) {
    return footer.equals(period.key()) || footer.startsWith(period.key() + " ·");
  }

  private static String description(List<ChannelSummary> channels, int shown) {
    if (channels.isEmpty()) {
      return "No channel is tracked in this server.";
    }
    ResultTally total =
        new ResultTally(
            channels.stream().mapToInt(c -> c.tally().results()).sum(),
            channels.stream().mapToInt(c -> c.tally().wins()).sum(),
            channels.stream().mapToInt(c -> c.tally().losses()).sum(),
            OptionalDouble.empty(),
            OptionalDouble.empty(),
            OptionalDouble.empty());
    String text =
        total.results() == 0
            ? "No result was reported in the " + plural(channels.size(), "tracked channel") + "."
            : total.text() + " in " + plural(channels.size(), "tracked channel") + ".";
    if (shown < channels.size()) {
      text += "\n… and " + (channels.size() - shown) + " more channels, not shown.";
    }
    return text;
  }

  private static String plural(int count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
  }
}
