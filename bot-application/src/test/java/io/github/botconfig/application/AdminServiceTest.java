package io.github.botconfig.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.botconfig.application.port.in.Actor;
import io.github.botconfig.application.port.in.ChangeChannelUseCase;
import io.github.botconfig.application.port.in.ChangeSettingsUseCase;
import io.github.botconfig.application.port.in.ChannelChanges;
import io.github.botconfig.application.port.in.ListChannelsUseCase;
import io.github.botconfig.application.port.in.OptionalChange;
import io.github.botconfig.application.port.in.Outcome;
import io.github.botconfig.application.port.in.Outcome.Kind;
import io.github.botconfig.application.port.in.PurgeGuildUseCase;
import io.github.botconfig.application.port.in.SettingsChanges;
import io.github.botconfig.application.port.in.ShowChannelUseCase;
import io.github.botconfig.application.port.in.ShowSettingsUseCase;
import io.github.botconfig.application.port.in.UntrackChannelUseCase;
import io.github.botconfig.application.port.out.GuildInventory;
import io.github.botconfig.application.service.AdminService;
import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.ConfigConflictException;
import io.github.botconfig.domain.ConfigConflictException.Reason;
import io.github.botconfig.domain.ConfigRepository;
import io.github.botconfig.domain.ConfigSnapshot;
import io.github.botconfig.domain.ConfigStore;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.GuildSettings;
import io.github.botconfig.domain.Tag;
import io.github.botconfig.domain.Threshold;
import io.github.botconfig.domain.testing.ForwardingConfigStore;
import io.github.botconfig.domain.testing.InMemoryConfigStore;
import io.github.botconfig.domain.testing.InstrumentedConfigStore;
import io.github.botconfig.domain.testing.InstrumentedConfigStore.Operation;
import io.github.botconfig.domain.testing.MutableClock;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AdminServiceTest {
  private static final GuildId GUILD = GuildId.of(100);
  private static final GuildId OTHER_GUILD = GuildId.of(200);
  private static final ChannelId CHANNEL = ChannelId.of(11);
  private static final Actor OPERATOR = Actor.operator();

  /** An actor allowed in one guild only, as a Discord member with Manage Server there. */
  private static final Actor MEMBER_OF_GUILD =
      new Actor() {
        @Override
        public String who() {
          return "member 7";
        }

        @Override
        public boolean mayConfigure(GuildId guildId) {
          return guildId.equals(GUILD);
        }
      };

  private final InstrumentedConfigStore store =
      new InstrumentedConfigStore(new InMemoryConfigStore(MutableClock.startingAt2026()));
  private final AdminService admin = new AdminService(store);

  @Test
  void trackingANewChannelCreatesItWithDefaultsForWhatWasNotGiven() {
    Outcome<ChannelConfig> outcome = change(MEMBER_OF_GUILD, pin(true));

    assertThat(outcome.kind()).isEqualTo(Kind.CREATED);
    assertThat(outcome.get().pin()).isTrue();
    assertThat(outcome.get().image()).isFalse();
    assertThat(store.findChannel(CHANNEL)).contains(outcome.get());
  }

  @Test
  void aChangeKeepsEveryFieldNotGivenAndSaysChangedWithTheNewValue() {
    store.saveChannel(
        ChannelConfig.of(GUILD, CHANNEL).withImage(true).withThreshold(Threshold.TAKE_PROFIT));

    Outcome<ChannelConfig> outcome = change(OPERATOR, pin(true));

    assertThat(outcome.kind()).isEqualTo(Kind.CHANGED);
    assertThat(outcome.get().pin()).isTrue();
    assertThat(outcome.get().image()).isTrue();
    assertThat(outcome.get().threshold()).isEqualTo(Threshold.TAKE_PROFIT);
    assertThat(store.findChannel(CHANNEL)).contains(outcome.get());
  }

  @Test
  void aChangeToWhatIsAlreadyStoredWritesNothingAtAll() {
    ChannelConfig stored = store.saveChannel(ChannelConfig.of(GUILD, CHANNEL).withPin(true));
    store.resetCounts();

    Outcome<ChannelConfig> samePin = change(OPERATOR, pin(true));
    Outcome<ChannelConfig> nothing = change(OPERATOR, ChannelChanges.none());

    assertThat(samePin).isEqualTo(Outcome.of(Kind.UNCHANGED, stored));
    assertThat(nothing).isEqualTo(Outcome.of(Kind.UNCHANGED, stored));
    assertThat(store.calls(Operation.SAVE_CHANNEL) + store.calls(Operation.REPLACE_CHANNEL))
        .isZero();
    assertThat(store.findChannel(CHANNEL).orElseThrow().version()).isEqualTo(stored.version());
  }

  @Test
  void settingsGivenNothingOrTheirOwnValuesWriteNothingAtAll() {
    GuildSettings stored =
        store.saveSettings(GuildSettings.defaults(GUILD).withTimezone(ZoneId.of("Europe/Paris")));
    store.resetCounts();

    Outcome<GuildSettings> nothing = changeSettings(SettingsChanges.none());
    Outcome<GuildSettings> sameZone = changeSettings(timezone("Europe/Paris"));

    assertThat(nothing).isEqualTo(Outcome.of(Kind.UNCHANGED, stored));
    assertThat(sameZone).isEqualTo(Outcome.of(Kind.UNCHANGED, stored));
    assertThat(store.calls(Operation.SAVE_SETTINGS) + store.calls(Operation.REPLACE_SETTINGS))
        .isZero();
  }

  @Test
  void aGuildThatStoredNoSettingsStoresNoneForAChangeThatKeepsTheDefaults() {
    Outcome<GuildSettings> outcome = changeSettings(timezone("UTC"));

    assertThat(outcome).isEqualTo(Outcome.of(Kind.UNCHANGED, GuildSettings.defaults(GUILD)));
    assertThat(store.calls(Operation.SAVE_SETTINGS) + store.calls(Operation.REPLACE_SETTINGS))
        .isZero();
    assertThat(store.findSettings(GUILD)).isEmpty();
  }

  @Test
  void aSettingsChangeSaysChangedWithTheNewSettings() {
    Outcome<GuildSettings> outcome = changeSettings(timezone("Asia/Tokyo"));

    assertThat(outcome.kind()).isEqualTo(Kind.CHANGED);
    assertThat(outcome.get().timezone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
    assertThat(store.findSettings(GUILD)).contains(outcome.get());
  }

  @Test
  void aChannelOfAnotherGuildIsNeitherChangedNorShownNorRemoved() {
    ChannelConfig theirs = store.saveChannel(ChannelConfig.of(OTHER_GUILD, CHANNEL).withPin(true));

    assertThat(change(OPERATOR, pin(false)).kind()).isEqualTo(Kind.OWNED_BY_ANOTHER_GUILD);
    assertThat(
            admin.showChannel(new ShowChannelUseCase.Query(OPERATOR, Optional.of(GUILD), CHANNEL)))
        .extracting(Outcome::kind)
        .isEqualTo(Kind.OWNED_BY_ANOTHER_GUILD);
    assertThat(admin.untrackChannel(new UntrackChannelUseCase.Command(OPERATOR, GUILD, CHANNEL)))
        .extracting(Outcome::kind)
        .isEqualTo(Kind.NOT_TRACKED);
    assertThat(store.findChannel(CHANNEL)).contains(theirs);
  }

  @Test
  void anOperatorSeesAChannelWithoutNamingItsGuildAndAMemberMayNot() {
    ChannelConfig stored = store.saveChannel(ChannelConfig.of(OTHER_GUILD, CHANNEL));

    assertThat(admin.showChannel(new ShowChannelUseCase.Query(OPERATOR, Optional.empty(), CHANNEL)))
        .isEqualTo(Outcome.of(Kind.FOUND, stored));
    assertThat(
            admin
                .showChannel(
                    new ShowChannelUseCase.Query(MEMBER_OF_GUILD, Optional.empty(), CHANNEL))
                .kind())
        .isEqualTo(Kind.NOT_ALLOWED);
  }

  @Test
  void anActorNotAllowedInTheGuildChangesAndReadsNothing() {
    store.resetCounts();
    ChangeChannelUseCase.Command command =
        new ChangeChannelUseCase.Command(MEMBER_OF_GUILD, OTHER_GUILD, CHANNEL, pin(true));

    Outcome<ChannelConfig> outcome = admin.changeChannel(command);

    assertThat(outcome)
        .isEqualTo(
            Outcome.failed(Kind.NOT_ALLOWED, "member 7 may not configure guild " + OTHER_GUILD));
    assertThat(admin.purgeGuild(new PurgeGuildUseCase.Command(MEMBER_OF_GUILD, OTHER_GUILD)).kind())
        .isEqualTo(Kind.NOT_ALLOWED);
    assertThat(admin.planPurge(new PurgeGuildUseCase.Command(MEMBER_OF_GUILD, OTHER_GUILD)).kind())
        .isEqualTo(Kind.NOT_ALLOWED);
    assertThat(store.totalCalls()).isZero();
  }

  @Test
  void aConcurrentChangeIsReadAgainAndReapplied() {
    store.saveChannel(ChannelConfig.of(GUILD, CHANNEL).withImage(true));
    store.failNext(
        Operation.REPLACE_CHANNEL,
        new ConfigConflictException(Reason.VERSION_CHANGED, "changed meanwhile (test)"));

    Outcome<ChannelConfig> outcome = change(OPERATOR, pin(true));

    assertThat(outcome.kind()).isEqualTo(Kind.CHANGED);
    assertThat(store.calls(Operation.REPLACE_CHANNEL)).isEqualTo(2); // refused, retry
    assertThat(store.findChannel(CHANNEL).orElseThrow().pin()).isTrue();
  }

  @Test
  void aConflictThatOutlastsTheRetriesIsAnOutcomeAndChangesNothing() {
    ChannelConfig before = store.saveChannel(ChannelConfig.of(GUILD, CHANNEL));
    store.failWith(
        Operation.REPLACE_CHANNEL,
        () -> new ConfigConflictException(Reason.VERSION_CHANGED, "changed (test)"));

    Outcome<ChannelConfig> outcome = change(OPERATOR, pin(true));

    assertThat(outcome).isEqualTo(Outcome.failed(Kind.CONFLICT, "changed (test)"));
    assertThat(store.delegate().findChannel(CHANNEL)).contains(before);
  }

  @Test
  void aStoreOutageIsAnOutcomeAndChangesNothing() {
    ChannelConfig before = store.saveChannel(ChannelConfig.of(GUILD, CHANNEL));
    store.goDown();

    assertThat(change(OPERATOR, pin(true)).kind()).isEqualTo(Kind.UNAVAILABLE);
    assertThat(
            admin.listChannels(new ListChannelsUseCase.Query(OPERATOR, Optional.of(GUILD))).kind())
        .isEqualTo(Kind.UNAVAILABLE);
    store.heal();
    assertThat(store.findChannel(CHANNEL)).contains(before);
  }

  @Test
  void untrackRemovesAndSaysNotTrackedTheSecondTime() {
    store.saveChannel(ChannelConfig.of(GUILD, CHANNEL));
    UntrackChannelUseCase.Command command =
        new UntrackChannelUseCase.Command(OPERATOR, GUILD, CHANNEL);

    assertThat(admin.untrackChannel(command)).isEqualTo(Outcome.of(Kind.REMOVED, CHANNEL));
    assertThat(admin.untrackChannel(command))
        .isEqualTo(
            Outcome.failed(
                Kind.NOT_TRACKED, "channel " + CHANNEL + " is not tracked in guild " + GUILD));
  }

  @Test
  void listingEveryGuildNeedsTheWholeTableAndAnOperator() {
    ChannelConfig a = store.saveChannel(ChannelConfig.of(OTHER_GUILD, ChannelId.of(5)));
    ChannelConfig b = store.saveChannel(ChannelConfig.of(GUILD, ChannelId.of(9)));
    ListChannelsUseCase.Query everything =
        new ListChannelsUseCase.Query(OPERATOR, Optional.empty());

    assertThat(admin.listChannels(everything))
        .isEqualTo(
            Outcome.of(Kind.FOUND, new ListChannelsUseCase.Listing(List.of(b, a), List.of())));
    assertThat(
            admin
                .listChannels(new ListChannelsUseCase.Query(MEMBER_OF_GUILD, Optional.empty()))
                .kind())
        .isEqualTo(Kind.NOT_ALLOWED);
    AdminService overTheCache = new AdminService(repositoryOnly(store));
    assertThat(overTheCache.listChannels(everything))
        .isEqualTo(Outcome.failed(Kind.INVALID, "name the guild whose channels to list"));
  }

  @Test
  void showSettingsSaysWhetherTheyAreStoredOrTheDefaults() {
    ShowSettingsUseCase.Query query = new ShowSettingsUseCase.Query(OPERATOR, GUILD);
    assertThat(admin.showSettings(query).get())
        .isEqualTo(new ShowSettingsUseCase.StoredSettings(GuildSettings.defaults(GUILD), false));

    GuildSettings stored =
        store.saveSettings(GuildSettings.defaults(GUILD).withPositionDisplayEnabled(false));
    assertThat(admin.showSettings(query).get())
        .isEqualTo(new ShowSettingsUseCase.StoredSettings(stored, true));
  }

  @Test
  void purgeRemovesEverythingOfTheGuildOnly() {
    store.saveChannel(ChannelConfig.of(GUILD, CHANNEL));
    store.saveSettings(GuildSettings.defaults(GUILD).withPositionDisplayEnabled(false));
    ChannelConfig theirs = store.saveChannel(ChannelConfig.of(OTHER_GUILD, ChannelId.of(12)));

    assertThat(admin.purgeGuild(new PurgeGuildUseCase.Command(OPERATOR, GUILD)))
        .isEqualTo(Outcome.of(Kind.REMOVED, 2));
    ConfigSnapshot left = store.loadAll();
    assertThat(left.channels().values()).containsExactly(theirs);
    assertThat(left.settings()).isEmpty();
  }

  @Test
  void aPurgePlanListsWhatThePurgeWouldDeleteAndDeletesNothing() {
    store.saveChannel(ChannelConfig.of(GUILD, CHANNEL));
    store.saveSettings(GuildSettings.defaults(GUILD));
    store.saveChannel(ChannelConfig.of(OTHER_GUILD, ChannelId.of(12)));
    ConfigSnapshot before = store.loadAll();

    Outcome<PurgeGuildUseCase.Plan> plan =
        admin.planPurge(new PurgeGuildUseCase.Command(OPERATOR, GUILD));

    assertThat(plan.kind()).isEqualTo(Kind.FOUND);
    assertThat(plan.get().guildId()).isEqualTo(GUILD);
    assertThat(plan.get().items())
        .containsExactly(
            new GuildInventory.Item("channel 11", "channel"),
            new GuildInventory.Item("settings", "settings"));
    assertThat(store.loadAll()).isEqualTo(before);
  }

  @Test
  void aPurgePlanComesFromTheStoresOwnInventoryWhenGivenOne() {
    List<GuildInventory.Item> stored =
        List.of(
            new GuildInventory.Item("CHANNEL#11", "channel_config"),
            new GuildInventory.Item("NOTES#1", "something_else"));
    AdminService withInventory = new AdminService(store, guild -> stored);

    assertThat(withInventory.planPurge(new PurgeGuildUseCase.Command(OPERATOR, GUILD)))
        .isEqualTo(Outcome.of(Kind.FOUND, new PurgeGuildUseCase.Plan(GUILD, stored)));
    assertThat(
            withInventory
                .planPurge(new PurgeGuildUseCase.Command(MEMBER_OF_GUILD, OTHER_GUILD))
                .kind())
        .isEqualTo(Kind.NOT_ALLOWED);
  }

  @Test
  void aTagChangeClearsOrSets() {
    store.saveChannel(ChannelConfig.of(GUILD, CHANNEL).withTag(Tag.user(5)));
    ChannelChanges clear =
        new ChannelChanges(
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            OptionalChange.cleared(),
            Optional.empty(),
            Optional.empty());

    assertThat(change(OPERATOR, clear).get().tag()).isEmpty();
  }

  /** The store seen as a repository only, as the bot's cache is. */
  private static ConfigRepository repositoryOnly(ConfigRepository store) {
    InvocationHandler forward =
        (proxy, method, args) -> {
          try {
            return method.invoke(store, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        };
    return (ConfigRepository)
        Proxy.newProxyInstance(
            ConfigRepository.class.getClassLoader(),
            new Class<?>[] {ConfigRepository.class},
            forward);
  }

  @Test
  void aChangeOnlyIfTrackedOfAnUntrackedChannelSaysNotTrackedAndWritesNothing() {
    store.resetCounts();

    Outcome<ChannelConfig> outcome =
        admin.changeChannel(
            new ChangeChannelUseCase.Command(
                OPERATOR, GUILD, CHANNEL, pin(true), ChangeChannelUseCase.Mode.ONLY_IF_TRACKED));

    assertThat(outcome.kind()).isEqualTo(Kind.NOT_TRACKED);
    assertThat(store.findChannel(CHANNEL)).isEmpty();
    assertThat(store.calls(Operation.SAVE_CHANNEL) + store.calls(Operation.REPLACE_CHANNEL))
        .isZero();
  }

  @Test
  void aChangeOnlyIfTrackedNeverTracksAgainAChannelUntrackedJustBeforeItsWrite() {
    InMemoryConfigStore backing = new InMemoryConfigStore(MutableClock.startingAt2026());
    backing.saveChannel(ChannelConfig.of(GUILD, CHANNEL).withImage(true));
    // Another admin untracks the channel after this change read it and before it writes.
    ConfigStore untrackedMidWay =
        new ForwardingConfigStore(backing) {
          private boolean untracked;

          @Override
          protected void beforeCall(String method) {
            if (method.equals("replaceChannel") && !untracked) {
              untracked = true;
              backing.deleteChannel(GUILD, CHANNEL);
            }
          }
        };

    Outcome<ChannelConfig> outcome =
        new AdminService(untrackedMidWay)
            .changeChannel(
                new ChangeChannelUseCase.Command(
                    OPERATOR,
                    GUILD,
                    CHANNEL,
                    pin(true),
                    ChangeChannelUseCase.Mode.ONLY_IF_TRACKED));

    assertThat(outcome.kind()).isEqualTo(Kind.NOT_TRACKED);
    assertThat(backing.findChannel(CHANNEL)).isEmpty();
  }

  @Test
  void aChangeOnlyIfTrackedOfATrackedChannelChangesIt() {
    store.saveChannel(ChannelConfig.of(GUILD, CHANNEL).withImage(true));

    Outcome<ChannelConfig> outcome =
        admin.changeChannel(
            new ChangeChannelUseCase.Command(
                OPERATOR, GUILD, CHANNEL, pin(true), ChangeChannelUseCase.Mode.ONLY_IF_TRACKED));

    assertThat(outcome.kind()).isEqualTo(Kind.CHANGED);
    assertThat(outcome.get().pin()).isTrue();
    assertThat(outcome.get().image()).isTrue();
  }

  private Outcome<ChannelConfig> change(Actor actor, ChannelChanges changes) {
    return admin.changeChannel(new ChangeChannelUseCase.Command(actor, GUILD, CHANNEL, changes));
  }

  private Outcome<GuildSettings> changeSettings(SettingsChanges changes) {
    return admin.changeSettings(new ChangeSettingsUseCase.Command(OPERATOR, GUILD, changes));
  }

  private static ChannelChanges pin(boolean pin) {
    return new ChannelChanges(
        Optional.empty(),
        Optional.of(pin),
        Optional.empty(),
        OptionalChange.keep(),
        Optional.empty(),
        Optional.empty());
  }

  private static SettingsChanges timezone(String zone) {
    return new SettingsChanges(
        Optional.of(ZoneId.of(zone)),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        OptionalChange.keep(),
        Optional.empty(),
        OptionalChange.keep());
  }
}
