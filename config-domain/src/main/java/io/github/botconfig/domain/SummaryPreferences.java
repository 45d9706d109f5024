package io.github.botconfig.domain;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * Which periodic summaries a guild wants, and how they are posted (like a tracked channel's alerts:
 * an optional tag to mention, and whether to pin).
 *
 * <p>Immutable and thread-safe. Every summary is off by default.
 */
@Value.Immutable
public abstract class SummaryPreferences {
  private static final SummaryPreferences NONE = builder().build();

  SummaryPreferences() {}

  public static Builder builder() {
    return new Builder();
  }

  /** Every summary off, no tag, no pin. */
  public static SummaryPreferences none() {
    return NONE;
  }

  /** A summary every day, at midnight in the guild's time zone. */
  @Value.Default
  public boolean dailySummary() {
    return false;
  }

  /** A summary every Monday, at midnight in the guild's time zone. */
  @Value.Default
  public boolean weeklySummary() {
    return false;
  }

  /** A summary on the first day of every month, at midnight in the guild's time zone. */
  @Value.Default
  public boolean monthlySummary() {
    return false;
  }

  /** Whom a summary mentions; empty mentions nobody. */
  public abstract Optional<Tag> tag();

  /** Whether a summary is pinned. */
  @Value.Default
  public boolean pin() {
    return false;
  }

  public abstract SummaryPreferences withDailySummary(boolean value);

  public abstract SummaryPreferences withWeeklySummary(boolean value);

  public abstract SummaryPreferences withMonthlySummary(boolean value);

  public abstract SummaryPreferences withTag(Optional<? extends Tag> value);

  public abstract SummaryPreferences withTag(Tag value);

  public abstract SummaryPreferences withPin(boolean value);

  /** Builds {@link SummaryPreferences}. */
  public static final class Builder extends ImmutableSummaryPreferences.Builder {
    Builder() {}
  }
}
