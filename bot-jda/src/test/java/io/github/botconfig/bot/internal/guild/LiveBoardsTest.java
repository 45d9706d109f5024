package io.github.botconfig.bot.internal.guild;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.botconfig.bot.internal.report.ReportParser;
import io.github.botconfig.bot.report.ResultReport;
import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.ConfigConflictException;
import io.github.botconfig.domain.ConfigConflictException.Reason;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.GuildSettings;
import io.github.botconfig.domain.LiveBoard;
import io.github.botconfig.domain.StoreUnavailableException;
import io.github.botconfig.domain.testing.InMemoryConfigStore;
import io.github.botconfig.domain.testing.InstrumentedConfigStore;
import io.github.botconfig.domain.testing.InstrumentedConfigStore.Operation;
import io.github.botconfig.domain.testing.ManualScheduler;
import io.github.botconfig.domain.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The board's decisions against a Discord that records what it is asked, on the injected clock and
 * scheduler.
 */
class LiveBoardsTest {
  private static final GuildId GUILD = GuildId.of(1);
  private static final ChannelId GLOBAL = ChannelId.of(10);
  private static final ChannelId OTHER_GLOBAL = ChannelId.of(11);
  private static final ChannelId REPORTS = ChannelId.of(20);
  private static final ChannelId CHATTER = ChannelId.of(21);

  private final MutableClock clock = MutableClock.startingAt2026();
  private final ManualScheduler scheduler = new ManualScheduler(clock);
  private final InstrumentedConfigStore store =
      new InstrumentedConfigStore(new InMemoryConfigStore(clock));
  private final FakeGuild discord = new FakeGuild();
  private final GuildWarnings warnings = new GuildWarnings();
  private final LiveBoards boards =
      new LiveBoards(
          store,
          id -> discord.here ? Optional.of(discord) : Optional.empty(),
          warnings,
          clock,
          scheduler);

  LiveBoardsTest() {
    store.saveChannel(ChannelConfig.of(GUILD, REPORTS));
    store.saveChannel(ChannelConfig.of(GUILD, CHATTER));
    store.saveSettings(GuildSettings.defaults(GUILD).withGlobalChannelId(GLOBAL));
  }

  @AfterEach
  void close() {
    boards.close();
  }

  /** Discord for one guild: messages by id, and every call in order. */
  private static final class FakeGuild implements LiveBoards.GuildView {
    boolean here = true;
    Optional<String> problem = Optional.empty();
    final Map<ChannelId, LatestResult> history = new HashMap<>();
    final Set<Long> messages = new HashSet<>();
    final List<String> calls = new ArrayList<>();
    EmbedText last;
    private long nextId = 100;

    @Override
    public Optional<String> problem(GuildSettings settings) {
      return problem;
    }

    @Override
    public Map<ChannelId, LatestResult> latestResults(List<ChannelConfig> channels) {
      List<ChannelId> ids = channels.stream().map(ChannelConfig::channelId).toList();
      calls.add("history " + ids);
      Map<ChannelId, LatestResult> found = new HashMap<>(history);
      found.keySet().retainAll(ids);
      return found;
    }

    @Override
    public long post(ChannelId channelId, EmbedText board) {
      long id = nextId++;
      messages.add(id);
      last = board;
      calls.add("post " + id + " in " + channelId);
      return id;
    }

    @Override
    public boolean edit(ChannelId channelId, long messageId, EmbedText board) {
      calls.add("edit " + messageId);
      last = board;
      return messages.contains(messageId);
    }

    @Override
    public void delete(ChannelId channelId, long messageId) {
      calls.add("delete " + messageId);
      messages.remove(messageId);
    }
  }

  private void result(ChannelId channel, String text) {
    ReportParser.parse(text)
        .ifPresent(
            report ->
                boards.resultPosted(
                    store.findChannel(channel).orElseThrow(), report, clock.instant()));
  }

