package io.github.botconfig.domain;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * When a result report is important enough to mention the tag and pin the alert.
 *
 * <p>One of: {@link #NONE} (always met), a percentage ≥ 0 (met when the absolute change is at least
 * that much), or a trigger — {@link #TAKE_PROFIT} ({@code TP}), {@link #STOP_LOSS} ({@code SL}),
 * {@link #ANY_TRIGGER} ({@code TP/SL}) — met only by a report of that kind of close. These are the
 * forms the running TypeScript bot stores.
 *
 * <p>Immutable and thread-safe. Text form: {@code none}, {@code 12.5}, {@code TP}, {@code SL},
 * {@code TP/SL} ({@link #toString()}, {@link #parse(String)}).
 */
public final class Threshold {
  /** Which form a threshold has. */
  public enum Kind {
    NONE,
    PERCENT,
    TAKE_PROFIT,
    STOP_LOSS,
    ANY_TRIGGER
  }

  /** The largest percentage accepted: far above any real move, low enough to catch a typo. */
  public static final double MAX_PERCENT = 1_000_000;

  /** Always met. */
  public static final Threshold NONE = new Threshold(Kind.NONE, 0, "none");

  /** Met by take-profit closes only. */
  public static final Threshold TAKE_PROFIT = new Threshold(Kind.TAKE_PROFIT, 0, "TP");

  /** Met by stop-loss closes only. */
  public static final Threshold STOP_LOSS = new Threshold(Kind.STOP_LOSS, 0, "SL");

  /** Met by take-profit and stop-loss closes. */
  public static final Threshold ANY_TRIGGER = new Threshold(Kind.ANY_TRIGGER, 0, "TP/SL");

  private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,7}(\\.[0-9]{1,6})?");

  private final Kind kind;
  private final double percent;
  private final String text;

  private Threshold(Kind kind, double percent, String text) {
    this.kind = kind;
    this.percent = percent;
    this.text = text;
  }

  /**
   * Returns the threshold met when the absolute change is at least {@code percent}.
   *
   * @throws InvalidConfigException naming the value unless it is a number from 0 to {@link
   *     #MAX_PERCENT}
   */
  public static Threshold percent(double percent) {
    if (!(percent >= 0 && percent <= MAX_PERCENT)) {
      throw Inputs.invalid(
          "threshold percentage must be a number from 0 to %s, got '%s'",
          format(MAX_PERCENT),
          Double.isFinite(percent) ? format(percent) : Double.toString(percent));
    }
    // -0.0 would print as "-0"; it means 0.
    double value = percent == 0 ? 0 : percent;
    return new Threshold(Kind.PERCENT, value, format(value));
  }

  /**
   * Parses {@code none}, a percentage such as {@code 12} or {@code 12.5} (digits, an optional dot
   * and up to six decimals), {@code TP}, {@code SL} or {@code TP/SL}. Words are read in any case;
   * surrounding spaces are ignored.
   *
   * @throws InvalidConfigException naming the value for anything else (signs, {@code %}, commas,
   *     NaN, …)
   */
  public static Threshold parse(String text) {
    String trimmed = text.strip();
    switch (trimmed.toUpperCase(Locale.ROOT)) {
      case "NONE" -> {
        return NONE;
      }
      case "TP" -> {
        return TAKE_PROFIT;
      }
      case "SL" -> {
        return STOP_LOSS;
      }
      case "TP/SL" -> {
        return ANY_TRIGGER;
      }
      default -> {
        if (!DECIMAL.matcher(trimmed).matches()) {
          throw Inputs.invalid(
              "threshold must be 'none', a percentage such as 12.5 (0 to %s), 'TP', 'SL' or 'TP/SL', got %s",
              format(MAX_PERCENT), Inputs.quote(text));
        }
        return percent(Double.parseDouble(trimmed));
      }
    }
  }

  public Kind kind() {
    return kind;
  }

  /** Returns the percentage of a {@link Kind#PERCENT} threshold, empty for the other kinds. */
  public OptionalDouble percent() {
    return kind == Kind.PERCENT ? OptionalDouble.of(percent) : OptionalDouble.empty();
  }

  /**
   * Decides whether a result meets this threshold.
   *
   * @param changePercent the signed change the report announces, if it gives one
   * @param trigger the kind of automatic close the report announces, if any
   * @return {@code true} for {@link #NONE}; for a percentage, whether {@code |changePercent|} is at
   *     least it ({@code false} without a change); for a trigger kind, whether the report's trigger
   *     matches it
   */
  public boolean isMetBy(OptionalDouble changePercent, Optional<Trigger> trigger) {
    return switch (kind) {
      case NONE -> true;
      case PERCENT -> changePercent.isPresent() && Math.abs(changePercent.getAsDouble()) >= percent;
      case TAKE_PROFIT -> trigger.filter(t -> t == Trigger.TAKE_PROFIT).isPresent();
      case STOP_LOSS -> trigger.filter(t -> t == Trigger.STOP_LOSS).isPresent();
      case ANY_TRIGGER -> trigger.isPresent();
    };
  }

  /**
   * Returns {@code none}, the percentage ({@code 12.5}, {@code 10}), {@code TP}, {@code SL} or
   * {@code TP/SL}.
   */
  @Override
  public String toString() {
    return text;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Threshold threshold
        && threshold.kind == kind
        && Double.compare(threshold.percent, percent) == 0;
  }

  @Override
  public int hashCode() {
    return 31 * kind.hashCode() + Double.hashCode(percent);
  }

  private static String format(double value) {
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }
}
