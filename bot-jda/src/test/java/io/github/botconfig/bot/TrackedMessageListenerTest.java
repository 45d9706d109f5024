package io.github.botconfig.bot;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.botconfig.bot.internal.guild.GuildWarnings;
import io.github.botconfig.bot.internal.guild.LiveBoards;
import io.github.botconfig.bot.report.Alert;
import io.github.botconfig.bot.report.AlertLimits;
import io.github.botconfig.bot.report.MessagePath;
import io.github.botconfig.bot.testing.ErrorLogTrap;
import io.github.botconfig.bot.testing.FakeDiscord;
import io.github.botconfig.cache.ConfigCache;
import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.Reporters;
import io.github.botconfig.domain.Tag;
import io.github.botconfig.domain.testing.InMemoryConfigStore;
import io.github.botconfig.domain.testing.InstrumentedConfigStore;
import io.github.botconfig.domain.testing.ManualScheduler;
import io.github.botconfig.domain.testing.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The listener alone, fed events that JDA made and that outlive it ({@link ReceivedMessages}), as
 * {@code MessagePathBenchmark} feeds them: what reaches the publisher, and what the message costs
 * the store.
 */
class TrackedMessageListenerTest {
  private static final long GUILD = 1_300_000_000_000_000_000L;
  private static final long TRACKED = 1_300_000_000_000_000_010L;
  private static final long UNTRACKED = 1_300_000_000_000_000_011L;
  private static final long OPEN = 1_300_000_000_000_000_012L;
  private static final long FORGED = 1_300_000_000_000_000_013L;
  private static final long LOUD = 1_300_000_000_000_000_014L;
  private static final long MEMBER = 1_300_000_000_000_000_030L;
  private static final long OTHER_GUILD = 1_400_000_000_000_000_000L;
  private static final long ROLE = 1_300_000_000_000_000_040L;

  @RegisterExtension final ErrorLogTrap errors = new ErrorLogTrap();

  private final MutableClock clock = MutableClock.startingAt2026();
  private final ManualScheduler scheduler = new ManualScheduler(clock);
  private final InstrumentedConfigStore store =
      new InstrumentedConfigStore(new InMemoryConfigStore(clock));
  private final List<Alert> published = new ArrayList<>();
  private ConfigCache cache;
  private LiveBoards boards;
  private TrackedMessageListener listener;
  private MessageReceivedEvent report;
  private MessageReceivedEvent chat;
  private MessageReceivedEvent untracked;
  private MessageReceivedEvent memberReport;
  private MessageReceivedEvent memberReportInOpen;
  private MessageReceivedEvent forged;
  private MessageReceivedEvent loud;

  @BeforeEach
  void receiveMessagesThenStopJda() throws Exception {
    store.saveChannel(ChannelConfig.of(GuildId.of(GUILD), ChannelId.of(TRACKED)));
    store.saveChannel(
        ChannelConfig.of(GuildId.of(GUILD), ChannelId.of(OPEN)).withReporters(Reporters.EVERYONE));
    // Stored under a guild the channel is not in: as an import or old data can leave it.
    store.saveChannel(ChannelConfig.of(GuildId.of(OTHER_GUILD), ChannelId.of(FORGED)));
    store.saveChannel(
        ChannelConfig.of(GuildId.of(GUILD), ChannelId.of(LOUD))
            .withTag(Tag.role(ROLE))
            .withPin(true));
    try (FakeDiscord discord = FakeDiscord.start()) {
      discord
          .guild(GUILD, "Trading")
          .textChannel(TRACKED, "reports")
          .textChannel(UNTRACKED, "chatter")
          .textChannel(OPEN, "open")
          .textChannel(FORGED, "forged")
          .textChannel(LOUD, "loud")
          .member(MEMBER, "bob");
      try (ReceivedMessages messages = ReceivedMessages.from(discord)) {
        report = messages.webhook(TRACKED, "Position closed by take profit: +12.5%");
        chat = messages.member(TRACKED, MEMBER, "anything new today?");
        untracked = messages.webhook(UNTRACKED, "Position closed by take profit: +50%");
        memberReport = messages.member(TRACKED, MEMBER, "Take profit +12%");
        memberReportInOpen = messages.member(OPEN, MEMBER, "Take profit +12%");
        forged = messages.webhook(FORGED, "Take profit +12%");
        loud = messages.webhook(LOUD, "Take profit +12%");
      }
    }
    cache = ConfigCache.builder(store).clock(clock).changePollInterval(Duration.ZERO).build();
    assertThat(cache.start().isLoaded()).isTrue();
    boards =
        new LiveBoards(cache, guild -> Optional.empty(), new GuildWarnings(), clock, scheduler);
    listener = listener(AlertLimits.none());
    store.resetCounts();
  }

