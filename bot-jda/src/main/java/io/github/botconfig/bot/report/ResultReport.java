package io.github.botconfig.bot.report;

import io.github.botconfig.domain.Trigger;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What a result report announces: a signed change in percent, the kind of automatic close, or both.
 *
 * <p>Immutable and thread-safe. A report always has at least one of the two.
 *
 * @param changePercent the signed result, {@code -3.0} for a 3 % loss
 * @param trigger take-profit or stop-loss, when the report says which order closed the position
 */
public record ResultReport(OptionalDouble changePercent, Optional<Trigger> trigger) {

  /**
   * @throws IllegalArgumentException if the report has neither a change nor a trigger
   */
  public ResultReport {
    if (changePercent.isEmpty() && trigger.isEmpty()) {
      throw new IllegalArgumentException("a result report has a percentage, a trigger, or both");
    }
  }

  /** A report of a change alone. */
  public static ResultReport ofChange(double percent) {
    return new ResultReport(OptionalDouble.of(percent), Optional.empty());
  }

  /** A report of a change closed by a trigger. */
  public static ResultReport ofChange(double percent, Trigger trigger) {
    return new ResultReport(OptionalDouble.of(percent), Optional.of(trigger));
  }

  /** A report of a trigger without a percentage. */
  public static ResultReport ofTrigger(Trigger trigger) {
    return new ResultReport(OptionalDouble.empty(), Optional.of(trigger));
  }

  /**
   * Whether the position closed at a loss: a negative change, or a stop-loss when no change is
   * given. Zero is not a loss.
   */
  public boolean isLoss() {
    if (changePercent.isPresent()) {
      return changePercent.getAsDouble() < 0;
    }
    return trigger.orElseThrow() == Trigger.STOP_LOSS;
  }

  /**
   * The change as people write it, {@code +12.5 %}, {@code -3 %}, {@code 0 %}; empty without a
   * change.
   */
  public Optional<String> changeText() {
    if (changePercent.isEmpty()) {
      return Optional.empty();
    }
    double value = changePercent.getAsDouble();
    String digits = BigDecimal.valueOf(Math.abs(value)).stripTrailingZeros().toPlainString();
    String sign = value > 0 ? "+" : value < 0 ? "-" : "";
    return Optional.of(sign + digits + " %");
  }

  /** {@code take profit}, {@code stop loss}; empty without a trigger. */
  public Optional<String> triggerText() {
    return trigger.map(t -> t == Trigger.TAKE_PROFIT ? "take profit" : "stop loss");
  }
}
