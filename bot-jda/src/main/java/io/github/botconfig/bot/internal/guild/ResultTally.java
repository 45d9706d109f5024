package io.github.botconfig.bot.internal.guild;

import io.github.botconfig.bot.report.ResultReport;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.OptionalDouble;

/**
 * The results of one channel over a period: how many, won or lost, and the best, worst and average
 * percentage of those that gave one (a take-profit or stop-loss without a percentage counts as a
 * win or a loss only).
 *
 * <p>Immutable and thread-safe.
 */
public record ResultTally(
    int results,
    int wins,
    int losses,
    OptionalDouble best,
    OptionalDouble worst,
    OptionalDouble average) {

  /** Counts these reports. */
  public static ResultTally of(Collection<ResultReport> reports) {
    int wins = 0;
    int withPercent = 0;
    double sum = 0;
    double best = Double.NEGATIVE_INFINITY;
    double worst = Double.POSITIVE_INFINITY;
    for (ResultReport report : reports) {
      if (!report.isLoss()) {
        wins++;
      }
      if (report.changePercent().isPresent()) {
        double change = report.changePercent().getAsDouble();
        withPercent++;
        sum += change;
        best = Math.max(best, change);
        worst = Math.min(worst, change);
      }
    }
    boolean any = withPercent > 0;
    return new ResultTally(
        reports.size(),
        wins,
        reports.size() - wins,
        any ? OptionalDouble.of(best) : OptionalDouble.empty(),
        any ? OptionalDouble.of(worst) : OptionalDouble.empty(),
        any ? OptionalDouble.of(sum / withPercent) : OptionalDouble.empty());
  }

  /**
   * {@code 5 results · 3 wins · 2 losses} and, when percentages were given, a second line {@code
   * best +12.5 % · worst -3 % · average +4.2 %}; {@code no result} for none.
   */
  public String text() {
    if (results == 0) {
      return "no result";
    }
    StringBuilder text =
        new StringBuilder()
            .append("**")
            .append(results)
            .append("** ")
            .append(results == 1 ? "result" : "results")
            .append(" · ")
            .append(wins)
            .append(wins == 1 ? " win" : " wins")
            .append(" · ")
            .append(losses)
            .append(losses == 1 ? " loss" : " losses");
    if (average.isPresent()) {
      text.append("\nbest **")
          .append(percent(best.getAsDouble()))
          .append("** · worst **")
          .append(percent(worst.getAsDouble()))
          .append("** · average **")
          .append(percent(average.getAsDouble()))
          .append("**");
    }
    return text.toString();
  }

  /** {@code +12.5 %}, {@code -3 %}, {@code 0 %}: signed, at most two decimals. */
  static String percent(double value) {
    BigDecimal rounded =
        BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
    String sign = rounded.signum() > 0 ? "+" : "";
    return sign + (rounded.signum() == 0 ? "0" : rounded.toPlainString()) + " %";
  }
}
