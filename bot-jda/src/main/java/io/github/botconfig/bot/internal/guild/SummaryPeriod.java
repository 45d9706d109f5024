package io.github.botconfig.bot.internal.guild;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The days one summary covers, in a guild's time zone: from midnight of {@link #start()} to
 * midnight of {@link #end()}. Days are calendar days of the zone, so a period holds a 23- or
 * 25-hour day when the clocks change ({@link #from()} and {@link #until()} are the instants of
 * those midnights).
 *
 * <p>Immutable and thread-safe.
 *
 * @param kind daily, weekly or monthly
 * @param start the first day: any day, a Monday, or a first of the month
 * @param zone the time zone whose days these are
 */
public record SummaryPeriod(SummaryKind kind, LocalDate start, ZoneId zone) {
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("EEEE d MMMM uuuu", Locale.ENGLISH);
  private static final DateTimeFormatter DAY_MONTH_YEAR =
      DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);
  private static final DateTimeFormatter DAY_MONTH =
      DateTimeFormatter.ofPattern("d MMMM", Locale.ENGLISH);
  private static final DateTimeFormatter MONTH =
      DateTimeFormatter.ofPattern("MMMM uuuu", Locale.ENGLISH);

  /**
   * @throws IllegalArgumentException if {@code start} does not begin a period of that kind
   */
  public SummaryPeriod {
    if (!kind.startOfPeriodContaining(start).equals(start)) {
      throw new IllegalArgumentException(kind.id() + " periods cannot start on " + start);
    }
  }

  /** The period of this kind that is running at {@code instant}. */
  public static SummaryPeriod containing(SummaryKind kind, Instant instant, ZoneId zone) {
    return new SummaryPeriod(
        kind, kind.startOfPeriodContaining(LocalDate.ofInstant(instant, zone)), zone);
  }

  /** The latest period of this kind that was over at {@code instant}. */
  public static SummaryPeriod lastEnded(SummaryKind kind, Instant instant, ZoneId zone) {
    return containing(kind, instant, zone).previous();
  }

  public SummaryPeriod next() {
    return new SummaryPeriod(kind, kind.nextStart(start), zone);
  }

  public SummaryPeriod previous() {
    return new SummaryPeriod(kind, kind.previousStart(start), zone);
  }

  /** The day after the last one: the period ends at its midnight. */
  public LocalDate end() {
    return kind.nextStart(start);
  }

  /**
   * When the period begins: midnight of {@link #start()} in the zone (the first valid time, if a
   * DST gap skips it).
   */
  public Instant from() {
    return start.atStartOfDay(zone).toInstant();
  }

  /** When the period ends, and its summary is due: midnight of {@link #end()} in the zone. */
  public Instant until() {
    return end().atStartOfDay(zone).toInstant();
  }

  /**
   * What names this summary whatever the time zone or the wording: {@code daily 2026-03-29}. The
   * bot writes it in the summary's footer and looks for it before posting, so a period is never
   * summarised twice.
   */
  public String key() {
    return kind.id() + " " + start;
  }

  /**
   * {@code Daily summary · Sunday 29 March 2026}, {@code Weekly summary · 23 – 29 March 2026}, …
   */
  public String title() {
    LocalDate last = end().minusDays(1);
    String days;
    switch (kind) {
      case DAILY -> days = DAY.format(start);
      case WEEKLY -> {
        DateTimeFormatter first =
            start.getYear() != last.getYear()
                ? DAY_MONTH_YEAR
                : start.getMonth() != last.getMonth() ? DAY_MONTH : null;
        days =
            (first == null ? Integer.toString(start.getDayOfMonth()) : first.format(start))
                + " – "
                + DAY_MONTH_YEAR.format(last);
      }
      default -> days = MONTH.format(start);
    }
    return kind.title() + " · " + days;
  }
}
