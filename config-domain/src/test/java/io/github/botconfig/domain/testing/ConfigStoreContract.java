package io.github.botconfig.domain.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.ConfigConflictException;
import io.github.botconfig.domain.ConfigConflictException.Reason;
import io.github.botconfig.domain.ConfigKey;
import io.github.botconfig.domain.ConfigSnapshot;
import io.github.botconfig.domain.ConfigStore;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.GuildSettings;
import io.github.botconfig.domain.InvalidConfigException;
import io.github.botconfig.domain.LiveBoard;
import io.github.botconfig.domain.SummaryPreferences;
import io.github.botconfig.domain.Tag;
import io.github.botconfig.domain.Threshold;
import io.github.botconfig.domain.UnreadableItem;
import io.github.botconfig.domain.UpdateResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
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

  /**
   * Stores {@code channel} behind the store's back as another program does: an unconditional
   * whole-item put, its version as given (0: no version attribute, as the TypeScript bots write)
   * and its {@code createdAt} (the epoch: none), no change-marker bump. A store whose test does not
   * override this skips the tests that need it.
   */
  protected void putAsAnotherWriter(ChannelConfig channel) {
    Assumptions.abort(getClass().getSimpleName() + " cannot write as another program");
  }

  /** As {@link #putAsAnotherWriter(ChannelConfig)}, for a guild's settings. */
  protected void putAsAnotherWriter(GuildSettings settings) {
    Assumptions.abort(getClass().getSimpleName() + " cannot write as another program");
  }

  /**
   * Stores, behind the store's back, a channel item under this key that the store cannot read (a
   * value no known writer produces). Skips the test by default.
   */
  protected void putUnreadableChannel(GuildId guildId, ChannelId channelId) {
    Assumptions.abort(getClass().getSimpleName() + " cannot store an unreadable item");
  }

  /** As {@link #putUnreadableChannel}, for a guild's settings item. */
  protected void putUnreadableSettings(GuildId guildId) {
    Assumptions.abort(getClass().getSimpleName() + " cannot store an unreadable item");
  }

  /** A channel as the older TypeScript bot leaves it: options set, no version, no updatedAt. */
  protected static ChannelConfig legacyChannel(GuildId guild, ChannelId channel) {
    return ChannelConfig.builder()
        .guildId(guild)
        .channelId(channel)
        .image(true)
        .notifyOnClose(false)
        .pin(false)
        .threshold(Threshold.percent(15))
        .tag(Tag.role(42))
        .createdAt(Instant.parse("2024-05-06T07:08:09.010Z"))
        .build();
  }

  /** Settings as the older TypeScript bot leaves them: no version, no updatedAt. */
  protected static GuildSettings legacySettings(GuildId guild) {
    return GuildSettings.builder()
        .guildId(guild)
        .timezone(ZoneId.of("Europe/Berlin"))
        .positionDisplayEnabled(false)
        .summaryPreferences(
            SummaryPreferences.builder().weeklySummary(true).monthlySummary(true).build())
        .createdAt(Instant.parse("2024-05-06T07:08:09.010Z"))
        .build();
  }

  private static void assertConflict(Runnable write, Reason reason) {
    assertThatThrownBy(write::run)
        .isInstanceOfSatisfying(
            ConfigConflictException.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }

  @Test
  void replacingAnUnversionedChannelChangesOnlyWhatChangedAndVersionsIt() {
    putAsAnotherWriter(legacyChannel(GUILD, CHANNEL));
    ChannelConfig read = store.findChannel(CHANNEL).orElseThrow();
    assertThat(read).isEqualTo(legacyChannel(GUILD, CHANNEL));
    long marker = store.changeMarker();

    ChannelConfig saved = store.replaceChannel(read, read.withPin(true));

    assertThat(saved)
        .isEqualTo(
            legacyChannel(GUILD, CHANNEL)
                .withPin(true)
                .withVersion(1)
                .withUpdatedAt(clock.instant()));
    assertThat(store.findChannel(CHANNEL)).contains(saved);
    assertThat(store.changeMarker()).isGreaterThan(marker);
  }

  @Test
  void replacingAnUnversionedChannelRewrittenMeanwhileIsAConflictAndKeepsTheOtherWrite() {
    putAsAnotherWriter(legacyChannel(GUILD, CHANNEL));
    ChannelConfig read = store.findChannel(CHANNEL).orElseThrow();
    ChannelConfig theirs = legacyChannel(GUILD, CHANNEL).withImage(false);
    putAsAnotherWriter(theirs);
    long marker = store.changeMarker();

    assertConflict(() -> store.replaceChannel(read, read.withPin(true)), Reason.VERSION_CHANGED);

    assertThat(store.findChannel(CHANNEL)).contains(theirs);
    assertThat(store.changeMarker()).isEqualTo(marker);
  }

  @Test
  void replacingAVersionedChannelThatAnotherProgramRewroteIsAConflict() {
    ChannelConfig read = store.saveChannel(ChannelConfig.of(GUILD, CHANNEL).withImage(true));
    ChannelConfig theirs = legacyChannel(GUILD, CHANNEL);
    putAsAnotherWriter(theirs);

    assertConflict(() -> store.replaceChannel(read, read.withPin(true)), Reason.VERSION_CHANGED);

    assertThat(store.findChannel(CHANNEL)).contains(theirs);
  }

  @Test
  void replacingAtAStaleVersionIsAConflictAndChangesNothing() {
    ChannelConfig first = store.saveChannel(ChannelConfig.of(GUILD, CHANNEL));
    ChannelConfig second = store.replaceChannel(first, first.withImage(true));
    long marker = store.changeMarker();

    assertConflict(() -> store.replaceChannel(first, first.withPin(true)), Reason.VERSION_CHANGED);

    assertThat(second.version()).isEqualTo(2);
    assertThat(second.createdAt()).isEqualTo(first.createdAt());
    assertThat(store.findChannel(CHANNEL)).contains(second);
    assertThat(store.changeMarker()).isEqualTo(marker);
  }

  @Test
  void replacingADeletedChannelIsAConflictAndDoesNotRecreateIt() {
    ChannelConfig read = store.saveChannel(ChannelConfig.of(GUILD, CHANNEL));
    store.deleteChannel(GUILD, CHANNEL);

    assertConflict(() -> store.replaceChannel(read, read.withPin(true)), Reason.VERSION_CHANGED);

    assertThat(store.findChannel(CHANNEL)).isEmpty();
    assertThat(store.findChannels(GUILD)).isEmpty();
  }

  @Test
  void replacingNeedsTheSameChannelAndGuildInBoth() {
    ChannelConfig read = store.saveChannel(ChannelConfig.of(GUILD, CHANNEL));
    long marker = store.changeMarker();

    assertThatThrownBy(() -> store.replaceChannel(read, ChannelConfig.of(GUILD, CHANNEL_2)))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining(CHANNEL_2.toString());
    assertThatThrownBy(() -> store.replaceChannel(read, ChannelConfig.of(OTHER_GUILD, CHANNEL)))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining(OTHER_GUILD.toString());
    GuildSettings settings = store.saveSettings(GuildSettings.defaults(GUILD));
    assertThatThrownBy(() -> store.replaceSettings(settings, GuildSettings.defaults(OTHER_GUILD)))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining(OTHER_GUILD.toString());

    assertThat(store.findChannel(CHANNEL)).contains(read);
    assertThat(store.changeMarker()).isEqualTo(marker + 1);
  }

  @Test
  void creatingOverAnUnversionedChannelIsAConflict() {
    putAsAnotherWriter(legacyChannel(GUILD, CHANNEL));

    assertConflict(
        () -> store.saveChannel(ChannelConfig.of(GUILD, CHANNEL).withPin(true)),
        Reason.VERSION_CHANGED);

    assertThat(store.findChannel(CHANNEL)).contains(legacyChannel(GUILD, CHANNEL));
  }

  @Test
  void savingAtAVersionWritesOverWhatIsStoredAtThatVersion() {
    ChannelConfig first = store.saveChannel(ChannelConfig.of(GUILD, CHANNEL).withImage(true));

    ChannelConfig second = store.saveChannel(first.withThreshold(Threshold.TAKE_PROFIT));

    assertThat(second).isEqualTo(first.withThreshold(Threshold.TAKE_PROFIT).withVersion(2));
    assertThat(store.findChannel(CHANNEL)).contains(second);
  }

  @Test
  void replacingUnversionedSettingsKeepsEverythingButTheChange() {
    putAsAnotherWriter(legacySettings(GUILD));
    GuildSettings read = store.findSettings(GUILD).orElseThrow();
    assertThat(read).isEqualTo(legacySettings(GUILD));

    GuildSettings saved = store.replaceSettings(read, read.withPositionDisplayEnabled(true));

    assertThat(saved)
        .isEqualTo(
            legacySettings(GUILD)
                .withPositionDisplayEnabled(true)
                .withVersion(1)
                .withUpdatedAt(clock.instant()));
    assertThat(store.findSettings(GUILD)).contains(saved);
    assertConflict(() -> store.saveSettings(GuildSettings.defaults(GUILD)), Reason.VERSION_CHANGED);
  }

  @Test
  void replacingUnversionedSettingsRewrittenMeanwhileIsAConflict() {
    putAsAnotherWriter(legacySettings(GUILD));
    GuildSettings read = store.findSettings(GUILD).orElseThrow();
    GuildSettings theirs = legacySettings(GUILD).withTimezone(ZoneId.of("Asia/Tokyo"));
    putAsAnotherWriter(theirs);

    assertConflict(
        () -> store.replaceSettings(read, read.withPositionDisplayEnabled(true)),
        Reason.VERSION_CHANGED);

    assertThat(store.findSettings(GUILD)).contains(theirs);
  }

  @Test
  void anUnreadableChannelIsNotAbsent() {
    putUnreadableChannel(GUILD, CHANNEL);
    long marker = store.changeMarker();

    assertThat(store.findChannel(CHANNEL)).isEmpty();
    assertThat(store.findChannels(GUILD)).isEmpty();
    UnreadableItem item = store.findUnreadableChannel(CHANNEL).orElseThrow();
    assertThat(item.kind()).isEqualTo(UnreadableItem.Kind.CHANNEL);
    assertThat(item.guildId()).isEqualTo(GUILD);
    assertThat(item.channelId()).contains(CHANNEL);
    assertThat(item.reason()).isNotBlank();
    assertThat(store.findUnreadable(GUILD)).containsExactly(item);
    assertThat(store.findUnreadable(OTHER_GUILD)).isEmpty();
    assertThat(store.findUnreadableChannel(CHANNEL_2)).isEmpty();
    ConfigSnapshot snapshot = store.loadAll();
    assertThat(snapshot.unreadable()).containsExactly(item);
    assertThat(snapshot.unreadableChannel(CHANNEL)).contains(item);
    assertThat(snapshot.guilds()).containsExactly(GUILD);

    assertThatThrownBy(() -> store.saveChannel(ChannelConfig.of(GUILD, CHANNEL)))
        .isInstanceOfSatisfying(
            ConfigConflictException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNREADABLE))
        .hasMessageContaining("unreadable")
        .hasMessageContaining(item.reason());
    assertConflict(
        () -> store.updateChannel(GUILD, CHANNEL, c -> c.withPin(true)), Reason.UNREADABLE);
    assertThat(store.findUnreadableChannel(CHANNEL)).contains(item);
    assertThat(store.changeMarker()).isEqualTo(marker);
  }

  @Test
  void unreadableSettingsAreNeitherDefaultsNorOverwritten() {
    putUnreadableSettings(GUILD);
    long marker = store.changeMarker();

    assertThat(store.findSettings(GUILD)).isEmpty();
    UnreadableItem item = store.findUnreadable(GUILD).get(0);
    assertThat(item.kind()).isEqualTo(UnreadableItem.Kind.SETTINGS);
    assertThat(store.loadAll().unreadable(GUILD)).containsExactly(item);

    assertConflict(() -> store.saveSettings(GuildSettings.defaults(GUILD)), Reason.UNREADABLE);
    assertConflict(
        () -> store.updateSettings(GUILD, s -> s.withPositionDisplayEnabled(false)),
        Reason.UNREADABLE);
    assertConflict(() -> store.updateSettings(GUILD, s -> s), Reason.UNREADABLE);
    assertThat(store.findUnreadable(GUILD)).containsExactly(item);
    assertThat(store.changeMarker()).isEqualTo(marker);
  }

  @Test
  void aReadOfKeysListsTheUnreadableItemsStoredUnderThemAndNoOthers() {
    putUnreadableChannel(GUILD, CHANNEL);
    putUnreadableSettings(GUILD);
    ChannelConfig readable = store.saveChannel(ChannelConfig.of(GUILD, CHANNEL_2));

    ConfigSnapshot channel = store.read(List.of(ConfigKey.channel(GUILD, CHANNEL)));
    assertThat(channel.channels()).isEmpty();
    assertThat(channel.unreadable()).containsExactly(store.findUnreadableChannel(CHANNEL).get());
    assertThat(store.read(List.of(ConfigKey.channel(GUILD, CHANNEL_2))).unreadable()).isEmpty();
    assertThat(store.read(List.of(ConfigKey.channel(OTHER_GUILD, CHANNEL))).unreadable()).isEmpty();
    ConfigSnapshot settings = store.read(List.of(ConfigKey.settings(GUILD)));
    assertThat(settings.settings(GUILD)).isEmpty();
    assertThat(settings.unreadable())
        .singleElement()
        .satisfies(i -> assertThat(i.kind()).isEqualTo(UnreadableItem.Kind.SETTINGS));
    ConfigSnapshot guild = store.read(List.of(ConfigKey.guild(GUILD)));
    assertThat(guild.channels().values()).containsExactly(readable);
    assertThat(guild.unreadable()).containsExactlyInAnyOrderElementsOf(store.findUnreadable(GUILD));
    assertThat(store.read(List.of(ConfigKey.board(GUILD))).unreadable()).isEmpty();
  }

  @Test
  void deletingRemovesUnreadableItemsToo() {
    putUnreadableChannel(GUILD, CHANNEL);
    putUnreadableChannel(GUILD, CHANNEL_2);
    putUnreadableSettings(GUILD);

    assertThat(store.deleteChannel(OTHER_GUILD, CHANNEL)).isFalse();
    assertThat(store.deleteChannel(GUILD, CHANNEL)).isTrue();
    assertThat(store.findUnreadableChannel(CHANNEL)).isEmpty();
    assertThat(store.deleteGuild(GUILD)).isEqualTo(2);

    assertThat(store.findUnreadable(GUILD)).isEmpty();
    assertThat(store.loadAll()).isEqualTo(ConfigSnapshot.empty());
  }

  @Test
  void updatingAChannelThatChangesNothingWritesNothing() {
    ChannelConfig saved = store.saveChannel(ChannelConfig.of(GUILD, CHANNEL).withPin(true));
    long marker = store.changeMarker();

    UpdateResult<ChannelConfig> result = store.updateChannel(GUILD, CHANNEL, c -> c.withPin(true));

    assertThat(result.changed()).isFalse();
    assertThat(result.before()).contains(saved);
    assertThat(result.after()).isEqualTo(saved);
    assertThat(store.findChannel(CHANNEL)).contains(saved);
    assertThat(store.changeMarker()).isEqualTo(marker);
  }

  @Test
  void updatingAnUntrackedChannelTracksIt() {
    UpdateResult<ChannelConfig> result = store.updateChannel(GUILD, CHANNEL, c -> c);

    assertThat(result.changed()).isTrue();
    assertThat(result.before()).isEmpty();
    assertThat(result.after()).isEqualTo(store.findChannel(CHANNEL).orElseThrow());
    assertThat(result.after().version()).isEqualTo(1);
  }

  @Test
  void updatingAnUnversionedChannelKeepsEveryOtherOption() {
    putAsAnotherWriter(legacyChannel(GUILD, CHANNEL));

    UpdateResult<ChannelConfig> result = store.updateChannel(GUILD, CHANNEL, c -> c.withPin(true));

    assertThat(result.before()).contains(legacyChannel(GUILD, CHANNEL));
    assertThat(result.after())
        .isEqualTo(
            legacyChannel(GUILD, CHANNEL)
                .withPin(true)
                .withVersion(1)
                .withUpdatedAt(clock.instant()));
  }

  @Test
  void updatingAChannelReappliesTheChangeWhenSomeoneElseWroteInBetween() {
    store.saveChannel(ChannelConfig.of(GUILD, CHANNEL));
    int[] calls = {0};

    UpdateResult<ChannelConfig> result =
        store.updateChannel(
            GUILD,
            CHANNEL,
            c -> {
              if (calls[0]++ == 0) {
                store.replaceChannel(c, c.withImage(true)); // another admin, in between
              }
              return c.withPin(true);
            });

    assertThat(calls[0]).isEqualTo(2);
    assertThat(result.after().image()).isTrue();
    assertThat(result.after().pin()).isTrue();
    assertThat(result.after().version()).isEqualTo(3);
    assertThat(store.findChannel(CHANNEL)).contains(result.after());
  }

  @Test
  void updatingAChannelGivesUpAfterThreeLostRaces() {
    store.saveChannel(ChannelConfig.of(GUILD, CHANNEL));
    int[] calls = {0};

    assertConflict(
        () ->
            store.updateChannel(
                GUILD,
                CHANNEL,
                c -> {
                  calls[0]++;
                  store.replaceChannel(c, c.withImage(!c.image()));
                  return c.withPin(true);
                }),
        Reason.VERSION_CHANGED);

    assertThat(calls[0]).isEqualTo(3);
    assertThat(store.findChannel(CHANNEL).orElseThrow().pin()).isFalse();
  }

  @Test
  void updatingAChannelOfAnotherGuildIsRefused() {
    ChannelConfig theirs = store.saveChannel(ChannelConfig.of(OTHER_GUILD, CHANNEL));

    assertConflict(
        () -> store.updateChannel(GUILD, CHANNEL, c -> c.withPin(true)),
        Reason.OWNED_BY_ANOTHER_GUILD);

    assertThat(store.findChannel(CHANNEL)).contains(theirs);
  }

  @Test
  void updatingSettingsNeverStoredToTheirDefaultsWritesNothing() {
    long marker = store.changeMarker();

    UpdateResult<GuildSettings> result =
        store.updateSettings(GUILD, s -> s.withPositionDisplayEnabled(true));

    assertThat(result.changed()).isFalse();
    assertThat(result.before()).isEmpty();
    assertThat(result.after()).isEqualTo(GuildSettings.defaults(GUILD));
    assertThat(store.findSettings(GUILD)).isEmpty();
    assertThat(store.changeMarker()).isEqualTo(marker);
  }

  @Test
  void updatingUnversionedSettingsKeepsEverythingElse() {
    putAsAnotherWriter(legacySettings(GUILD));

    UpdateResult<GuildSettings> result =
        store.updateSettings(GUILD, s -> s.withPositionDisplayEnabled(true));

    assertThat(result.changed()).isTrue();
    assertThat(result.after())
        .isEqualTo(
            legacySettings(GUILD)
                .withPositionDisplayEnabled(true)
                .withVersion(1)
                .withUpdatedAt(clock.instant()));
    assertThat(store.updateSettings(GUILD, s -> s.withPositionDisplayEnabled(true)).changed())
        .isFalse();
  }

  @Test
  void updatingABoardStoresItOnceAndThenNothing() {
    UpdateResult<LiveBoard> first = store.updateBoard(GUILD, CHANNEL, MESSAGE);
    long marker = store.changeMarker();
    UpdateResult<LiveBoard> again = store.updateBoard(GUILD, CHANNEL, MESSAGE);
    UpdateResult<LiveBoard> moved = store.updateBoard(GUILD, CHANNEL_2, MESSAGE_2);

    assertThat(first.changed()).isTrue();
    assertThat(again.changed()).isFalse();
    assertThat(again.before()).contains(first.after());
    assertThat(again.after()).isEqualTo(first.after());
    assertThat(moved.after().version()).isEqualTo(2);
    assertThat(store.findBoard(GUILD)).contains(moved.after());
    assertThat(store.changeMarker()).isGreaterThan(marker);
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
