package io.github.botconfig.domain.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.ConfigConflictException;
import io.github.botconfig.domain.ConfigConflictException.Reason;
import io.github.botconfig.domain.ConfigSnapshot;
import io.github.botconfig.domain.ConfigStore;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.GuildSettings;
import io.github.botconfig.domain.InvalidConfigException;
import io.github.botconfig.domain.LiveBoard;
import io.github.botconfig.domain.SummaryPreferences;
import io.github.botconfig.domain.Tag;
import io.github.botconfig.domain.Threshold;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ConfigStore} must do. A store's test extends this class and says how to make an
 * empty store; every test here then runs against it.
 *
 * <pre>{@code
 * class MyStoreContractTest extends ConfigStoreContract {
 *   @Override
 *   protected ConfigStore newEmptyStore(Clock clock) {
 *     return new MyStore(clock);
 *   }
 * }
 * }</pre>
 */
public abstract class ConfigStoreContract {
  protected static final GuildId GUILD = GuildId.of("1180586412434817024");
  protected static final GuildId OTHER_GUILD = GuildId.of("1180586412434817999");
  protected static final ChannelId CHANNEL = ChannelId.of("1180586500000000001");
  protected static final ChannelId CHANNEL_2 = ChannelId.of("1180586500000000002");
  protected static final ChannelId CHANNEL_3 = ChannelId.of("1180586500000000003");
  protected static final long MESSAGE = 1180586600000000001L;
  protected static final long MESSAGE_2 = 1180586600000000002L;

  protected final MutableClock clock = MutableClock.startingAt2026();
  protected ConfigStore store;

  /**
   * Returns a store holding nothing, whose times come from {@code clock}. Called before every test.
   */
  protected abstract ConfigStore newEmptyStore(Clock clock);

  @BeforeEach
  void createStore() {
    store = newEmptyStore(clock);
  }

  @Test
  void emptyStoreFindsNothing() {
    assertThat(store.findChannel(CHANNEL)).isEmpty();
    assertThat(store.findChannels(GUILD)).isEmpty();
    assertThat(store.findSettings(GUILD)).isEmpty();
    assertThat(store.settingsOrDefaults(GUILD)).isEqualTo(GuildSettings.defaults(GUILD));
    assertThat(store.loadAll()).isEqualTo(ConfigSnapshot.empty());
  }

  @Test
  void savingANewChannelStoresVersionOneWithBothTimesNow() {
    ChannelConfig saved = store.saveChannel(ChannelConfig.of(GUILD, CHANNEL).withPin(true));

    assertThat(saved.version()).isEqualTo(1);
    assertThat(saved.createdAt()).isEqualTo(clock.instant());
    assertThat(saved.updatedAt()).isEqualTo(clock.instant());
    assertThat(saved.pin()).isTrue();
    assertThat(store.findChannel(CHANNEL)).contains(saved);
    assertThat(store.findChannels(GUILD)).containsExactly(saved);
  }

  @Test
  void updatingKeepsCreatedAtSetsUpdatedAtAndBumpsTheVersion() {
    ChannelConfig first = store.saveChannel(ChannelConfig.of(GUILD, CHANNEL));
    clock.advance(Duration.ofMinutes(5));

    ChannelConfig second = store.saveChannel(first.withImage(true));

    assertThat(second.version()).isEqualTo(2);
    assertThat(second.createdAt()).isEqualTo(first.createdAt());
    assertThat(second.updatedAt()).isEqualTo(first.createdAt().plus(Duration.ofMinutes(5)));
    assertThat(store.findChannel(CHANNEL)).contains(second);
  }

  @Test
  void timesGivenByTheWriterAreIgnored() {
    ChannelConfig saved =
        store.saveChannel(
            ChannelConfig.of(GUILD, CHANNEL)
                .withCreatedAt(Instant.parse("2000-01-01T00:00:00Z"))
                .withUpdatedAt(Instant.parse("2000-01-01T00:00:00Z")));

    assertThat(saved.createdAt()).isEqualTo(clock.instant());
    assertThat(saved.updatedAt()).isEqualTo(clock.instant());
  }

  @Test
  void timesAreKeptToTheMillisecond() {
    clock.set(Instant.parse("2026-03-04T05:06:07.123456789Z"));

    ChannelConfig saved = store.saveChannel(ChannelConfig.of(GUILD, CHANNEL));

    assertThat(saved.updatedAt()).isEqualTo(Instant.parse("2026-03-04T05:06:07.123Z"));
    assertThat(store.findChannel(CHANNEL).orElseThrow().updatedAt()).isEqualTo(saved.updatedAt());
  }

