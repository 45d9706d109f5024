package io.github.botconfig.bot.internal.guild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import io.github.botconfig.bot.report.ResultReport;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.Trigger;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SummaryTextTest {
  private static final SummaryPeriod MARCH_29 =
      new SummaryPeriod(SummaryKind.DAILY, LocalDate.of(2026, 3, 29), ZoneId.of("Europe/Paris"));

  @Test
  void aTallyCountsWinsLossesAndThePercentagesGiven() {
    ResultTally tally =
        ResultTally.of(
            List.of(
                ResultReport.ofChange(12.5, Trigger.TAKE_PROFIT),
                ResultReport.ofChange(-3),
                ResultReport.ofChange(0),
                ResultReport.ofTrigger(Trigger.STOP_LOSS),
                ResultReport.ofChange(1.0 / 3)));

    assertThat(tally.results()).isEqualTo(5);
    assertThat(tally.wins()).isEqualTo(3);
    assertThat(tally.losses()).isEqualTo(2);
    assertThat(tally.best()).hasValue(12.5);
    assertThat(tally.worst()).hasValue(-3);
    assertThat(tally.average().getAsDouble()).isCloseTo((12.5 - 3 + 0 + 1.0 / 3) / 4, offset(1e-9));
    assertThat(tally.text())
        .isEqualTo(
            "**5** results · 3 wins · 2 losses\nbest **+12.5 %** · worst **-3 %** · average **+2.46 %**");
  }

  @Test
  void noResultAndTriggersWithoutPercentagesReadPlainly() {
    assertThat(ResultTally.of(List.of()).text()).isEqualTo("no result");
    assertThat(ResultTally.of(List.of(ResultReport.ofTrigger(Trigger.TAKE_PROFIT))).text())
        .isEqualTo("**1** result · 1 win · 0 losses");
  }

  @Test
  void aSummaryHasTheTotalsAFieldPerChannelAndAFooterThatNamesThePeriod() {
    EmbedText text =
        SummaryText.of(
            MARCH_29,
            List.of(
                new ChannelSummary(
                    ChannelId.of(1),
                    "reports",
                    ResultTally.of(List.of(ResultReport.ofChange(4))),
                    Optional.empty()),
                new ChannelSummary(
                    ChannelId.of(2),
                    "quiet",
                    ResultTally.of(List.of()),
                    Optional.of("I need the **Read Message History** permission"))));

    assertThat(text.title()).isEqualTo("Daily summary · Sunday 29 March 2026");
    assertThat(text.description())
        .isEqualTo("**1** result · 1 win · 0 losses in 2 tracked channels.");
    assertThat(text.fields())
        .containsExactly(
            new EmbedText.Field(
                "#reports",
                "**1** result · 1 win · 0 losses\nbest **+4 %** · worst **+4 %** · average **+4 %**"),
            new EmbedText.Field(
                "#quiet", "no result\n⚠️ I need the **Read Message History** permission"));
    assertThat(text.footer()).contains("daily 2026-03-29 · Europe/Paris");
    assertThat(SummaryText.isFooterOf(MARCH_29, "daily 2026-03-29 · America/New_York")).isTrue();
    assertThat(SummaryText.isFooterOf(MARCH_29, "daily 2026-03-2 · Europe/Paris")).isFalse();
    assertThat(SummaryText.isFooterOf(MARCH_29.previous(), text.footer().orElseThrow())).isFalse();
  }

  @Test
  void aQuietPeriodAndAGuildWithoutChannelsSaySo() {
    assertThat(SummaryText.of(MARCH_29, List.of()).description())
        .isEqualTo("No channel is tracked in this server.");
    assertThat(
            SummaryText.of(
                    MARCH_29,
                    List.of(
                        new ChannelSummary(
                            ChannelId.of(1),
                            "reports",
                            ResultTally.of(List.of()),
                            Optional.empty())))
                .description())
        .isEqualTo("No result was reported in the 1 tracked channel.");
  }

  @Test
  void beyondTwentyFiveChannelsTheRestIsCountedNotShown() {
    List<ChannelSummary> channels = new ArrayList<>();
    for (int i = 1; i <= 30; i++) {
      channels.add(
          new ChannelSummary(
              ChannelId.of(i), "c" + i, ResultTally.of(List.of()), Optional.empty()));
    }

    EmbedText text = SummaryText.of(MARCH_29, channels);

    assertThat(text.fields()).hasSize(EmbedText.MAX_FIELDS);
    assertThat(text.description()).endsWith("\n… and 5 more channels, not shown.");
  }

  @Test
  void longFieldsStopBeforeTheEmbedOutgrowsDiscordsLimit() {
    List<ChannelSummary> channels = new ArrayList<>();
    String note =
        "I need the **Read Message History** permission in this channel: its results are not counted";
    ResultTally tally =
        ResultTally.of(List.of(ResultReport.ofChange(12.125), ResultReport.ofChange(-3.5)));
    for (int i = 1; i <= 25; i++) {
      channels.add(
          new ChannelSummary(
              ChannelId.of(i), "a-rather-long-channel-name-" + i, tally, Optional.of(note)));
    }

    EmbedText text = SummaryText.of(MARCH_29, channels);

    assertThat(text.length()).isLessThanOrEqualTo(EmbedText.MAX_TOTAL);
    assertThat(text.fields().size()).isLessThan(25);
    assertThat(text.description()).endsWith("more channels, not shown.");
  }
}
