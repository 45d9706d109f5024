package io.github.botconfig.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ThresholdTest {

  /**
   * Each threshold against each kind of report: a +15 % take-profit, a -15 % stop-loss, a +15 % and
   * a -4 % close without trigger, and a trigger with no percentage.
   */
  @ParameterizedTest(name = "{0} vs {1}% {2} -> {3}")
  @CsvSource(
      nullValues = "-",
      value = {
        // threshold, change %, trigger, met
        "none,  15,  TAKE_PROFIT, true",
        "none,  -15, STOP_LOSS,   true",
        "none,  -4,  -,           true",
        "none,  -,   -,           true",
        "0,     -4,  -,           true",
        "0,     0,   -,           true",
        "0,     -,   TAKE_PROFIT, false",
        "12.5,  15,  -,           true",
        "12.5,  -15, -,           true",
        "12.5,  12.5, -,          true",
        "12.5,  -12.5, -,         true",
        "12.5,  12.49, -,         false",
        "12.5,  -4,  -,           false",
        "12.5,  -,   TAKE_PROFIT, false",
        "12.5,  15,  TAKE_PROFIT, true",
        "TP,    15,  TAKE_PROFIT, true",
        "TP,    -15, STOP_LOSS,   false",
        "TP,    15,  -,           false",
        "TP,    -,   TAKE_PROFIT, true",
        "SL,    -15, STOP_LOSS,   true",
        "SL,    15,  TAKE_PROFIT, false",
        "SL,    -15, -,           false",
        "TP/SL, 15,  TAKE_PROFIT, true",
        "TP/SL, -15, STOP_LOSS,   true",
        "TP/SL, 15,  -,           false",
        "TP/SL, -4,  -,           false",
      })
  void thresholdSemantics(String threshold, Double change, Trigger trigger, boolean met) {
    OptionalDouble changePercent =
        change == null ? OptionalDouble.empty() : OptionalDouble.of(change);

    assertThat(Threshold.parse(threshold).isMetBy(changePercent, Optional.ofNullable(trigger)))
        .isEqualTo(met);
  }

  @ParameterizedTest
  @ValueSource(strings = {"none", "0", "12.5", "10", "0.000001", "1000000", "TP", "SL", "TP/SL"})
  void canonicalTextsRoundTrip(String text) {
    assertThat(Threshold.parse(text).toString()).isEqualTo(text);
    assertThat(Threshold.parse(Threshold.parse(text).toString())).isEqualTo(Threshold.parse(text));
  }

  @ParameterizedTest
  @CsvSource({
    "NONE, none",
    "tp, TP",
    "sl, SL",
    "tp/sl, TP/SL",
    "' 12.5 ', 12.5",
    "12.50, 12.5",
    "007, 7",
    "0.0, 0"
  })
  void otherSpellingsReadAsTheirCanonicalForm(String text, String canonical) {
    assertThat(Threshold.parse(text).toString()).isEqualTo(canonical);
  }

  @Test
  void kindsAndPercent() {
    assertThat(Threshold.parse("12.5").kind()).isEqualTo(Threshold.Kind.PERCENT);
    assertThat(Threshold.parse("12.5").percent()).hasValue(12.5);
    assertThat(Threshold.TAKE_PROFIT.percent()).isEmpty();
    assertThat(Threshold.parse("TP/SL").kind()).isEqualTo(Threshold.Kind.ANY_TRIGGER);
    assertThat(Threshold.percent(-0.0)).isEqualTo(Threshold.percent(0));
    assertThat(Threshold.percent(-0.0).toString()).isEqualTo("0");
  }

  @ParameterizedTest(name = "[{index}] ''{0}''")
  @ValueSource(
      strings = {
        "",
        "  ",
        "-5",
        "+5",
        "12,5",
        "12.5%",
        "NaN",
        "Infinity",
        "1e3",
        "TP-SL",
        "TPSL",
        "12.",
        ".5",
        "12.1234567",
        "10000000",
        "1000000.1",
        "🙂"
      })
  void anythingElseIsRefusedNamingTheValue(String text) {
    assertThatThrownBy(() -> Threshold.parse(text))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageStartingWith("threshold ")
        .hasMessageContaining(text.length() <= 64 ? "'" + text + "'" : text.substring(0, 64));
  }

  @Test
  void refusalSaysWhatIsAccepted() {
    assertThatThrownBy(() -> Threshold.parse("12,5"))
        .hasMessage(
            "threshold must be 'none', a percentage such as 12.5 (0 to 1000000), 'TP', 'SL' or 'TP/SL', got '12,5'");
  }

  @ParameterizedTest
  @ValueSource(
      doubles = {
        -1,
        -0.001,
        1_000_000.5,
        Double.NaN,
        Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY
      })
  void percentagesOutOfRangeAreRefused(double value) {
    assertThatThrownBy(() -> Threshold.percent(value))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageStartingWith("threshold percentage must be a number from 0 to 1000000, got ");
  }

  @Test
  void nanIsNamed() {
    assertThatThrownBy(() -> Threshold.percent(Double.NaN))
        .hasMessage("threshold percentage must be a number from 0 to 1000000, got 'NaN'");
  }
}
