package io.github.botconfig.bot.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.botconfig.bot.report.AlertLimits.Rate;
import io.github.botconfig.domain.Tag;
import io.github.botconfig.domain.Threshold;
import io.github.botconfig.domain.testing.MutableClock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AlertLimitsTest {
  private static final long CHANNEL = 10;
  private static final long OTHER_CHANNEL = 11;
  private final MutableClock clock = MutableClock.startingAt2026();
  private final AlertLimits limits =
      new AlertLimits(
          new Rate(3, Duration.ofSeconds(10)), new Rate(1, Duration.ofMinutes(5)), clock);

  private static Alert plain() {
    return new Alert(
        ResultReport.ofChange(5), Threshold.NONE, true, Optional.empty(), false, false, false);
  }

  private static Alert mentioning() {
    return new Alert(
        ResultReport.ofChange(5),
        Threshold.NONE,
        true,
        Optional.of(Tag.role(7)),
        true,
        false,
        false);
  }

  @Test
  void aBurstGoesOutThenOneAlertPerPeriod() {
    for (int i = 0; i < 3; i++) {
      assertThat(limits.admit(CHANNEL, plain())).as("alert %d of the burst", i).isPresent();
    }
    assertThat(limits.admit(CHANNEL, plain())).isEmpty();

    clock.advance(Duration.ofSeconds(9));
    assertThat(limits.admit(CHANNEL, plain())).isEmpty();
    clock.advance(Duration.ofSeconds(1));
    assertThat(limits.admit(CHANNEL, plain())).isPresent();
    assertThat(limits.admit(CHANNEL, plain())).isEmpty();
  }

  @Test
  void aQuietChannelRefillsItsWholeBurstAndNoMore() {
    for (int i = 0; i < 3; i++) {
      limits.admit(CHANNEL, plain());
    }
    clock.advance(Duration.ofHours(1));

    for (int i = 0; i < 3; i++) {
      assertThat(limits.admit(CHANNEL, plain())).isPresent();
    }
    assertThat(limits.admit(CHANNEL, plain())).isEmpty();
  }

  @Test
  void overTheMentionLimitTheAlertGoesOutWithoutMentionOrPinAndSaysSo() {
    assertThat(limits.admit(CHANNEL, mentioning())).contains(mentioning());

    Alert held = limits.admit(CHANNEL, mentioning()).orElseThrow();

    assertThat(held.mention()).isEmpty();
    assertThat(held.pin()).isFalse();
    assertThat(held.held()).isTrue();
    assertThat(held.text()).endsWith("(no mention or pin: too many in this channel lately)");
    clock.advance(Duration.ofMinutes(5));
    assertThat(limits.admit(CHANNEL, mentioning())).contains(mentioning());
  }

  @Test
  void alertsWithoutMentionUseNoMentionToken() {
    limits.admit(CHANNEL, plain());
    limits.admit(CHANNEL, plain());

    assertThat(limits.admit(CHANNEL, mentioning())).contains(mentioning());
  }

  @Test
  void eachChannelHasItsOwnBuckets() {
    for (int i = 0; i < 3; i++) {
      limits.admit(CHANNEL, mentioning());
    }

    assertThat(limits.admit(OTHER_CHANNEL, mentioning())).contains(mentioning());
  }

  @Test
  void noLimitsLetEverythingThrough() {
    AlertLimits none = AlertLimits.none();
    for (int i = 0; i < 1_000; i++) {
      assertThat(none.admit(CHANNEL, mentioning())).contains(mentioning());
    }
  }

  @Test
  void theDefaultsAreAWaveOfAlertsAndAFewMentions() {
    AlertLimits defaults = AlertLimits.defaults(clock);
    int answered = 0;
    int highlighted = 0;
    for (int i = 0; i < 100; i++) {
      Optional<Alert> alert = defaults.admit(CHANNEL, mentioning());
      if (alert.isPresent()) {
        answered++;
        highlighted += alert.get().highlights() ? 1 : 0;
      }
    }

    assertThat(answered).isEqualTo(AlertLimits.DEFAULT_ALERTS.burst());
    assertThat(highlighted).isEqualTo(AlertLimits.DEFAULT_MENTIONS.burst());
  }

  @Test
  void aRateNamesItsBadValue() {
    assertThatThrownBy(() -> new Rate(0, Duration.ofSeconds(1)))
        .hasMessage("a rate's burst must be 1 or more, got 0");
    assertThatThrownBy(() -> new Rate(1, Duration.ofSeconds(-1)))
        .hasMessage("a rate's period must be 0 or more, got PT-1S");
  }
}
