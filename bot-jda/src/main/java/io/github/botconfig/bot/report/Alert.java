package io.github.botconfig.bot.report;

import io.github.botconfig.domain.Tag;
import io.github.botconfig.domain.Threshold;
import java.util.Optional;

/**
 * How the bot answers one result report in a tracked channel.
 *
 * <p>Immutable and thread-safe. {@link #mention()} and {@link #pin()} are only ever set when the
 * threshold is met.
 *
 * @param report what the report announced
 * @param threshold the channel's threshold
 * @param thresholdMet whether the report meets it
 * @param mention whom to mention (the channel's tag, when the threshold is met)
 * @param pin whether to pin the answer (the channel pins, and the threshold is met)
 * @param image whether to attach a result card
 * @param held whether the channel's mention limit held back the mention and the pin this alert
 *     would have had ({@link AlertLimits})
 */
public record Alert(
    ResultReport report,
    Threshold threshold,
    boolean thresholdMet,
    Optional<Tag> mention,
    boolean pin,
    boolean image,
    boolean held) {

  /**
   * @throws IllegalArgumentException if a mention or a pin is asked for while the threshold is not
   *     met, or held back while still there
   */
  public Alert {
    if (!thresholdMet && (mention.isPresent() || pin || held)) {
      throw new IllegalArgumentException("an alert below its threshold neither mentions nor pins");
    }
    if (held && (mention.isPresent() || pin)) {
      throw new IllegalArgumentException("a held-back alert neither mentions nor pins");
    }
  }

  /** Whether the alert asks for attention beyond a reply: a mention or a pin. */
  public boolean highlights() {
    return mention.isPresent() || pin;
  }

  /** This alert without its mention and pin, as the channel's mention limit sends it. */
  public Alert heldBack() {
    return new Alert(report, threshold, thresholdMet, Optional.empty(), false, image, true);
  }

  /**
   * The answer's text, in Discord markdown: {@code 📈 Profit **+12.5 %** · take profit <@&42>}.
   * Below a percentage threshold it says so, so readers know why nobody was mentioned; so it does
   * when the mention limit held the mention back.
   */
  public String text() {
    StringBuilder text = new StringBuilder(96);
    text.append(report.isLoss() ? "📉 Loss" : "📈 Profit");
    report.changeText().ifPresent(change -> text.append(" **").append(change).append("**"));
    report.triggerText().ifPresent(trigger -> text.append(" · ").append(trigger));
    if (!thresholdMet && threshold.kind() == Threshold.Kind.PERCENT) {
      text.append(" (below the ").append(threshold).append(" % threshold)");
    }
    if (held) {
      text.append(" (no mention or pin: too many in this channel lately)");
    }
    mention.ifPresent(tag -> text.append(' ').append(tag.mention()));
    return text.toString();
  }
}