  private void changeSettings(UnaryOperator<GuildSettings> change) {
    store.saveSettings(change.apply(store.settingsOrDefaults(GUILD)));
    boards.changed(GUILD);
  }

  @Test
  void startingPostsTheBoardWithWhatTheHistoryHoldsAndStoresItsId() {
    discord.history.put(
        REPORTS,
        new LatestResult(REPORTS, ResultReport.ofChange(7), Instant.parse("2025-12-31T20:00:00Z")));

    boards.start(GUILD);
    scheduler.runDue();

    assertThat(discord.calls)
        .containsExactly("history [" + REPORTS + ", " + CHATTER + "]", "post 100 in " + GLOBAL);
    assertThat(discord.last.description())
        .isEqualTo("<#20> · 📈 **+7 %** · <t:1767211200:R>\n<#21> · no result yet");
    assertThat(store.findBoard(GUILD))
        .hasValueSatisfying(
            b -> {
              assertThat(b.channelId()).isEqualTo(GLOBAL);
              assertThat(b.messageId()).isEqualTo(100);
              assertThat(b.version()).isEqualTo(1);
            });
  }

  @Test
  void aBurstOfResultsWithinTenSecondsIsOneEditTenSecondsAfterTheFirst() {
    boards.start(GUILD);
    scheduler.runDue();
    discord.calls.clear();
    store.resetCounts();

    for (int i = 1; i <= 5; i++) {
      result(REPORTS, "Take profit +" + i + "%");
      scheduler.advance(Duration.ofSeconds(2));
    }

    assertThat(discord.calls).containsExactly("edit 100");
    assertThat(discord.last.description()).startsWith("<#20> · 📈 **+5 %** · take profit");
    assertThat(store.calls(Operation.SAVE_BOARD)).as("an edit writes nothing").isZero();
    scheduler.advance(Duration.ofMinutes(5));
    assertThat(discord.calls).hasSize(1);
  }

  @Test
  void aResultJustAfterAnEditWaitsTenSecondsNotLess() {
    boards.start(GUILD);
    scheduler.runDue();
    discord.calls.clear();

    result(REPORTS, "+1%");
    scheduler.advance(Duration.ofSeconds(10));
    result(REPORTS, "+2%");
    scheduler.advance(Duration.ofSeconds(9));
    assertThat(discord.calls).containsExactly("edit 100");
    scheduler.advance(Duration.ofSeconds(1));

    assertThat(discord.calls).containsExactly("edit 100", "edit 100");
  }

  @Test
  void aDeletedBoardIsPostedAgainAndItsNewIdStored() {
    boards.start(GUILD);
    scheduler.runDue();
    discord.messages.clear(); // someone deleted it

    boards.messageDeleted(GUILD, 100);
    scheduler.advance(LiveBoards.MIN_INTERVAL);

    assertThat(discord.calls).endsWith("edit 100", "post 101 in " + GLOBAL);
    assertThat(store.findBoard(GUILD).orElseThrow().messageId()).isEqualTo(101);
    assertThat(store.findBoard(GUILD).orElseThrow().version()).isEqualTo(2);
  }

  @Test
  void aDeletedMessageThatIsNotTheBoardChangesNothing() {
    boards.start(GUILD);
    scheduler.runDue();

    boards.messageDeleted(GUILD, 999);

    assertThat(scheduler.pending()).isZero();
  }

  @Test
  void aNewGlobalChannelMovesTheBoardAndTurningItOffRemovesIt() {
    boards.start(GUILD);
    scheduler.runDue();

    changeSettings(s -> s.withGlobalChannelId(OTHER_GLOBAL));
    scheduler.advance(LiveBoards.MIN_INTERVAL);
    assertThat(discord.calls).endsWith("delete 100", "post 101 in " + OTHER_GLOBAL);
    assertThat(store.findBoard(GUILD).orElseThrow().channelId()).isEqualTo(OTHER_GLOBAL);

    changeSettings(s -> s.withPositionDisplayEnabled(false));
    scheduler.advance(LiveBoards.MIN_INTERVAL);
    assertThat(discord.calls).endsWith("delete 101");
    assertThat(store.findBoard(GUILD)).isEmpty();
    assertThat(discord.messages).isEmpty();
  }