  private TrackedMessageListener listener(AlertLimits limits) {
    return new TrackedMessageListener(
        cache, limits, (message, alert) -> published.add(alert), boards);
  }

  @AfterEach
  void close() {
    boards.close();
    cache.close();
    scheduler.shutdownNow();
  }

  @Test
  void aReportInATrackedChannelReachesThePublisherWithItsAlert() {
    listener.onEvent(report);

    assertThat(published)
        .singleElement()
        .satisfies(
            alert -> {
              assertThat(alert.report().changePercent()).hasValue(12.5);
              assertThat(alert.text()).startsWith("📈 Profit **+12.5 %**");
            });
    assertThat(store.totalCalls()).isZero();
  }

  @Test
  void replayingAReportAnswersItEachTime() {
    listener.onEvent(report);
    listener.onEvent(report);

    assertThat(published).hasSize(2);
  }

  @Test
  void chatInATrackedChannelAndAReportInAnUntrackedOneReachNoPublisherAndNoStore() {
    listener.onEvent(chat);
    listener.onEvent(untracked);

    assertThat(published).isEmpty();
    assertThat(cache.stats().hits()).isEqualTo(1);
    assertThat(cache.stats().misses()).isEqualTo(1);
    assertThat(store.totalCalls()).isZero();
    assertThat(scheduler.pending()).isZero(); // no board: nothing scheduled either
  }

  @Test
  void aMessagesTimeIsReadFromItsIdAsJdaReadsIt() {
    for (MessageReceivedEvent event : List.of(report, chat, untracked)) {
      assertThat(ChannelHistory.createdAt(event.getMessage()))
          .isEqualTo(event.getMessage().getTimeCreated().toInstant());
    }
  }

  @Test
  void aMembersReportCountsOnlyWhereTheChannelTakesReportsFromEveryone() {
    listener.onEvent(memberReport);
    assertThat(published).as("webhooks only, the default").isEmpty();

    listener.onEvent(memberReportInOpen);
    assertThat(published).singleElement().satisfies(a -> assertThat(a.text()).contains("+12 %"));
    assertThat(store.totalCalls()).isZero();
  }

  @Test
  void aMessageFromAnotherGuildThanTheStoredOneIsDroppedAndLoggedOnce() {
    listener.onEvent(forged);
    listener.onEvent(forged);

    assertThat(published).isEmpty();
    assertThat(errors.warnings())
        .singleElement()
        .satisfies(
            line ->
                assertThat(line)
                    .startsWith(MessagePath.class.getName())
                    .contains(
                        "channel " + FORGED + " is stored under guild " + OTHER_GUILD,
                        "come from guild " + GUILD));
    assertThat(scheduler.pending()).as("no board of the other guild").isZero();
  }

  @Test
  void aChannelsAlertsAndMentionsStopAtTheirLimitsAndComeBackWithTime() {
    TrackedMessageListener limited =
        listener(
            new AlertLimits(
                new AlertLimits.Rate(3, Duration.ofSeconds(10)),
                new AlertLimits.Rate(2, Duration.ofMinutes(1)),
                clock));

    for (int i = 0; i < 5; i++) {
      limited.onEvent(loud);
    }

    assertThat(published).hasSize(3);
    assertThat(published).extracting(Alert::highlights).containsExactly(true, true, false);
    assertThat(published.get(2).text()).contains("no mention or pin: too many in this channel");
    assertThat(published.get(2).pin()).isFalse();

    clock.advance(Duration.ofSeconds(10));
    limited.onEvent(loud);
    assertThat(published).hasSize(4);
    assertThat(published.get(3).highlights()).as("mentions come back more slowly").isFalse();

    clock.advance(Duration.ofMinutes(1));
    limited.onEvent(loud);
    assertThat(published.get(4).mention()).contains(Tag.role(ROLE));
  }
}
