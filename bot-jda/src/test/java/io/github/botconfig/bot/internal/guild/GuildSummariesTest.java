package io.github.botconfig.bot.internal.guild;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.botconfig.bot.internal.guild.GuildSummaries.Outcome;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.GuildSettings;
import io.github.botconfig.domain.SummaryPreferences;
import io.github.botconfig.domain.testing.InMemoryConfigStore;
import io.github.botconfig.domain.testing.ManualScheduler;
import io.github.botconfig.domain.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * When summaries are due, on the injected clock and scheduler, with a publisher that records and
 * answers.
 */
class GuildSummariesTest {
  private static final GuildId GUILD = GuildId.of(1);
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final SummaryPreferences DAILY =
      SummaryPreferences.builder().dailySummary(true).build();

  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-27T12:00:00Z"));
  private final ManualScheduler scheduler = new ManualScheduler(clock);
  private final InMemoryConfigStore store = new InMemoryConfigStore(clock);
  private final List<String> published = new ArrayList<>();
  private Outcome answer = Outcome.POSTED;

  /** What happens elsewhere while a summary is being posted. */
  private Runnable meanwhile = () -> {};

  private final GuildSummaries summaries =
      new GuildSummaries(
          store,
          (settings, period) -> {
            published.add(period.key() + " " + period.zone() + " at " + clock.instant());
            meanwhile.run();
            return answer;
          },
          clock,
          scheduler);

  @AfterEach
  void close() {
    summaries.close();
  }

  private void settings(ZoneId zone, SummaryPreferences preferences) {
    update(s -> s.withTimezone(zone).withSummaryPreferences(preferences));
  }

  private void update(UnaryOperator<GuildSettings> change) {
    GuildSettings current = store.settingsOrDefaults(GUILD);
    store.saveSettings(change.apply(current));
  }

  /** Moves to {@code instant} and runs what came due on the way, in order. */
  private void runUntil(String instant) {
    Instant target = Instant.parse(instant);
    while (true) {
      scheduler.runDue();
      Instant next = clock.instant().plus(Duration.ofMinutes(1));
      if (next.isAfter(target)) {
        scheduler.advance(Duration.between(clock.instant(), target));
        return;
      }
      scheduler.advance(Duration.ofMinutes(1));
    }
  }

  @Test
  void aJoinedGuildGetsItsFirstDailySummaryAtTheNextLocalMidnightAndNothingBefore() {
    settings(PARIS, DAILY);
    summaries.join(GUILD);
    scheduler.runDue();
    assertThat(published).isEmpty();
    assertThat(scheduler.pending()).as("one timer, not a wake-up every minute").isEqualTo(1);

    assertThat(
            scheduler.advance(
                Duration.between(clock.instant(), Instant.parse("2026-03-27T22:59:59Z"))))
        .isZero();
    scheduler.advance(Duration.ofSeconds(1));

    assertThat(published).containsExactly("daily 2026-03-27 Europe/Paris at 2026-03-27T23:00:00Z");
  }

  @Test
  void parisSpringForwardDayOf23HoursGetsExactlyOneSummary() {
    settings(PARIS, DAILY);
    summaries.join(GUILD);

    runUntil("2026-03-31T00:00:00Z");

    assertThat(published)
        .containsExactly(
            "daily 2026-03-27 Europe/Paris at 2026-03-27T23:00:00Z",
            "daily 2026-03-28 Europe/Paris at 2026-03-28T23:00:00Z",
            "daily 2026-03-29 Europe/Paris at 2026-03-29T22:00:00Z", // 23 hours later
            "daily 2026-03-30 Europe/Paris at 2026-03-30T22:00:00Z");
  }

  @Test
  void parisFallBackDayOf25HoursGetsExactlyOneSummary() {
    clock.set(Instant.parse("2026-10-24T12:00:00Z"));
    settings(PARIS, DAILY);
    summaries.join(GUILD);

    runUntil("2026-10-27T00:00:00Z");

    assertThat(published)
        .containsExactly(
            "daily 2026-10-24 Europe/Paris at 2026-10-24T22:00:00Z",
            "daily 2026-10-25 Europe/Paris at 2026-10-25T23:00:00Z", // 25 hours later
            "daily 2026-10-26 Europe/Paris at 2026-10-26T23:00:00Z");
  }

