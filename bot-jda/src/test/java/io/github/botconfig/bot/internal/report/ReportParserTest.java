package io.github.botconfig.bot.internal.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.botconfig.bot.report.ResultReport;
import io.github.botconfig.domain.Trigger;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ReportParserTest {

  @ParameterizedTest(name = "[{index}] {0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Position closed +12.5%            | 12.5",
        "Position closed -3 %              | -3",
        "Result: 12,5%                     | 12.5",
        "PnL −4.25 %                       | -4.25",
        "closed at (+0.5%)                 | 0.5",
        "target 10% reached, result +12.5% | 12.5",
        "target 10%, stop 5%               | 10",
        "-0%                               | 0",
      })
  void readsTheSignedPercentageAndPrefersASignedOne(String text, double expected) {
    assertThat(ReportParser.change(text)).hasValue(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"no number here", "version 12.5 released", "x12%", "1,234.5%", "%", "+%"})
  void findsNoPercentageWhereThereIsNone(String text) {
    assertThat(ReportParser.change(text)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Take profit hit",
        "TAKE-PROFIT",
        "takeprofit",
        "take_profit",
        "TP",
        "tp2 reached",
        "🎯 TP1 hit"
      })
  void readsEveryTakeProfitWording(String text) {
    assertThat(ReportParser.trigger(text)).contains(Trigger.TAKE_PROFIT);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"Stop loss hit", "STOP-LOSS", "stoploss", "stop_loss", "SL", "sl triggered"})
  void readsEveryStopLossWording(String text) {
    assertThat(ReportParser.trigger(text)).contains(Trigger.STOP_LOSS);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"STP", "slow market", "atp", "stop the loss", "TPS report", "take a profit"})
  void readsNoTriggerInsideOtherWords(String text) {
    assertThat(ReportParser.trigger(text)).isEmpty();
  }

  @Test
  void theFirstTriggerInTheTextWins() {
    assertThat(ReportParser.trigger("Closed by stop loss (take profit was 10%)"))
        .contains(Trigger.STOP_LOSS);
  }

  @Test
  void aMessageWithNeitherIsNotAReport() {
    assertThat(ReportParser.parse("gm everyone, markets look calm")).isEmpty();
  }

  @Test
  void aReportMayHaveOnlyATriggerOrOnlyAPercentage() {
    assertThat(ReportParser.parse("SL hit"))
        .contains(new ResultReport(OptionalDouble.empty(), Optional.of(Trigger.STOP_LOSS)));
    assertThat(ReportParser.parse("+7%")).contains(ResultReport.ofChange(7));
    assertThat(ReportParser.parse("Take profit: +15%"))
        .contains(ResultReport.ofChange(15, Trigger.TAKE_PROFIT));
  }
}
