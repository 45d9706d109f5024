package io.github.botconfig.bot.internal.guild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SummaryPeriodTest {
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  @ParameterizedTest(name = "{0} {1}: {2} hours, from {3} until {4}")
  @CsvSource({
    "Europe/Paris,     2026-03-29, 23, 2026-03-28T23:00:00Z, 2026-03-29T22:00:00Z",
    "Europe/Paris,     2026-10-25, 25, 2026-10-24T22:00:00Z, 2026-10-25T23:00:00Z",
    "Europe/Paris,     2026-06-15, 24, 2026-06-14T22:00:00Z, 2026-06-15T22:00:00Z",
    "America/New_York, 2026-03-08, 23, 2026-03-08T05:00:00Z, 2026-03-09T04:00:00Z",
    "America/New_York, 2026-11-01, 25, 2026-11-01T04:00:00Z, 2026-11-02T05:00:00Z",
  })
  void aDayRunsFromLocalMidnightToLocalMidnightWhateverItsLength(
      String zone, LocalDate day, int hours, Instant from, Instant until) {
    SummaryPeriod period = new SummaryPeriod(SummaryKind.DAILY, day, ZoneId.of(zone));

    assertThat(period.from()).isEqualTo(from);
    assertThat(period.until()).isEqualTo(until);
    assertThat(Duration.between(period.from(), period.until())).hasHours(hours);
  }

  @Test
  void aMidnightThatDaylightSavingSkipsStartsTheDayAtTheFirstValidTime() {
    // Santiago moves its clocks at midnight: 2026-09-06 00:00 does not exist there, the day starts
    // at 01:00.
    SummaryPeriod period =
        new SummaryPeriod(
            SummaryKind.DAILY, LocalDate.of(2026, 9, 6), ZoneId.of("America/Santiago"));

    assertThat(period.from()).isEqualTo(Instant.parse("2026-09-06T04:00:00Z"));
    assertThat(period.previous().until()).isEqualTo(period.from());
  }

  @Test
  void theLastEndedPeriodIsTheOneBeforeTheRunningOneInTheGuildsZone() {
    Instant now =
        Instant.parse(
            "2026-03-29T22:30:00Z"); // Monday 30 March 00:30 in Paris, still Sunday in New York

    assertThat(SummaryPeriod.lastEnded(SummaryKind.DAILY, now, PARIS).start())
        .isEqualTo(LocalDate.of(2026, 3, 29));
    assertThat(SummaryPeriod.lastEnded(SummaryKind.DAILY, now, NEW_YORK).start())
        .isEqualTo(LocalDate.of(2026, 3, 28));
    assertThat(SummaryPeriod.lastEnded(SummaryKind.WEEKLY, now, PARIS).start())
        .isEqualTo(LocalDate.of(2026, 3, 23));
    assertThat(SummaryPeriod.lastEnded(SummaryKind.WEEKLY, now, NEW_YORK).start())
        .isEqualTo(LocalDate.of(2026, 3, 16));
    assertThat(SummaryPeriod.lastEnded(SummaryKind.MONTHLY, now, PARIS).start())
        .isEqualTo(LocalDate.of(2026, 2, 1));
  }

  @Test
  void weeksStartOnMondayAndMonthsOnTheFirst() {
    SummaryPeriod week =
        SummaryPeriod.containing(SummaryKind.WEEKLY, Instant.parse("2026-04-02T12:00:00Z"), PARIS);
    SummaryPeriod month =
        SummaryPeriod.containing(SummaryKind.MONTHLY, Instant.parse("2026-02-14T12:00:00Z"), PARIS);

    assertThat(week.start()).isEqualTo(LocalDate.of(2026, 3, 30));
    assertThat(week.end()).isEqualTo(LocalDate.of(2026, 4, 6));
    assertThat(month.end()).isEqualTo(LocalDate.of(2026, 3, 1));
    assertThat(month.next().start()).isEqualTo(LocalDate.of(2026, 3, 1));
    assertThatThrownBy(() -> new SummaryPeriod(SummaryKind.WEEKLY, LocalDate.of(2026, 4, 2), PARIS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("weekly periods cannot start on 2026-04-02");
  }

  @Test
  void titlesNameThePeriodAndKeysStayTheSameInEveryZone() {
    LocalDate monday = LocalDate.of(2026, 3, 30);

    assertThat(new SummaryPeriod(SummaryKind.DAILY, LocalDate.of(2026, 3, 29), PARIS).title())
        .isEqualTo("Daily summary · Sunday 29 March 2026");
    assertThat(new SummaryPeriod(SummaryKind.WEEKLY, LocalDate.of(2026, 3, 23), PARIS).title())
        .isEqualTo("Weekly summary · 23 – 29 March 2026");
    assertThat(new SummaryPeriod(SummaryKind.WEEKLY, monday, PARIS).title())
        .isEqualTo("Weekly summary · 30 March – 5 April 2026");
    assertThat(new SummaryPeriod(SummaryKind.WEEKLY, LocalDate.of(2025, 12, 29), PARIS).title())
        .isEqualTo("Weekly summary · 29 December 2025 – 4 January 2026");
    assertThat(new SummaryPeriod(SummaryKind.MONTHLY, LocalDate.of(2026, 3, 1), PARIS).title())
        .isEqualTo("Monthly summary · March 2026");
    assertThat(new SummaryPeriod(SummaryKind.WEEKLY, monday, PARIS).key())
        .isEqualTo(new SummaryPeriod(SummaryKind.WEEKLY, monday, NEW_YORK).key())
        .isEqualTo("weekly 2026-03-30");
  }
}