  @Test
  void newYorksSpringForwardDayGetsExactlyOneSummary() {
    clock.set(Instant.parse("2026-03-07T12:00:00Z"));
    settings(NEW_YORK, DAILY);
    summaries.join(GUILD);

    runUntil("2026-03-10T00:00:00Z");

    assertThat(published)
        .containsExactly(
            "daily 2026-03-07 America/New_York at 2026-03-08T05:00:00Z",
            "daily 2026-03-08 America/New_York at 2026-03-09T04:00:00Z"); // 23 hours later
  }

  @Test
  void newYorksFallBackDayGetsExactlyOneSummary() {
    clock.set(Instant.parse("2026-10-31T12:00:00Z"));
    settings(NEW_YORK, DAILY);
    summaries.join(GUILD);

    runUntil("2026-11-03T00:00:00Z");

    assertThat(published)
        .containsExactly(
            "daily 2026-10-31 America/New_York at 2026-11-01T04:00:00Z",
            "daily 2026-11-01 America/New_York at 2026-11-02T05:00:00Z"); // 25 hours later
  }

  @Test
  void weeklySummariesComeOnMondaysAndMonthlyOnTheFirst() {
    clock.set(Instant.parse("2026-05-20T12:00:00Z"));
    settings(PARIS, SummaryPreferences.builder().weeklySummary(true).monthlySummary(true).build());
    summaries.join(GUILD);

    runUntil("2026-06-10T00:00:00Z");

    assertThat(published)
        .containsExactly(
            "weekly 2026-05-18 Europe/Paris at 2026-05-24T22:00:00Z",
            "weekly 2026-05-25 Europe/Paris at 2026-05-31T22:00:00Z",
            "monthly 2026-05-01 Europe/Paris at 2026-05-31T22:00:00Z",
            "weekly 2026-06-01 Europe/Paris at 2026-06-07T22:00:00Z");
  }

  @Test
  void aTimezoneChangeBetweenTwoRunsMovesTheNextOneWithoutSkippingOrRepeatingADay() {
    settings(PARIS, DAILY);
    summaries.join(GUILD);
    runUntil("2026-03-28T10:00:00Z"); // the Paris summary of the 27th is posted

    settings(NEW_YORK, DAILY);
    summaries.settingsChanged(GUILD);
    runUntil("2026-03-29T10:00:00Z");

    assertThat(published)
        .containsExactly(
            "daily 2026-03-27 Europe/Paris at 2026-03-27T23:00:00Z",
            "daily 2026-03-28 America/New_York at 2026-03-29T04:00:00Z"); // not at Paris midnight
    // (23:00Z)

    settings(PARIS, DAILY); // at 10:00Z: the 29th is under way in both zones
    summaries.settingsChanged(GUILD);
    runUntil("2026-03-30T10:00:00Z");

    assertThat(published)
        .hasSize(3)
        .last()
        .isEqualTo("daily 2026-03-29 Europe/Paris at 2026-03-29T22:00:00Z");
  }

  @Test
  void aZoneAheadWhoseMidnightAlreadyPassedPostsItsDayAtOnce() {
    clock.set(Instant.parse("2026-03-28T12:00:00Z"));
    settings(NEW_YORK, DAILY);
    summaries.join(GUILD);
    runUntil("2026-03-28T23:30:00Z"); // 00:30 on the 29th in Paris, still the 28th in New York

    settings(PARIS, DAILY);
    summaries.settingsChanged(GUILD);
    scheduler.runDue();

    assertThat(published).containsExactly("daily 2026-03-28 Europe/Paris at 2026-03-28T23:30:00Z");
  }