  @Test
  void everyOptionRoundTrips() {
    List<ChannelConfig> variants = new ArrayList<>();
    long id = 1180586500000000100L;
    for (Threshold threshold :
        List.of(
            Threshold.NONE,
            Threshold.percent(0),
            Threshold.percent(12.5),
            Threshold.percent(100),
            Threshold.TAKE_PROFIT,
            Threshold.STOP_LOSS,
            Threshold.ANY_TRIGGER)) {
      for (Optional<Tag> tag :
          List.of(
              Optional.<Tag>empty(),
              Optional.of(Tag.user(Long.MAX_VALUE)),
              Optional.of(Tag.role(42)))) {
        variants.add(
            ChannelConfig.builder()
                .guildId(GUILD)
                .channelId(ChannelId.of(id++))
                .image(id % 2 == 0)
                .pin(id % 3 == 0)
                .notifyOnClose(id % 5 != 0)
                .tag(tag)
                .threshold(threshold)
                .build());
      }
    }

    List<ChannelConfig> saved = variants.stream().map(store::saveChannel).toList();

    for (ChannelConfig channel : saved) {
      assertThat(store.findChannel(channel.channelId())).contains(channel);
    }
    assertThat(store.findChannels(GUILD)).containsExactlyElementsOf(saved);
    assertThat(store.loadAll().channels().values()).containsExactlyInAnyOrderElementsOf(saved);
  }

  @Test
  void aChannelIsFoundByItsBareSnowflakeAsByItsId() {
    ChannelConfig saved = store.saveChannel(ChannelConfig.of(GUILD, CHANNEL));

    assertThat(store.findChannel(CHANNEL.value())).contains(saved);
    assertThat(store.findChannel(CHANNEL_2.value())).isEmpty();
    for (long notASnowflake : new long[] {0, -1, Long.MIN_VALUE}) {
      assertThatThrownBy(() -> store.findChannel(notASnowflake))
          .isInstanceOf(InvalidConfigException.class)
          .hasMessage("channel id must be a positive Discord snowflake, got " + notASnowflake);
    }
  }

  @Test
  void largestSnowflakesRoundTrip() {
    GuildId guild = GuildId.of(Long.MAX_VALUE);
    ChannelId channel = ChannelId.of(Long.MAX_VALUE - 1);

    ChannelConfig saved =
        store.saveChannel(ChannelConfig.of(guild, channel).withTag(Tag.role(Long.MAX_VALUE)));

    assertThat(store.findChannel(channel)).contains(saved);
    assertThat(store.findChannels(guild)).containsExactly(saved);
  }

  @Test
  void staleVersionIsAConflictAndChangesNothing() {
    ChannelConfig first = store.saveChannel(ChannelConfig.of(GUILD, CHANNEL));
    ChannelConfig second = store.saveChannel(first.withPin(true));
    long marker = store.changeMarker();

    assertThatThrownBy(() -> store.saveChannel(first.withImage(true)))
        .isInstanceOfSatisfying(
            ConfigConflictException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.VERSION_CHANGED))
        .hasMessageContaining(CHANNEL.toString());

