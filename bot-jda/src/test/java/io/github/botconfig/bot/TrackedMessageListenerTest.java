package io.github.botconfig.bot;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.botconfig.bot.guild.GuildWarnings;
import io.github.botconfig.bot.guild.LiveBoards;
import io.github.botconfig.bot.report.Alert;
import io.github.botconfig.bot.testing.ErrorLogTrap;
import io.github.botconfig.bot.testing.FakeDiscord;
import io.github.botconfig.bot.testing.ManualScheduler;
import io.github.botconfig.cache.ConfigCache;
import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.testing.InMemoryConfigStore;
import io.github.botconfig.domain.testing.InstrumentedConfigStore;
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
  private static final long MEMBER = 1_300_000_000_000_000_030L;

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

  @BeforeEach
  void receiveMessagesThenStopJda() throws Exception {
    store.saveChannel(ChannelConfig.of(GuildId.of(GUILD), ChannelId.of(TRACKED)));
    try (FakeDiscord discord = FakeDiscord.start()) {
      discord
          .guild(GUILD, "Trading")
          .textChannel(TRACKED, "reports")
          .textChannel(UNTRACKED, "chatter")
          .member(MEMBER, "bob");
      try (ReceivedMessages messages = ReceivedMessages.from(discord)) {
        report = messages.webhook(TRACKED, "Position closed by take profit: +12.5%");
        chat = messages.member(TRACKED, MEMBER, "anything new today?");
        untracked = messages.webhook(UNTRACKED, "Position closed by take profit: +50%");
      }
    }
    cache = ConfigCache.builder(store).clock(clock).changePollInterval(Duration.ZERO).build();
    assertThat(cache.start().isLoaded()).isTrue();
    boards =
        new LiveBoards(cache, guild -> Optional.empty(), new GuildWarnings(), clock, scheduler);
    listener = new TrackedMessageListener(cache, (message, alert) -> published.add(alert), boards);
    store.resetCounts();
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
}
