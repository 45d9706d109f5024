package io.github.botconfig.bot.internal.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.botconfig.bot.report.Alert;
import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.Tag;
import io.github.botconfig.domain.Threshold;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AlertPolicyTest {
  private static final Tag ROLE = Tag.role(42);

  /**
   * The reports of the table, by name: a big profit, a small loss, a take-profit, a stop-loss, and
   * chatter.
   */
  private static final Map<String, String> MESSAGES =
      Map.of(
          "profit", "Position closed +12.5%",
          "loss", "Position closed -3 %",
          "TP", "Take profit hit: +15%",
          "SL", "Stop loss hit: -8%",
          "no report", "gm, no trade today");

  /** Which reports meet each threshold (10 % for the percentage kind). */
  private static final Map<Threshold, Set<String>> MEETS =
      Map.of(
          Threshold.NONE,
          Set.of("profit", "loss", "TP", "SL"),
          Threshold.percent(10),
          Set.of("profit", "TP"),
          Threshold.TAKE_PROFIT,
          Set.of("TP"),
          Threshold.STOP_LOSS,
          Set.of("SL"),
          Threshold.ANY_TRIGGER,
          Set.of("TP", "SL"));

  static Stream<Arguments> everyThresholdTimesEveryReportTimesNotifyOnClose() {
    List<Arguments> rows = new ArrayList<>();
    for (Map.Entry<Threshold, Set<String>> threshold : MEETS.entrySet()) {
      for (String report : MESSAGES.keySet()) {
        for (boolean notify : new boolean[] {true, false}) {
          boolean answered = notify && !report.equals("no report");
          boolean met = threshold.getValue().contains(report);
          rows.add(Arguments.of(threshold.getKey(), report, notify, answered, met));
        }
      }
    }
    return rows.stream();
  }

  @ParameterizedTest(name = "threshold {0}, {1}, notifyOnClose {2} -> answered {3}, met {4}")
  @MethodSource("everyThresholdTimesEveryReportTimesNotifyOnClose")
  void mentionsAndPinsOnlyWhenTheThresholdIsMet(
      Threshold threshold, String report, boolean notify, boolean answered, boolean met) {
    ChannelConfig channel =
        ChannelConfig.of(GuildId.of(1), ChannelId.of(2))
            .withThreshold(threshold)
            .withNotifyOnClose(notify)
            .withTag(ROLE)
            .withPin(true)
            .withImage(true);

    Optional<Alert> alert = decide(channel, MESSAGES.get(report));

    assertThat(alert.isPresent()).isEqualTo(answered);
    alert.ifPresent(
        a -> {
          assertThat(a.thresholdMet()).isEqualTo(met);
          assertThat(a.mention()).isEqualTo(met ? Optional.of(ROLE) : Optional.empty());
          assertThat(a.pin()).isEqualTo(met);
          assertThat(a.image()).isTrue();
          assertThat(a.text().contains(ROLE.mention())).isEqualTo(met);
        });
  }

  @Test
  void aChannelWithoutPinOrTagNeverPinsOrMentions() {
    ChannelConfig channel = ChannelConfig.of(GuildId.of(1), ChannelId.of(2));

    Alert alert = decide(channel, "+50%").orElseThrow();

    assertThat(alert.thresholdMet()).isTrue();
    assertThat(alert.mention()).isEmpty();
    assertThat(alert.pin()).isFalse();
    assertThat(alert.image()).isFalse();
  }

  @Test
  void theTextGivesTheResultTheTriggerAndWhyNobodyWasMentioned() {
    ChannelConfig channel =
        ChannelConfig.of(GuildId.of(1), ChannelId.of(2))
            .withThreshold(Threshold.percent(20))
            .withTag(ROLE);

    assertThat(decide(channel, "Take profit: +25%").orElseThrow().text())
        .isEqualTo("📈 Profit **+25 %** · take profit <@&42>");
    assertThat(decide(channel, "closed -3 %").orElseThrow().text())
        .isEqualTo("📉 Loss **-3 %** (below the 20 % threshold)");
    assertThat(decide(channel, "SL hit").orElseThrow().text())
        .isEqualTo("📉 Loss · stop loss (below the 20 % threshold)");
  }

  @Test
  void anEveryoneTagStoredByAnotherWriterMentionsNobody() {
    ChannelConfig channel =
        ChannelConfig.of(GuildId.of(1), ChannelId.of(2)).withTag(Tag.role(1)).withPin(true);

    Alert alert = decide(channel, "+50%").orElseThrow();

    assertThat(alert.mention()).isEmpty();
    assertThat(alert.text()).doesNotContain("<@&1>");
    assertThat(alert.pin()).isTrue();
  }

  /** The text parsed as the message path parses it, then the policy. */
  private static Optional<Alert> decide(ChannelConfig channel, String text) {
    return ReportParser.parse(text).flatMap(report -> AlertPolicy.decide(channel, report));
  }
}
