package io.github.botconfig.bot.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.Reporters;
import io.github.botconfig.domain.testing.InMemoryConfigStore;
import io.github.botconfig.domain.testing.InstrumentedConfigStore;
import io.github.botconfig.domain.testing.InstrumentedConfigStore.Operation;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MessagePathTest {
  private static final long GUILD = 1;
  private static final long TRACKED = 10;
  private static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");
  private final InstrumentedConfigStore store =
      new InstrumentedConfigStore(new InMemoryConfigStore());
  private final MessagePath path = new MessagePath(store, AlertLimits.none());

  MessagePathTest() {
    store.delegate().saveChannel(ChannelConfig.of(GuildId.of(GUILD), ChannelId.of(TRACKED)));
  }

  private static PostedMessage posted(AuthorKind author, String text) {
    return new PostedMessage(GUILD, author, text, AT);
  }

  @Test
  void anUntrackedChannelIsOneLookupAndNoAnswer() {
    assertThat(path.trackedChannel(11)).isEmpty();
    assertThat(store.calls(Operation.FIND_CHANNEL)).isEqualTo(1);
    assertThat(store.totalCalls()).isEqualTo(1);
  }

  @Test
  void aWebhooksReportIsParsedOnceIntoTheBoardsResultAndTheAlert() {
    ChannelConfig channel = path.trackedChannel(TRACKED).orElseThrow();

    Decision decision = path.decide(channel, posted(AuthorKind.WEBHOOK, "Take profit: +12.5%"));

    assertThat(decision)
        .isInstanceOfSatisfying(
            Decision.Report.class,
            report -> {
              assertThat(report.result().changePercent()).hasValue(12.5);
              assertThat(report.at()).isEqualTo(AT);
              assertThat(report.alert()).get().extracting(Alert::report).isEqualTo(report.result());
            });
  }

  @ParameterizedTest(name = "{0} in a channel taking reports from {1}: a reporter? {2}")
  @CsvSource({
    "WEBHOOK, WEBHOOKS, true",
    "WEBHOOK, EVERYONE, true",
    "MEMBER, WEBHOOKS, false",
    "MEMBER, EVERYONE, true",
    "BOT, WEBHOOKS, false",
    "BOT, EVERYONE, false"
  })
  void theChannelSaysWhoseMessagesAreReports(
      AuthorKind author, Reporters reporters, boolean counts) {
    ChannelConfig channel = path.trackedChannel(TRACKED).orElseThrow().withReporters(reporters);

    Decision decision = path.decide(channel, posted(author, "Take profit: +12.5%"));

    assertThat(decision instanceof Decision.Report).isEqualTo(counts);
    if (!counts) {
      assertThat(decision).isEqualTo(Decision.Nothing.NOT_A_REPORTER);
    }
  }

  @Test
  void aTextThatIsNoReportIsNothing() {
    ChannelConfig channel = path.trackedChannel(TRACKED).orElseThrow();

    assertThat(path.decide(channel, posted(AuthorKind.WEBHOOK, "gm everyone")))
        .isEqualTo(Decision.Nothing.NOT_A_REPORT);
  }

  @Test
  void aChannelStoredUnderAnotherGuildAnswersNothing() {
    ChannelConfig channel = path.trackedChannel(TRACKED).orElseThrow();

    assertThat(
            path.decide(
                channel, new PostedMessage(GUILD + 1, AuthorKind.WEBHOOK, "Take profit +5%", AT)))
        .isEqualTo(Decision.Nothing.OTHER_GUILD);
  }

  @Test
  void aReportInAChannelWithoutCloseNotificationsStillReachesTheBoard() {
    ChannelConfig channel = path.trackedChannel(TRACKED).orElseThrow().withNotifyOnClose(false);

    assertThat(path.decide(channel, posted(AuthorKind.WEBHOOK, "Take profit +5%")))
        .isInstanceOfSatisfying(
            Decision.Report.class, report -> assertThat(report.alert()).isEmpty());
  }
}
