package io.github.botconfig.bot.internal.guild;

import io.github.botconfig.domain.SummaryPreferences;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/** The three summaries: each covers whole local days, and starts at midnight of its first day. */
public enum SummaryKind {
  /** One day. */
  DAILY("daily", "Daily summary"),
  /** Monday to Sunday. */
  WEEKLY("weekly", "Weekly summary"),
  /** The first of the month to its last day. */
  MONTHLY("monthly", "Monthly summary");

  private final String id;
  private final String title;

  SummaryKind(String id, String title) {
    this.id = id;
    this.title = title;
  }

  /** Whether a guild's preferences ask for any summary. */
  public static boolean anyEnabledIn(SummaryPreferences preferences) {
    return preferences.dailySummary()
        || preferences.weeklySummary()
        || preferences.monthlySummary();
  }

  /** Whether a guild's preferences ask for this summary. */
  public boolean enabledIn(SummaryPreferences preferences) {
    return switch (this) {
      case DAILY -> preferences.dailySummary();
      case WEEKLY -> preferences.weeklySummary();
      default -> preferences.monthlySummary();
    };
  }

  /** The first day of the period that contains {@code date}. */
  LocalDate startOfPeriodContaining(LocalDate date) {
    return switch (this) {
      case DAILY -> date;
      case WEEKLY -> date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      default -> date.withDayOfMonth(1);
    };
  }

  /** The first day of the period after the one that starts on {@code start}. */
  LocalDate nextStart(LocalDate start) {
    return switch (this) {
      case DAILY -> start.plusDays(1);
      case WEEKLY -> start.plusWeeks(1);
      default -> start.plusMonths(1);
    };
  }

  /** The first day of the period before the one that starts on {@code start}. */
  LocalDate previousStart(LocalDate start) {
    return switch (this) {
      case DAILY -> start.minusDays(1);
      case WEEKLY -> start.minusWeeks(1);
      default -> start.minusMonths(1);
    };
  }

  /** {@code daily}, {@code weekly}, {@code monthly}: stable, part of a summary's key. */
  public String id() {
    return id;
  }

  /** {@code Daily summary}, …: how a summary's title begins. */
  public String title() {
    return title;
  }
}