  @Test
  void withoutABoardAResultCostsOneSettingsLookupAndSchedulesNothing() {
    changeSettings(s -> s.withPositionDisplayEnabled(false));
    ChannelConfig reports = store.findChannel(REPORTS).orElseThrow();
    store.resetCounts();

    boards.resultPosted(reports, ResultReport.ofChange(12), clock.instant());

    assertThat(scheduler.pending()).isZero();
    assertThat(store.totalCalls()).isEqualTo(1);
  }

  @Test
  void aGlobalChannelThatCannotTakeTheBoardIsReportedAndNothingIsPosted() {
    discord.problem = Optional.of("the global channel <#10> no longer exists");

    boards.start(GUILD);
    scheduler.runDue();
    result(REPORTS, "+1%");
    scheduler.advance(LiveBoards.MIN_INTERVAL);

    assertThat(discord.calls).isEmpty();
    assertThat(warnings.problem(GUILD, GuildWarnings.Feature.BOARD)).isEqualTo(discord.problem);
  }

  @Test
  void aBoardPostedWhileTheStoreIsDownIsEditedAndStoredLaterNotPostedAgain() {
    store.failNext(Operation.SAVE_BOARD, new StoreUnavailableException("down (test)"));
    boards.start(GUILD);
    scheduler.runDue();
    assertThat(store.findBoard(GUILD)).isEmpty();

    result(REPORTS, "+1%");
    scheduler.advance(LiveBoards.MIN_INTERVAL);

    assertThat(discord.calls)
        .containsExactly(
            "history [" + REPORTS + ", " + CHATTER + "]", "post 100 in " + GLOBAL, "edit 100");
    assertThat(store.findBoard(GUILD).orElseThrow().messageId()).isEqualTo(100);
  }

  @Test
  void aBoardStoredByAnotherWriterMeanwhileIsReadAgainAndReplaced() {
    store.failNext(
        Operation.SAVE_BOARD,
        new ConfigConflictException(Reason.VERSION_CHANGED, "changed (test)"));

    boards.start(GUILD);
    scheduler.runDue();

    assertThat(store.calls(Operation.SAVE_BOARD)).isEqualTo(2);
    assertThat(store.calls(Operation.FIND_BOARD))
        .as("read again after the conflict")
        .isGreaterThanOrEqualTo(3);
    assertThat(store.findBoard(GUILD).orElseThrow().messageId()).isEqualTo(100);
  }

  @Test
  void aGuildNotRunHereIsLeftToItsOwner() {
    discord.here = false;

    boards.start(GUILD);
    scheduler.runDue();

    assertThat(discord.calls).isEmpty();
    assertThat(store.findBoard(GUILD)).isEmpty();
  }

  @Test
  void aStoppedGuildsPendingEditIsDropped() {
    boards.start(GUILD);
    scheduler.runDue();
    result(REPORTS, "+1%");

    boards.stop(GUILD);
    scheduler.advance(Duration.ofMinutes(1));

    assertThat(discord.calls).doesNotContain("edit 100");
    assertThat(store.findBoard(GUILD)).isPresent();
  }

  @Test
  void aStoredBoardIsEditedInPlaceAfterARestart() {
    LiveBoard stored = store.saveBoard(LiveBoard.of(GUILD, GLOBAL, 42));
    discord.messages.add(42L);

    boards.start(GUILD);
    scheduler.runDue();

    assertThat(discord.calls).endsWith("edit 42");
    assertThat(store.findBoard(GUILD)).contains(stored);
  }
}
