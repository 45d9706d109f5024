package io.github.botconfig.bot.internal.panel;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.botconfig.application.port.in.Actor;
import io.github.botconfig.application.service.AdminService;
import io.github.botconfig.bot.internal.panel.PanelId.Action;
import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.GuildSettings;
import io.github.botconfig.domain.Reporters;
import io.github.botconfig.domain.SettingKey;
import io.github.botconfig.domain.SettingType;
import io.github.botconfig.domain.SettingsSchema;
import io.github.botconfig.domain.StoreUnavailableException;
import io.github.botconfig.domain.Tag;
import io.github.botconfig.domain.Threshold;
import io.github.botconfig.domain.UnreadableItem;
import io.github.botconfig.domain.testing.InMemoryConfigStore;
import io.github.botconfig.domain.testing.InstrumentedConfigStore;
import io.github.botconfig.domain.testing.InstrumentedConfigStore.Operation;
import io.github.botconfig.domain.testing.MutableClock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PanelActionsTest {
  private static final GuildId GUILD = GuildId.of(10);
  private static final GuildId OTHER = GuildId.of(20);
  private static final ChannelId REPORTS = ChannelId.of(11);
  private static final ChannelId QUIET = ChannelId.of(12);
  private static final ChannelId ELSEWHERE = ChannelId.of(21);
  private static final long ROLE = 13;
  private static final long USER = 14;

  private final MutableClock clock = MutableClock.startingAt2026();
  private final InstrumentedConfigStore store =
      new InstrumentedConfigStore(new InMemoryConfigStore(clock));
  private final PanelActions actions = new PanelActions(new AdminService(store), clock);
  private final TestGuild guild = new TestGuild(GUILD, Set.of(REPORTS, QUIET), Set.of(ROLE));

  private PanelId click(Action action, long target, long version) {
    return PanelId.of(action, target, version, clock.instant().getEpochSecond());
  }

  private ChannelConfig tracked(ChannelConfig config) {
    return store.saveChannel(config);
  }

  private ChannelConfig stored(ChannelId channel) {
    return store.findChannel(channel).orElseThrow();
  }

  @Test
  void aServerWithNothingConfiguredStartsTheSetupAndOneWithAChannelTheOverview() {
    assertThat(actions.open(guild)).isInstanceOf(Screen.Setup.class);

    tracked(ChannelConfig.of(GUILD, REPORTS));

    assertThat(actions.open(guild)).isInstanceOf(Screen.Overview.class);
  }

  @Test
  void aToggleSetsWhatItsLabelSaysAndTheScreenShowsWhatWasStored() {
    ChannelConfig drawn = tracked(ChannelConfig.of(GUILD, REPORTS));

    Screen screen =
        actions.click(
            click(Action.PIN, REPORTS.value(), drawn.version()).withArg("1"), List.of(), guild);

    assertThat(stored(REPORTS).pin()).isTrue();
    assertThat(screen).isInstanceOf(Screen.Channel.class);
    Screen.Channel channel = (Screen.Channel) screen;
    assertThat(channel.channel().config()).isEqualTo(stored(REPORTS));
    assertThat(channel.notice()).isEqualTo("✅ Pin turned on.");
  }

  @Test
  void aStalePanelAppliesItsClickToTheStoredValueAndSaysSo() {
    ChannelConfig drawn = tracked(ChannelConfig.of(GUILD, REPORTS));
    // Another admin turns the image on after this panel was drawn.
    store.updateChannel(GUILD, REPORTS, c -> c.withImage(true));

    Screen.Channel screen =
        (Screen.Channel)
            actions.click(
                click(Action.PIN, REPORTS.value(), drawn.version()).withArg("1"), List.of(), guild);

    assertThat(stored(REPORTS).image()).as("the other admin's change is kept").isTrue();
    assertThat(stored(REPORTS).pin()).isTrue();
    assertThat(screen.notice()).startsWith(PanelActions.STALE);
    assertThat(screen.channel().config().image()).isTrue();
  }

  @Test
  void aPanelOlderThanFifteenMinutesIsRedrawnWithoutApplyingItsClick() {
    ChannelConfig drawn = tracked(ChannelConfig.of(GUILD, REPORTS));
    PanelId old = click(Action.PIN, REPORTS.value(), drawn.version()).withArg("1");
    clock.advance(Duration.ofMinutes(16));

    Screen.Channel screen = (Screen.Channel) actions.click(old, List.of(), guild);

    assertThat(stored(REPORTS)).isEqualTo(drawn);
    assertThat(screen.notice()).isEqualTo(PanelActions.EXPIRED);
  }

  @Test
  void aForgedTargetOfAnotherServersChannelIsRefusedAndChangesNothing() {
    ChannelConfig theirs = tracked(ChannelConfig.of(OTHER, ELSEWHERE));

    Screen screen =
        actions.click(
            click(Action.PIN, ELSEWHERE.value(), theirs.version()).withArg("1"), List.of(), guild);

    assertThat(stored(ELSEWHERE)).isEqualTo(theirs);
    assertThat(screen).isInstanceOf(Screen.Overview.class);
    assertThat(((Screen.Overview) screen).notice()).isEqualTo(PanelActions.REFUSED);
  }

  @Test
  void aChannelOrRoleThatIsNotThisServersIsRefusedInSelectsToo() {
    ChannelConfig drawn = tracked(ChannelConfig.of(GUILD, REPORTS));

    Screen added = actions.click(click(Action.ADD, 0, 0), List.of(ELSEWHERE.toString()), guild);
    Screen role =
        actions.click(
            click(Action.TAG_ROLE, REPORTS.value(), drawn.version()), List.of("999"), guild);
    Screen global = actions.click(click(Action.GLOBAL, 0, 0), List.of("999"), guild);

    assertThat(List.of(added, role, global))
        .allSatisfy(
            s -> assertThat(((Screen.Overview) s).notice()).isEqualTo(PanelActions.REFUSED));
    assertThat(store.findChannel(ELSEWHERE)).isEmpty();
    assertThat(stored(REPORTS)).isEqualTo(drawn);
    assertThat(store.findSettings(GUILD)).isEmpty();
  }

  @Test
  void everyoneIsNeverATagFromThePanelEitherAndNothingChanges() {
    TestGuild withEveryone = new TestGuild(GUILD, Set.of(REPORTS), Set.of(ROLE, GUILD.value()));
    ChannelConfig drawn = tracked(ChannelConfig.of(GUILD, REPORTS));

    Screen screen =
        actions.click(
            click(Action.TAG_ROLE, REPORTS.value(), drawn.version()),
            List.of(Long.toString(GUILD.value())),
            withEveryone);

    assertThat(screen)
        .isInstanceOfSatisfying(
            Screen.Channel.class,
            channel -> assertThat(channel.notice()).contains("a tag cannot be @everyone"));
    assertThat(stored(REPORTS)).isEqualTo(drawn);
  }

  @Test
  void aForgedToggleValueOrThresholdIsRefused() {
    ChannelConfig drawn = tracked(ChannelConfig.of(GUILD, REPORTS));

    Screen toggle =
        actions.click(
            click(Action.PIN, REPORTS.value(), drawn.version()).withArg("2"), List.of(), guild);
    Screen threshold =
        actions.click(
            click(Action.THRESHOLD, REPORTS.value(), drawn.version()).withArg("50"),
            List.of(),
            guild);

    assertThat(List.of(toggle, threshold))
        .allSatisfy(s -> assertThat(s).isInstanceOf(Screen.Overview.class));
    assertThat(stored(REPORTS)).isEqualTo(drawn);
  }

  @Test
  void aForgedTargetThatIsNoChannelIdIsRefused() {
    Screen screen = actions.click(click(Action.PIN, 0, 0).withArg("1"), List.of(), guild);

    assertThat(((Screen.Overview) screen).notice()).isEqualTo(PanelActions.REFUSED);
    assertThat(store.findChannels(GUILD)).isEmpty();
  }

  @Test
  void aChannelRemovedElsewhereIsNotTrackedAgainByAStalePanel() {
    ChannelConfig drawn = tracked(ChannelConfig.of(GUILD, REPORTS));
    store.deleteChannel(GUILD, REPORTS);

    Screen screen =
        actions.click(
            click(Action.PIN, REPORTS.value(), drawn.version()).withArg("1"), List.of(), guild);

    assertThat(store.findChannel(REPORTS)).isEmpty();
    assertThat(((Screen.Overview) screen).notice()).contains("is not tracked");
  }

  @Test
  void aChannelDeletedInDiscordEndsTheFlow() {
    ChannelConfig drawn = tracked(ChannelConfig.of(GUILD, REPORTS));
    TestGuild withoutIt = new TestGuild(GUILD, Set.of(QUIET), Set.of(ROLE));

    Screen screen =
        actions.click(
            click(Action.PIN, REPORTS.value(), drawn.version()).withArg("1"), List.of(), withoutIt);

    assertThat(screen).isInstanceOf(Screen.Closed.class);
    assertThat(((Screen.Closed) screen).text()).contains("is not a channel of this server");
    assertThat(stored(REPORTS)).isEqualTo(drawn);
  }

  @Test
  void thePercentageFormIsFilledInAndAnInvalidValueChangesNothing() {
    ChannelConfig drawn =
        tracked(ChannelConfig.of(GUILD, REPORTS).withThreshold(Threshold.percent(12.5)));

    Screen.Form form =
        (Screen.Form)
            actions.click(
                click(Action.PERCENT_FORM, REPORTS.value(), drawn.version()), List.of(), guild);
    Screen.Channel refused = (Screen.Channel) actions.click(form.submit(), List.of("12a"), guild);
    Screen.Channel saved = (Screen.Channel) actions.click(form.submit(), List.of(" 7,5 % "), guild);

    assertThat(form.current()).isEqualTo("12.5");
    assertThat(refused.notice()).startsWith("❌ threshold must be").contains("'12a'");
    assertThat(saved.channel().config().threshold()).isEqualTo(Threshold.percent(7.5));
    assertThat(stored(REPORTS).threshold()).isEqualTo(Threshold.percent(7.5));
  }

  private static final SettingKey<Long> WARNINGS_KEPT =
      SettingKey.guild("warningsKept", SettingType.integer(0, 50))
          .defaultValue(10L)
          .help("how many warnings are kept")
          .build();
  private static final SettingKey<Long> SLOWMODE =
      SettingKey.channel("slowmodeSeconds", SettingType.integer(0, 600)).defaultValue(0L).build();

  private final PanelActions declaring =
      new PanelActions(new AdminService(store), clock, SettingsSchema.of(WARNINGS_KEPT, SLOWMODE));

  @Test
  void aDeclaredServerKeyIsListedSetFromItsFormRefusedWithItsMessageAndResetWhenLeftEmpty() {
    Screen.Server server =
        (Screen.Server) declaring.click(click(Action.SERVER, 0, 0), List.of(), guild);
    assertThat(server.declared()).containsExactly(WARNINGS_KEPT);
    Screen.Declared listed =
        (Screen.Declared) declaring.click(click(Action.SERVER_KEYS, 0, 0), List.of(), guild);
    assertThat(listed.keys()).containsExactly(WARNINGS_KEPT);
    assertThat(PanelRenderer.render(listed, 0).content()).contains("warningsKept: `10` (default)");

    Screen.Form form =
        (Screen.Form)
            declaring.click(click(Action.SERVER_KEY_FORM, 0, 0), List.of("warningsKept"), guild);
    assertThat(form.key()).isEqualTo("warningsKept");
    assertThat(form.current()).as("empty while the default applies").isEmpty();

    Screen.Declared refused =
        (Screen.Declared) declaring.click(form.submit(), List.of("warningsKept", "51"), guild);
    assertThat(refused.notice()).startsWith("❌ ").contains("51").endsWith("nothing changed.");
    assertThat(store.findSettings(GUILD)).isEmpty();

    Screen.Declared saved =
        (Screen.Declared) declaring.click(form.submit(), List.of("warningsKept", "3"), guild);
    assertThat(saved.notice()).isEqualTo("✅ warningsKept set to `3`.");
    GuildSettings stored = store.findSettings(GUILD).orElseThrow();
    assertThat(stored.get(WARNINGS_KEPT)).isEqualTo(3L);
    assertThat(stored.timezone()).as("nothing else changed").isEqualTo(ZoneId.of("UTC"));
    Screen.Form again =
        (Screen.Form)
            declaring.click(
                click(Action.SERVER_KEY_FORM, 0, stored.version()), List.of("warningsKept"), guild);
    assertThat(again.current()).isEqualTo("3");

    declaring.click(again.submit(), List.of("warningsKept", ""), guild);
    assertThat(store.findSettings(GUILD).orElseThrow().custom().isStored(WARNINGS_KEPT)).isFalse();
  }

  @Test
  void aDeclaredKeyNameIsOnlyDataAndAnUndeclaredOneOrOneOfTheOtherScopeIsRefused() {
    tracked(ChannelConfig.of(GUILD, REPORTS));
    long before = store.findChannel(REPORTS).orElseThrow().version();

    for (String forged : List.of("nope", "slowmodeSeconds")) {
      Screen screen =
          declaring.click(click(Action.SERVER_KEY_SUBMIT, 0, 0), List.of(forged, "1"), guild);
      assertThat(screen).isInstanceOf(Screen.Overview.class);
      assertThat(((Screen.Overview) screen).notice()).isEqualTo(PanelActions.REFUSED);
    }
    Screen channel =
        declaring.click(
            click(Action.CHANNEL_KEY_FORM, REPORTS.value(), before),
            List.of("warningsKept"),
            guild);
    assertThat(((Screen.Overview) channel).notice()).isEqualTo(PanelActions.REFUSED);
    assertThat(store.findSettings(GUILD)).isEmpty();
    assertThat(store.findChannel(REPORTS).orElseThrow().version()).isEqualTo(before);
  }

  @Test
  void aDeclaredChannelKeyIsSetFromTheChannelsViewAndOnlyThatKeyChanges() {
    ChannelConfig drawn = tracked(ChannelConfig.of(GUILD, REPORTS).withPin(true));
    Screen.Channel view =
        (Screen.Channel)
            declaring.click(click(Action.OPEN, 0, 0), List.of("" + REPORTS.value()), guild);
    assertThat(view.channel().declared()).containsExactly(SLOWMODE);

    Screen.Form form =
        (Screen.Form)
            declaring.click(
                click(Action.CHANNEL_KEY_FORM, REPORTS.value(), drawn.version()),
                List.of("slowmodeSeconds"),
                guild);
    Screen.Declared saved =
        (Screen.Declared) declaring.click(form.submit(), List.of("slowmodeSeconds", "30"), guild);

    assertThat(saved.notice()).endsWith("✅ slowmodeSeconds set to `30`.");
    assertThat(stored(REPORTS).get(SLOWMODE)).isEqualTo(30L);
    assertThat(stored(REPORTS).pin()).isTrue();
    Screen back =
        declaring.click(
            click(Action.CHANNEL_KEYS, REPORTS.value(), saved.version())
                .withArg(PanelActions.BACK_ARG),
            List.of(),
            guild);
    assertThat(back).isInstanceOf(Screen.Channel.class);
  }

  @Test
  void theTagIsAUserARoleOrNobody() {
    ChannelConfig drawn = tracked(ChannelConfig.of(GUILD, REPORTS));
    long v = drawn.version();

    actions.click(click(Action.TAG_USER, REPORTS.value(), v), List.of("" + USER), guild);
    assertThat(stored(REPORTS).tag()).contains(Tag.user(USER));
    actions.click(click(Action.TAG_ROLE, REPORTS.value(), v), List.of("" + ROLE), guild);
    assertThat(stored(REPORTS).tag()).contains(Tag.role(ROLE));
    actions.click(click(Action.TAG_CLEAR, REPORTS.value(), v), List.of(), guild);
    assertThat(stored(REPORTS).tag()).isEmpty();
  }

  @Test
  void theTimezoneFormShowsTheZoneAndItsLocalTimeAndRefusesAnUnknownZone() {
    Screen.Form form =
        (Screen.Form) actions.click(click(Action.TIMEZONE_FORM, 0, 0), List.of(), guild);
    assertThat(form.current()).isEqualTo("UTC");

    Screen.Server refused =
        (Screen.Server) actions.click(form.submit(), List.of("Mars/Olympus"), guild);
    assertThat(refused.notice()).contains("Mars/Olympus").endsWith("nothing changed.");
    assertThat(store.findSettings(GUILD)).isEmpty();

    Screen.Server saved =
        (Screen.Server) actions.click(form.submit(), List.of("Europe/Paris"), guild);
    assertThat(store.findSettings(GUILD).orElseThrow().timezone())
        .isEqualTo(ZoneId.of("Europe/Paris"));
    assertThat(saved.localNow()).isEqualTo(clock.instant().atZone(ZoneId.of("Europe/Paris")));
  }

  @Test
  void serverTogglesAndTheGlobalChannelChangeOnlyWhatTheyName() {
    actions.click(click(Action.WEEKLY, 0, 0).withArg("1"), List.of(), guild);
    actions.click(click(Action.GLOBAL, 0, 0), List.of(REPORTS.toString()), guild);
    actions.click(click(Action.BOARD, 0, 0).withArg("0"), List.of(), guild);

    GuildSettings stored = store.findSettings(GUILD).orElseThrow();
    assertThat(stored.summaryPreferences().weeklySummary()).isTrue();
    assertThat(stored.summaryPreferences().dailySummary()).isFalse();
    assertThat(stored.globalChannelId()).contains(REPORTS);
    assertThat(stored.positionDisplayEnabled()).isFalse();
    assertThat(stored.timezone()).isEqualTo(GuildSettings.UTC);
  }

  @Test
  void theFirstSetupTracksChannelsSetsTheGlobalChannelAndSummariesThenShowsTheOverview() {
    Screen step2 =
        actions.click(
            click(Action.SETUP_TRACK, 0, 0), List.of(REPORTS.toString(), QUIET.toString()), guild);
    assertThat(((Screen.Setup) step2).step()).isEqualTo(Screen.Step.GLOBAL_CHANNEL);
    Screen step3 =
        actions.click(click(Action.SETUP_GLOBAL, 0, 0), List.of(REPORTS.toString()), guild);
    assertThat(((Screen.Setup) step3).step()).isEqualTo(Screen.Step.SUMMARIES);
    actions.click(click(Action.SETUP_SUMMARIES, 0, 0).withArg("d1"), List.of(), guild);
    Screen done = actions.click(click(Action.SETUP_FINISH, 0, 0), List.of(), guild);

    assertThat(store.findChannels(GUILD))
        .extracting(ChannelConfig::channelId)
        .containsExactly(REPORTS, QUIET);
    GuildSettings settings = store.findSettings(GUILD).orElseThrow();
    assertThat(settings.globalChannelId()).contains(REPORTS);
    assertThat(settings.summaryPreferences().dailySummary()).isTrue();
    assertThat(done).isInstanceOf(Screen.Overview.class);
  }

  @Test
  void theSetupChecksEveryChannelBeforeTrackingAny() {
    actions.click(
        click(Action.SETUP_TRACK, 0, 0), List.of(REPORTS.toString(), ELSEWHERE.toString()), guild);

    assertThat(store.findChannels(GUILD)).isEmpty();
  }

  @Test
  void aStoreOutageIsAnsweredOnThePanelAndChangesNothing() {
    ChannelConfig drawn = tracked(ChannelConfig.of(GUILD, REPORTS));
    store.failNext(Operation.REPLACE_CHANNEL, new StoreUnavailableException("the store is down"));

    Screen.Channel screen =
        (Screen.Channel)
            actions.click(
                click(Action.PIN, REPORTS.value(), drawn.version()).withArg("1"), List.of(), guild);

    assertThat(screen.notice()).startsWith("❌ The configuration store cannot be reached");
    assertThat(stored(REPORTS)).isEqualTo(drawn);
  }

  @Test
  void whoseMessagesCountAsReportsIsSetFromThePanelAndAForgedValueIsRefused() {
    ChannelConfig drawn = tracked(ChannelConfig.of(GUILD, REPORTS));

    Screen.Channel everyone =
        (Screen.Channel)
            actions.click(
                click(Action.REPORTERS, REPORTS.value(), drawn.version()).withArg("everyone"),
                List.of(),
                guild);
    assertThat(stored(REPORTS).reporters()).isEqualTo(Reporters.EVERYONE);
    assertThat(everyone.notice())
        .isEqualTo("✅ Reports now count from everyone: webhooks and members.");
    Screen forged =
        actions.click(
            click(Action.REPORTERS, REPORTS.value(), stored(REPORTS).version()).withArg("bots"),
            List.of(),
            guild);
    actions.click(
        click(Action.REPORTERS, REPORTS.value(), stored(REPORTS).version()).withArg("webhooks"),
        List.of(),
        guild);

    assertThat(((Screen.Overview) forged).notice()).isEqualTo(PanelActions.REFUSED);
    assertThat(stored(REPORTS).reporters()).isEqualTo(Reporters.WEBHOOKS);
  }

  @Test
  void anActorTheUseCasesRefuseGetsNoPanelAndTheirClicksChangeNothing() {
    ChannelConfig drawn = tracked(ChannelConfig.of(GUILD, REPORTS));
    TestGuild notAnAdmin = new TestGuild(GUILD, Set.of(REPORTS), Set.of(ROLE), false);
    store.resetCounts();

    Screen opened = actions.open(notAnAdmin);
    Screen clicked =
        actions.click(
            click(Action.PIN, REPORTS.value(), drawn.version()).withArg("1"),
            List.of(),
            notAnAdmin);
    Screen form =
        actions.click(
            click(Action.PERCENT_FORM, REPORTS.value(), drawn.version()), List.of(), notAnAdmin);

    assertThat(opened).isEqualTo(new Screen.Closed(PanelActions.NO_PERMISSION_TO_OPEN));
    assertThat(clicked).isEqualTo(new Screen.Closed(PanelActions.NO_PERMISSION));
    assertThat(form).isEqualTo(new Screen.Closed(PanelActions.NO_PERMISSION));
    assertThat(store.totalCalls()).as("refused before anything is read").isZero();
    assertThat(stored(REPORTS)).isEqualTo(drawn);
  }

  @Test
  void aChannelAnotherServerTracksIsNotTrackedHereFromTheAddMenu() {
    ChannelConfig theirs = tracked(ChannelConfig.of(OTHER, REPORTS)); // a table of odd history
    store.resetCounts();

    Screen.Overview screen =
        (Screen.Overview)
            actions.click(click(Action.ADD, 0, 0), List.of(REPORTS.toString()), guild);

    assertThat(screen.notice())
        .contains("is tracked by another server")
        .endsWith("Nothing changed.");
    assertThat(stored(REPORTS)).isEqualTo(theirs);
    assertThat(store.calls(Operation.SAVE_CHANNEL)).isZero();
  }

  @Test
  void aChannelStoredButUnreadableIsShownOnTheOverviewAndNeverTrackedOver() {
    UnreadableItem broken = UnreadableItem.channel(GUILD, QUIET, "threshold: got 'lots'");
    ((InMemoryConfigStore) store.delegate()).putUnreadable(broken);
    tracked(ChannelConfig.of(GUILD, REPORTS));

    Screen.Overview overview = (Screen.Overview) actions.open(guild);
    Screen.Overview added =
        (Screen.Overview) actions.click(click(Action.ADD, 0, 0), List.of(QUIET.toString()), guild);

    assertThat(overview.unreadable())
        .containsExactly("<#12> is stored but unreadable: threshold: got 'lots'");
    assertThat(PanelRenderer.render(overview, 0).content())
        .contains("⚠️ <#12> is stored but unreadable");
    assertThat(added.notice()).startsWith("❌ channel 12 of guild 10 is stored but unreadable");
    assertThat(store.findUnreadableChannel(QUIET)).contains(broken);
    assertThat(store.findChannel(QUIET)).isEmpty();
  }

  /** A guild of fixed channels and roles. */
  record TestGuild(GuildId id, Set<ChannelId> channels, Set<Long> roles, boolean admin)
      implements GuildView {
    TestGuild(GuildId id, Set<ChannelId> channels, Set<Long> roles) {
      this(id, channels, roles, true);
    }

    /** An admin of this guild (or not): the use cases let an admin configure it, and no other. */
    @Override
    public Actor actor() {
      return new Actor() {
        @Override
        public String who() {
          return "admin of " + id;
        }

        @Override
        public boolean mayConfigure(GuildId guildId) {
          return admin && guildId.equals(id);
        }
      };
    }

    @Override
    public boolean hasChannel(ChannelId channelId) {
      return channels.contains(channelId);
    }

    @Override
    public boolean hasRole(long roleId) {
      return roles.contains(roleId);
    }

    @Override
    public Optional<String> roleRefusal(long roleId) {
      return roleId == id.value()
          ? Optional.of("a tag cannot be @everyone: it would ping every member of this server")
          : Optional.empty();
    }

    @Override
    public String channelName(ChannelId channelId) {
      return "#c" + channelId;
    }

    @Override
    public List<String> warnings(GuildSettings settings) {
      return List.of();
    }
  }
}
