package io.github.botconfig.bot.internal.guild;

import io.github.botconfig.domain.ChannelId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The text of the live board: one line per tracked channel with its latest result and how long ago
 * it came (a Discord timestamp, which every reader sees in their own time and which stays current
 * without an edit). Stateless and thread-safe.
 */
public final class BoardText {
  static final String TITLE = "📊 Latest results";

  private BoardText() {}

  /**
   * Writes the board: one line per channel, its latest result or that it has none yet.
   *
   * @param channels the tracked channels, in the order to show them
   * @param latest the latest result of each channel that had one
   * @param now when the board is written
   */
  public static EmbedText of(
      List<ChannelId> channels, Map<ChannelId, LatestResult> latest, Instant now) {
    StringBuilder text = new StringBuilder();
    if (channels.isEmpty()) {
      text.append("No channel is tracked in this server.");
    }
    for (int i = 0; i < channels.size(); i++) {
      String line = (i == 0 ? "" : "\n") + line(channels.get(i), latest.get(channels.get(i)));
      String more = "\n… and " + (channels.size() - i) + " more";
      if (text.length() + line.length() + more.length() > EmbedText.MAX_DESCRIPTION) {
        text.append(more);
        break;
      }
      text.append(line);
    }
    return new EmbedText(
        TITLE,
        text.toString(),
        List.of(),
        Optional.of("Live board · edited as results arrive"),
        Optional.of(now));
  }

  private static String line(ChannelId channel, @Nullable LatestResult result) {
    String mention = "<#" + channel + ">";
    if (result == null) {
      return mention + " · no result yet";
    }
    StringBuilder line =
        new StringBuilder(mention).append(" · ").append(result.report().isLoss() ? "📉" : "📈");
    result
        .report()
        .changeText()
        .ifPresent(change -> line.append(" **").append(change).append("**"));
    result.report().triggerText().ifPresent(trigger -> line.append(" · ").append(trigger));
    return line.append(" · <t:").append(result.at().getEpochSecond()).append(":R>").toString();
  }
}