  @Test
  void everyRunReadsTheSettingsAgainSoAMissedChangeNoticePostsNothingOld() {
    settings(PARIS, DAILY);
    summaries.join(GUILD);
    scheduler.runDue();

    settings(PARIS, SummaryPreferences.none()); // straight to the store, no settingsChanged
    runUntil("2026-04-05T00:00:00Z");

    assertThat(published).isEmpty();
    assertThat(scheduler.pending()).as("no timer once every summary is off").isZero();
  }

  @Test
  void aChangeMadeWhileASummaryIsPostedIsLookedAtRightAfter() {
    settings(PARIS, DAILY);
    meanwhile =
        () -> {
          meanwhile = () -> {};
          settings(PARIS, SummaryPreferences.none());
          summaries.settingsChanged(GUILD);
        };

    summaries.start(GUILD);
    scheduler.runDue();

    assertThat(published).hasSize(1);
    assertThat(scheduler.pending()).as("the run after the change found every summary off").isZero();
  }

  @Test
  void disabledPreferencesPostNothingAndScheduleNothing() {
    settings(PARIS, SummaryPreferences.none());
    summaries.start(GUILD);

    runUntil("2026-05-03T00:00:00Z");

    assertThat(published).isEmpty();
    assertThat(scheduler.pending()).isZero();
  }

  @Test
  void aStartedGuildCatchesUpTheLastPeriodOfEachKindOnceAtStart() {
    clock.set(Instant.parse("2026-06-03T12:00:00Z")); // a Wednesday
    settings(
        PARIS,
        SummaryPreferences.builder()
            .dailySummary(true)
            .weeklySummary(true)
            .monthlySummary(true)
            .build());

    summaries.start(GUILD);
    scheduler.runDue();
    scheduler.runDue();

    assertThat(published)
        .containsExactly(
            "daily 2026-06-02 Europe/Paris at 2026-06-03T12:00:00Z",
            "weekly 2026-05-25 Europe/Paris at 2026-06-03T12:00:00Z",
            "monthly 2026-05-01 Europe/Paris at 2026-06-03T12:00:00Z");
    summaries.start(GUILD); // a second ready (another shard, a reconnect) changes nothing
    scheduler.runDue();
    assertThat(published).hasSize(3);
  }

  @Test
  void aSummaryFoundInTheChannelIsNotAskedForAgain() {
    answer = Outcome.ALREADY_POSTED;
    settings(PARIS, DAILY);
    summaries.start(GUILD);

    runUntil("2026-03-27T20:00:00Z");

    assertThat(published).containsExactly("daily 2026-03-26 Europe/Paris at 2026-03-27T12:00:00Z");
  }

  @Test
  void aGuildNotRunHereIsTriedAgainEveryFiveMinutesUntilItIs() {
    answer = Outcome.NOT_HERE;
    settings(PARIS, DAILY);
    summaries.start(GUILD);
    scheduler.runDue();
    scheduler.advance(GuildSummaries.RETRY);
    answer = Outcome.POSTED;
    scheduler.advance(GuildSummaries.RETRY);
    scheduler.advance(GuildSummaries.RETRY);

    assertThat(published)
        .containsExactly(
            "daily 2026-03-26 Europe/Paris at 2026-03-27T12:00:00Z",
            "daily 2026-03-26 Europe/Paris at 2026-03-27T12:05:00Z",
            "daily 2026-03-26 Europe/Paris at 2026-03-27T12:10:00Z");
  }

  @Test
  void aFailingPeriodIsGivenUpAfterThreeAttemptsNotRetriedForever() {
    answer = Outcome.FAILED;
    settings(PARIS, DAILY);
    summaries.start(GUILD);

    runUntil("2026-03-27T22:00:00Z");

    assertThat(published).hasSize(GuildSummaries.ATTEMPTS);
    assertThat(scheduler.pending()).isEqualTo(1);
  }

  @Test
  void aStoppedGuildPostsNothingMore() {
    settings(PARIS, DAILY);
    summaries.join(GUILD);
    scheduler.runDue();

    summaries.stop(GUILD);
    runUntil("2026-03-30T00:00:00Z");

    assertThat(published).isEmpty();
    assertThat(scheduler.pending()).isZero();
  }
}
