package io.github.botconfig.bot.internal.report;

import io.github.botconfig.bot.report.ResultReport;
import io.github.botconfig.domain.Trigger;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a message's text as a result report. The accepted wordings are listed in {@code
 * docs/bot.md}.
 *
 * <p>The percentage: a number with an optional sign ({@code +}, {@code -} or the minus sign {@code
 * −}), a dot or a comma for decimals, and {@code %} right after it or after one space ({@code
 * +12.5%}, {@code -3 %}, {@code 12,5%}). When the text has several, the first signed one wins, else
 * the first one: reports usually sign the result and leave targets unsigned.
 *
 * <p>The trigger: {@code take profit} / {@code take-profit} / {@code takeprofit} / {@code TP} (also
 * {@code TP1}, {@code TP2}…) and {@code stop loss} / {@code stop-loss} / {@code stoploss} / {@code
 * SL}, in any case, as whole words; the first one in the text wins.
 *
 * <p>Stateless and thread-safe.
 */
public final class ReportParser {
  private static final Pattern PERCENT =
      Pattern.compile(
          "(?<![\\p{Alnum}.,])([+\\-\u2212]?)(\\d{1,7}(?:[.,]\\d{1,6})?)[ \u00a0\u202f]?%");
  private static final Pattern TRIGGER =
      Pattern.compile(
          "\\b(?:(take[ _-]?profit|tp\\d*)|(stop[ _-]?loss|sl\\d*))\\b",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  private ReportParser() {}

  /**
   * Returns the report the text announces, or empty when it has neither a percentage nor a trigger.
   */
  public static Optional<ResultReport> parse(String text) {
    OptionalDouble change = change(text);
    Optional<Trigger> trigger = trigger(text);
    if (change.isEmpty() && trigger.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new ResultReport(change, trigger));
  }

  static OptionalDouble change(String text) {
    if (text.indexOf('%') < 0) {
      // Most chat in a tracked channel: the pattern needs a '%' (a chat message 1,020 → 440 ns,
      // docs/performance.md).
      return OptionalDouble.empty();
    }
    Matcher matcher = PERCENT.matcher(text);
    OptionalDouble firstUnsigned = OptionalDouble.empty();
    while (matcher.find()) {
      String sign = matcher.group(1);
      double magnitude = Double.parseDouble(matcher.group(2).replace(',', '.'));
      if (!sign.isEmpty()) {
        // "-0 %" is no loss: 0, not -0.0.
        return OptionalDouble.of(sign.equals("+") || magnitude == 0 ? magnitude : -magnitude);
      }
      if (firstUnsigned.isEmpty()) {
        firstUnsigned = OptionalDouble.of(magnitude);
      }
    }
    return firstUnsigned;
  }

  static Optional<Trigger> trigger(String text) {
    Matcher matcher = TRIGGER.matcher(text);
    if (!matcher.find()) {
      return Optional.empty();
    }
    return Optional.of(matcher.group(1) != null ? Trigger.TAKE_PROFIT : Trigger.STOP_LOSS);
  }
}