    assertThat(store.findChannel(CHANNEL)).contains(second);
    assertThat(store.changeMarker()).isEqualTo(marker);
  }

  @Test
  void creatingAChannelThatExistsIsAConflict() {
    ChannelConfig existing = store.saveChannel(ChannelConfig.of(GUILD, CHANNEL));

    assertThatThrownBy(() -> store.saveChannel(ChannelConfig.of(GUILD, CHANNEL).withImage(true)))
        .isInstanceOfSatisfying(
            ConfigConflictException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.VERSION_CHANGED));

    assertThat(store.findChannel(CHANNEL)).contains(existing);
  }

  @Test
  void updatingAChannelDeletedMeanwhileIsAConflictAndDoesNotRecreateIt() {
    ChannelConfig saved = store.saveChannel(ChannelConfig.of(GUILD, CHANNEL));
    store.deleteChannel(GUILD, CHANNEL);

    assertThatThrownBy(() -> store.saveChannel(saved.withPin(true)))
        .isInstanceOfSatisfying(
            ConfigConflictException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.VERSION_CHANGED));

    assertThat(store.findChannel(CHANNEL)).isEmpty();
  }

  @Test
  void aChannelTrackedByAnotherGuildIsRefused() {
    ChannelConfig existing = store.saveChannel(ChannelConfig.of(GUILD, CHANNEL));
    long marker = store.changeMarker();

    assertThatThrownBy(() -> store.saveChannel(ChannelConfig.of(OTHER_GUILD, CHANNEL)))
        .isInstanceOfSatisfying(
            ConfigConflictException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.OWNED_BY_ANOTHER_GUILD))
        .hasMessageContaining(CHANNEL.toString());

    assertThat(store.findChannel(CHANNEL)).contains(existing);
    assertThat(store.findChannels(OTHER_GUILD)).isEmpty();
    assertThat(store.changeMarker()).isEqualTo(marker);
  }

  @Test
  void deletingAChannelUntracksItOnce() {
    store.saveChannel(ChannelConfig.of(GUILD, CHANNEL));
    store.saveChannel(ChannelConfig.of(GUILD, CHANNEL_2));

    assertThat(store.deleteChannel(GUILD, CHANNEL)).isTrue();
    assertThat(store.deleteChannel(GUILD, CHANNEL)).isFalse();

    assertThat(store.findChannel(CHANNEL)).isEmpty();
    assertThat(store.findChannels(GUILD))
        .extracting(ChannelConfig::channelId)
        .containsExactly(CHANNEL_2);
  }

  @Test
  void deletingUnderTheWrongGuildChangesNothing() {
    ChannelConfig existing = store.saveChannel(ChannelConfig.of(GUILD, CHANNEL));
    long marker = store.changeMarker();

    assertThat(store.deleteChannel(OTHER_GUILD, CHANNEL)).isFalse();

    assertThat(store.findChannel(CHANNEL)).contains(existing);
    assertThat(store.changeMarker()).isEqualTo(marker);
  }

  @Test
  void aDeletedChannelCanBeTrackedAgainFromVersionZero() {
    store.saveChannel(ChannelConfig.of(GUILD, CHANNEL));
    store.deleteChannel(GUILD, CHANNEL);

    ChannelConfig again = store.saveChannel(ChannelConfig.of(OTHER_GUILD, CHANNEL));

    assertThat(again.version()).isEqualTo(1);
    assertThat(store.findChannels(GUILD)).isEmpty();
    assertThat(store.findChannels(OTHER_GUILD)).containsExactly(again);
  }

  @Test
  void channelsOfAGuildAreOrderedByIdAndOnlyItsOwn() {
    store.saveChannel(ChannelConfig.of(GUILD, CHANNEL_3));
    store.saveChannel(ChannelConfig.of(OTHER_GUILD, CHANNEL_2));
    store.saveChannel(ChannelConfig.of(GUILD, CHANNEL));

    assertThat(store.findChannels(GUILD))
        .extracting(ChannelConfig::channelId)
        .containsExactly(CHANNEL, CHANNEL_3);
    assertThat(store.findChannels(OTHER_GUILD))
        .extracting(ChannelConfig::channelId)
        .containsExactly(CHANNEL_2);
  }

  @Test
  void settingsRoundTripWithVersions() {
    GuildSettings settings =
        GuildSettings.builder()
            .guildId(GUILD)
            .timezone(ZoneId.of("Europe/Paris"))
            .positionDisplayEnabled(false)
            .summaryPreferences(
                SummaryPreferences.builder()
                    .dailySummary(true)
                    .weeklySummary(false)
                    .monthlySummary(true)
                    .tag(Tag.role(77))
                    .pin(true)
                    .build())
            .globalChannelId(CHANNEL)
            .departedAt(Instant.parse("2026-01-02T03:04:05.678Z"))
            .build();

    GuildSettings first = store.saveSettings(settings);
    clock.advance(Duration.ofSeconds(1));
    GuildSettings second = store.saveSettings(first.withGlobalChannelId(Optional.empty()));

    assertThat(first.version()).isEqualTo(1);
    assertThat(first)
        .isEqualTo(
            settings
                .withVersion(1)
                .withCreatedAt(first.createdAt())
                .withUpdatedAt(first.createdAt()));
    assertThat(second.version()).isEqualTo(2);
    assertThat(second.createdAt()).isEqualTo(first.createdAt());
    assertThat(second.globalChannelId()).isEmpty();
    assertThat(second.departedAt()).contains(Instant.parse("2026-01-02T03:04:05.678Z"));
    assertThat(store.findSettings(GUILD)).contains(second);
    assertThat(store.findSettings(OTHER_GUILD)).isEmpty();
  }

  @Test
  void staleSettingsAreAConflictAndChangeNothing() {
    GuildSettings first = store.saveSettings(GuildSettings.defaults(GUILD));
    GuildSettings second = store.saveSettings(first.withPositionDisplayEnabled(false));

    assertThatThrownBy(() -> store.saveSettings(first.withTimezone(ZoneId.of("Asia/Tokyo"))))
        .isInstanceOfSatisfying(
            ConfigConflictException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.VERSION_CHANGED));
    assertThatThrownBy(() -> store.saveSettings(GuildSettings.defaults(GUILD)))
        .isInstanceOf(ConfigConflictException.class);

    assertThat(store.findSettings(GUILD)).contains(second);
  }

  @Test
  void deletingAGuildRemovesEverythingOfItsOwnAndNothingElse() {
    store.saveChannel(ChannelConfig.of(GUILD, CHANNEL));
    store.saveChannel(ChannelConfig.of(GUILD, CHANNEL_2));
    store.saveSettings(GuildSettings.defaults(GUILD));
    ChannelConfig other = store.saveChannel(ChannelConfig.of(OTHER_GUILD, CHANNEL_3));
    GuildSettings otherSettings = store.saveSettings(GuildSettings.defaults(OTHER_GUILD));

    assertThat(store.deleteGuild(GUILD)).isEqualTo(3);
    assertThat(store.deleteGuild(GUILD)).isZero();

    assertThat(store.findChannel(CHANNEL)).isEmpty();
    assertThat(store.findChannels(GUILD)).isEmpty();
    assertThat(store.findSettings(GUILD)).isEmpty();
    assertThat(store.loadAll())
        .isEqualTo(ConfigSnapshot.of(List.of(other), List.of(otherSettings)));
  }

  @Test
  void aBoardRoundTripsWithVersions() {
    LiveBoard first = store.saveBoard(LiveBoard.of(GUILD, CHANNEL, MESSAGE));
    clock.advance(Duration.ofSeconds(1));
    LiveBoard second =
        store.saveBoard(first.withChannelId(CHANNEL_2).withMessageId(Long.MAX_VALUE));

    assertThat(first)
        .isEqualTo(
            LiveBoard.of(GUILD, CHANNEL, MESSAGE)
                .withVersion(1)
                .withCreatedAt(clock.instant().minusSeconds(1))
                .withUpdatedAt(clock.instant().minusSeconds(1)));
    assertThat(second.version()).isEqualTo(2);
    assertThat(second.createdAt()).isEqualTo(first.createdAt());
    assertThat(second.updatedAt()).isEqualTo(clock.instant());
    assertThat(store.findBoard(GUILD)).contains(second);
    assertThat(store.findBoard(OTHER_GUILD)).isEmpty();
    assertThat(store.loadAll().boards()).containsExactly(entry(GUILD, second));
    assertThat(store.loadAll().guilds()).containsExactly(GUILD);
  }

  @Test
  void aStaleBoardIsAConflictAndChangesNothing() {
    LiveBoard first = store.saveBoard(LiveBoard.of(GUILD, CHANNEL, MESSAGE));
    LiveBoard second = store.saveBoard(first.withMessageId(MESSAGE_2));
    long marker = store.changeMarker();

    assertThatThrownBy(() -> store.saveBoard(first.withMessageId(MESSAGE + 7)))
        .isInstanceOfSatisfying(
            ConfigConflictException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.VERSION_CHANGED))
        .hasMessageContaining(GUILD.toString());
    assertThatThrownBy(() -> store.saveBoard(LiveBoard.of(GUILD, CHANNEL, MESSAGE + 8)))
        .isInstanceOf(ConfigConflictException.class);

    assertThat(store.findBoard(GUILD)).contains(second);
    assertThat(store.changeMarker()).isEqualTo(marker);
  }

  @Test
  void deletingABoardForgetsItOnceAndNothingElse() {
    GuildSettings settings =
        store.saveSettings(GuildSettings.defaults(GUILD).withGlobalChannelId(CHANNEL));
    store.saveBoard(LiveBoard.of(GUILD, CHANNEL, MESSAGE));
    LiveBoard other = store.saveBoard(LiveBoard.of(OTHER_GUILD, CHANNEL_3, MESSAGE_2));
    long marker = store.changeMarker();

    assertThat(store.deleteBoard(GUILD)).isTrue();
    long afterDelete = store.changeMarker();
    assertThat(store.deleteBoard(GUILD)).isFalse();

    assertThat(afterDelete).isGreaterThan(marker);
    assertThat(store.changeMarker()).isEqualTo(afterDelete);
    assertThat(store.findBoard(GUILD)).isEmpty();
    assertThat(store.findSettings(GUILD)).contains(settings);
    assertThat(store.findBoard(OTHER_GUILD)).contains(other);
  }

  @Test
  void aDeletedBoardCanBeStoredAgainFromVersionZero() {
    LiveBoard first = store.saveBoard(LiveBoard.of(GUILD, CHANNEL, MESSAGE));
    store.deleteBoard(GUILD);

    assertThatThrownBy(() -> store.saveBoard(first.withMessageId(MESSAGE_2)))
        .isInstanceOf(ConfigConflictException.class);
    LiveBoard again = store.saveBoard(LiveBoard.of(GUILD, CHANNEL_2, MESSAGE_2));

    assertThat(again.version()).isEqualTo(1);
    assertThat(store.findBoard(GUILD)).contains(again);
  }

  @Test
  void deletingAGuildRemovesItsBoardToo() {
    store.saveSettings(GuildSettings.defaults(GUILD));
    store.saveBoard(LiveBoard.of(GUILD, CHANNEL, MESSAGE));
    LiveBoard other = store.saveBoard(LiveBoard.of(OTHER_GUILD, CHANNEL_3, MESSAGE_2));

    assertThat(store.deleteGuild(GUILD)).isEqualTo(2);

    assertThat(store.findBoard(GUILD)).isEmpty();
    assertThat(store.loadAll()).isEqualTo(ConfigSnapshot.of(List.of(), List.of(), List.of(other)));
  }

  @Test
  void loadAllHoldsEverythingStored() {
    List<ChannelConfig> channels = new ArrayList<>();
    List<GuildSettings> settings = new ArrayList<>();
    for (int g = 1; g <= 5; g++) {
      GuildId guild = GuildId.of(1000L + g);
      settings.add(
          store.saveSettings(GuildSettings.defaults(guild).withPositionDisplayEnabled(g % 2 == 0)));
      for (int c = 1; c <= 8; c++) {
        channels.add(
            store.saveChannel(
                ChannelConfig.of(guild, ChannelId.of(g * 100_000L + c)).withPin(c % 2 == 0)));
      }
    }

    ConfigSnapshot snapshot = store.loadAll();

    assertThat(snapshot).isEqualTo(ConfigSnapshot.of(channels, settings));
    assertThat(snapshot.channelsOf(GuildId.of(1003))).hasSize(8);
    assertThat(snapshot.discardedDuplicates()).isEmpty();
  }

  @Test
  void changeMarkerMovesOnEveryWriteOnly() {
    long start = store.changeMarker();
    store.findChannel(CHANNEL);
    store.loadAll();
    assertThat(store.changeMarker()).isEqualTo(start);

    ChannelConfig channel = store.saveChannel(ChannelConfig.of(GUILD, CHANNEL));
    long afterCreate = store.changeMarker();
    store.saveChannel(channel.withPin(true));
    long afterUpdate = store.changeMarker();
    store.saveSettings(GuildSettings.defaults(GUILD));
    long afterSettings = store.changeMarker();
    store.deleteChannel(GUILD, CHANNEL);
    long afterDelete = store.changeMarker();
    store.deleteGuild(GUILD);
    long afterGuild = store.changeMarker();

    assertThat(List.of(start, afterCreate, afterUpdate, afterSettings, afterDelete, afterGuild))
        .isSortedAccordingTo(Long::compare)
        .doesNotHaveDuplicates();
  }

  @Test
  void aFailedWriteDoesNotMoveTheChangeMarker() {
    store.saveChannel(ChannelConfig.of(GUILD, CHANNEL));
    long marker = store.changeMarker();

    assertThatThrownBy(() -> store.saveChannel(ChannelConfig.of(GUILD, CHANNEL)))
        .isInstanceOf(ConfigConflictException.class);
    assertThat(store.deleteChannel(GUILD, CHANNEL_2)).isFalse();

    assertThat(store.changeMarker()).isEqualTo(marker);
  }

  @Test
  void snapshotsAreUnmodifiable() {
    store.saveChannel(ChannelConfig.of(GUILD, CHANNEL));
    ConfigSnapshot snapshot = store.loadAll();

    assertThatThrownBy(() -> snapshot.channels().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> snapshot.channelsOf(GUILD).clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> snapshot.settings().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void snapshotDoesNotFollowLaterWrites() {
    ChannelConfig saved = store.saveChannel(ChannelConfig.of(GUILD, CHANNEL));
    ConfigSnapshot snapshot = store.loadAll();

    store.saveChannel(saved.withPin(true));
    store.saveChannel(ChannelConfig.of(GUILD, CHANNEL_2));

    assertThat(snapshot.channel(CHANNEL)).contains(saved);
    assertThat(snapshot.channels()).hasSize(1);
  }
}
