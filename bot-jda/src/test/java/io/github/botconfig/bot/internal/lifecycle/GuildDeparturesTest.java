package io.github.botconfig.bot.internal.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.botconfig.bot.internal.lifecycle.GuildPresence.Presence;
import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.ConfigConflictException;
import io.github.botconfig.domain.ConfigConflictException.Reason;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.GuildSettings;
import io.github.botconfig.domain.testing.InMemoryConfigStore;
import io.github.botconfig.domain.testing.InstrumentedConfigStore;
import io.github.botconfig.domain.testing.InstrumentedConfigStore.Operation;
import io.github.botconfig.domain.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GuildDeparturesTest {
  private static final Duration GRACE = Duration.ofDays(7);
  private static final GuildId GUILD = GuildId.of(100);
  private static final ChannelId CHANNEL = ChannelId.of(11);

  private final MutableClock clock = MutableClock.startingAt2026();
  private final InstrumentedConfigStore store =
      new InstrumentedConfigStore(new InMemoryConfigStore(clock));
  private final GuildDepartures departures = new GuildDepartures(store, clock, GRACE);
  private final Map<GuildId, Presence> presence = new HashMap<>();

  @Test
  void leavingAGuildRecordsWhenAndDeletesNothing() {
    store.saveChannel(ChannelConfig.of(GUILD, CHANNEL));

    assertThat(departures.departed(GUILD)).isTrue();

    assertThat(store.findSettings(GUILD).orElseThrow().departedAt()).contains(clock.instant());
    assertThat(store.findChannel(CHANNEL)).isPresent();
  }

  @Test
  void leavingAGuildWithNothingStoredWritesNothing() {
    assertThat(departures.departed(GUILD)).isFalse();
    assertThat(store.calls(Operation.SAVE_SETTINGS) + store.calls(Operation.REPLACE_SETTINGS))
        .isZero();
  }

  @Test
  void theGracePeriodCountsFromTheFirstDeparture() {
    store.saveChannel(ChannelConfig.of(GUILD, CHANNEL));
    Instant first = clock.instant();
    departures.departed(GUILD);
    clock.advance(Duration.ofDays(2));

    assertThat(departures.departed(GUILD)).isFalse();
    assertThat(store.findSettings(GUILD).orElseThrow().departedAt()).contains(first);
  }

  @Test
  void aDepartedGuildIsPurgedOnlyOnceTheGracePeriodIsOverAndItIsStillAbsent() {
    store.saveChannel(ChannelConfig.of(GUILD, CHANNEL));
    departures.departed(GUILD);
    presence.put(GUILD, Presence.ABSENT);

    clock.advance(GRACE.minusSeconds(1));
    assertThat(sweep().waiting()).containsExactly(GUILD);
    assertThat(store.findChannel(CHANNEL)).isPresent();

    clock.advance(Duration.ofSeconds(1));
    assertThat(sweep().purged()).containsExactly(GUILD);
    assertThat(store.findChannel(CHANNEL)).isEmpty();
    assertThat(store.findSettings(GUILD)).isEmpty();
  }

  @Test
  void rejoiningKeepsTheItemsAndClearsTheDeparture() {
    ChannelConfig channel = store.saveChannel(ChannelConfig.of(GUILD, CHANNEL));
    departures.departed(GUILD);

    assertThat(departures.returned(GUILD)).isTrue();
    clock.advance(GRACE.multipliedBy(2));
    presence.put(GUILD, Presence.ABSENT);

    assertThat(sweep().purged()).isEmpty();
    assertThat(store.findChannel(CHANNEL)).contains(channel);
    assertThat(store.findSettings(GUILD).orElseThrow().departedAt()).isEmpty();
  }

  @Test
  void aGuildFoundPresentAtTheSweepHasItsDepartureClearedInsteadOfPurged() {
    store.saveChannel(ChannelConfig.of(GUILD, CHANNEL));
    departures.departed(GUILD);
    clock.advance(GRACE.multipliedBy(2));
    presence.put(GUILD, Presence.PRESENT);

    SweepResult result = sweep();

    assertThat(result.returned()).containsExactly(GUILD);
    assertThat(result.purged()).isEmpty();
    assertThat(store.findChannel(CHANNEL)).isPresent();
  }

  @Test
  void aGuildOfUnknownPresenceIsLeftAlone() {
    store.saveChannel(ChannelConfig.of(GUILD, CHANNEL));
    departures.departed(GUILD);
    clock.advance(GRACE.multipliedBy(2));
    store.resetCounts();

    SweepResult result = sweep();

    assertThat(result).isEqualTo(new SweepResult(List.of(), List.of(), List.of(), List.of()));
    assertThat(store.calls(Operation.DELETE_GUILD)).isZero();
  }

  @Test
  void aGuildTheBotNeverSawLeaveIsKept() {
    store.saveChannel(ChannelConfig.of(GUILD, CHANNEL));
    presence.put(GUILD, Presence.ABSENT);
    clock.advance(GRACE.multipliedBy(10));

    assertThat(sweep().absentUnrecorded()).containsExactly(GUILD);
    assertThat(store.findChannel(CHANNEL)).isPresent();
    assertThat(store.calls(Operation.SAVE_SETTINGS) + store.calls(Operation.REPLACE_SETTINGS))
        .isZero();
  }

  @Test
  void recordingADepartureRetriesAfterAConcurrentWrite() {
    store.saveSettings(GuildSettings.defaults(GUILD));
    store.failNext(
        Operation.REPLACE_SETTINGS, new ConfigConflictException(Reason.VERSION_CHANGED, "test"));

    assertThat(departures.departed(GUILD)).isTrue();
    assertThat(store.calls(Operation.REPLACE_SETTINGS)).isEqualTo(2);
    assertThat(store.findSettings(GUILD).orElseThrow().departedAt()).isPresent();
  }

  @Test
  void aDeletedChannelIsUntrackedAndStopsBeingTheGlobalChannel() {
    store.saveChannel(ChannelConfig.of(GUILD, CHANNEL));
    store.saveSettings(GuildSettings.defaults(GUILD).withGlobalChannelId(CHANNEL));

    assertThat(departures.channelDeleted(GUILD, CHANNEL)).isTrue();

    assertThat(store.findChannel(CHANNEL)).isEmpty();
    assertThat(store.findSettings(GUILD).orElseThrow().globalChannelId()).isEmpty();
  }

  @Test
  void deletingAnUntrackedChannelWritesNothing() {
    store.saveChannel(ChannelConfig.of(GuildId.of(999), CHANNEL));

    assertThat(departures.channelDeleted(GUILD, CHANNEL)).isFalse();
    assertThat(store.calls(Operation.DELETE_CHANNEL)).isZero();
    assertThat(store.calls(Operation.SAVE_SETTINGS) + store.calls(Operation.REPLACE_SETTINGS))
        .isZero();
  }

  private SweepResult sweep() {
    return departures.sweep(Set.of(GUILD), g -> presence.getOrDefault(g, Presence.UNKNOWN));
  }
}
