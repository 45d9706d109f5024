package io.github.botconfig.bot.panel;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.botconfig.bot.panel.PanelId.Action;
import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.GuildSettings;
import io.github.botconfig.domain.StoreUnavailableException;
import io.github.botconfig.domain.Tag;
import io.github.botconfig.domain.Threshold;
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
  private final PanelActions actions = new PanelActions(store, clock);
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
            click(Action.PIN, REPORTS.value(), drawn.version()).withArg("1"),
            List.of(),
            guild,
            USER);

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
                click(Action.PIN, REPORTS.value(), drawn.version()).withArg("1"),
                List.of(),
                guild,
                USER);

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

    Screen.Channel screen = (Screen.Channel) actions.click(old, List.of(), guild, USER);

    assertThat(stored(REPORTS)).isEqualTo(drawn);
    assertThat(screen.notice()).isEqualTo(PanelActions.EXPIRED);
  }

  @Test
  void aForgedTargetOfAnotherServersChannelIsRefusedAndChangesNothing() {
    ChannelConfig theirs = tracked(ChannelConfig.of(OTHER, ELSEWHERE));

    Screen screen =
        actions.click(
            click(Action.PIN, ELSEWHERE.value(), theirs.version()).withArg("1"),
            List.of(),
            guild,
            USER);

    assertThat(stored(ELSEWHERE)).isEqualTo(theirs);
    assertThat(screen).isInstanceOf(Screen.Overview.class);
    assertThat(((Screen.Overview) screen).notice()).isEqualTo(PanelActions.REFUSED);
  }

  @Test
  void aChannelOrRoleThatIsNotThisServersIsRefusedInSelectsToo() {
    ChannelConfig drawn = tracked(ChannelConfig.of(GUILD, REPORTS));

    Screen added =
        actions.click(click(Action.ADD, 0, 0), List.of(ELSEWHERE.toString()), guild, USER);
    Screen role =
        actions.click(
            click(Action.TAG_ROLE, REPORTS.value(), drawn.version()), List.of("999"), guild, USER);
    Screen global = actions.click(click(Action.GLOBAL, 0, 0), List.of("999"), guild, USER);

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
            withEveryone,
            USER);

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
            click(Action.PIN, REPORTS.value(), drawn.version()).withArg("2"),
            List.of(),
            guild,
            USER);
    Screen threshold =
        actions.click(
            click(Action.THRESHOLD, REPORTS.value(), drawn.version()).withArg("50"),
            List.of(),
            guild,
            USER);

    assertThat(List.of(toggle, threshold))
        .allSatisfy(s -> assertThat(s).isInstanceOf(Screen.Overview.class));
    assertThat(stored(REPORTS)).isEqualTo(drawn);
  }

  @Test
  void aForgedTargetThatIsNoChannelIdIsRefused() {
    Screen screen = actions.click(click(Action.PIN, 0, 0).withArg("1"), List.of(), guild, USER);

    assertThat(((Screen.Overview) screen).notice()).isEqualTo(PanelActions.REFUSED);
    assertThat(store.findChannels(GUILD)).isEmpty();
  }

  @Test
  void aChannelRemovedElsewhereIsNotTrackedAgainByAStalePanel() {
    ChannelConfig drawn = tracked(ChannelConfig.of(GUILD, REPORTS));
    store.deleteChannel(GUILD, REPORTS);

    Screen screen =
        actions.click(
            click(Action.PIN, REPORTS.value(), drawn.version()).withArg("1"),
            List.of(),
            guild,
            USER);

    assertThat(store.findChannel(REPORTS)).isEmpty();
    assertThat(((Screen.Overview) screen).notice()).contains("is not tracked");
  }

  @Test
  void aChannelDeletedInDiscordEndsTheFlow() {
    ChannelConfig drawn = tracked(ChannelConfig.of(GUILD, REPORTS));
    TestGuild withoutIt = new TestGuild(GUILD, Set.of(QUIET), Set.of(ROLE));

    Screen screen =
        actions.click(
            click(Action.PIN, REPORTS.value(), drawn.version()).withArg("1"),
            List.of(),
            withoutIt,
            USER);

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
                click(Action.PERCENT_FORM, REPORTS.value(), drawn.version()),
                List.of(),
                guild,
                USER);
    Screen.Channel refused =
        (Screen.Channel) actions.click(form.submit(), List.of("12a"), guild, USER);
    Screen.Channel saved =
        (Screen.Channel) actions.click(form.submit(), List.of(" 7,5 % "), guild, USER);

    assertThat(form.current()).isEqualTo("12.5");
    assertThat(refused.notice()).startsWith("❌ threshold must be").contains("'12a'");
    assertThat(saved.channel().config().threshold()).isEqualTo(Threshold.percent(7.5));
    assertThat(stored(REPORTS).threshold()).isEqualTo(Threshold.percent(7.5));
  }

  @Test
  void theTagIsAUserARoleOrNobody() {
    ChannelConfig drawn = tracked(ChannelConfig.of(GUILD, REPORTS));
    long v = drawn.version();

    actions.click(click(Action.TAG_USER, REPORTS.value(), v), List.of("" + USER), guild, USER);
    assertThat(stored(REPORTS).tag()).contains(Tag.user(USER));
    actions.click(click(Action.TAG_ROLE, REPORTS.value(), v), List.of("" + ROLE), guild, USER);
    assertThat(stored(REPORTS).tag()).contains(Tag.role(ROLE));
    actions.click(click(Action.TAG_CLEAR, REPORTS.value(), v), List.of(), guild, USER);
    assertThat(stored(REPORTS).tag()).isEmpty();
  }

  @Test
  void theTimezoneFormShowsTheZoneAndItsLocalTimeAndRefusesAnUnknownZone() {
    Screen.Form form =
        (Screen.Form) actions.click(click(Action.TIMEZONE_FORM, 0, 0), List.of(), guild, USER);
    assertThat(form.current()).isEqualTo("UTC");

    Screen.Server refused =
        (Screen.Server) actions.click(form.submit(), List.of("Mars/Olympus"), guild, USER);
    assertThat(refused.notice()).contains("Mars/Olympus").endsWith("nothing changed.");
    assertThat(store.findSettings(GUILD)).isEmpty();

    Screen.Server saved =
        (Screen.Server) actions.click(form.submit(), List.of("Europe/Paris"), guild, USER);
    assertThat(store.findSettings(GUILD).orElseThrow().timezone())
        .isEqualTo(ZoneId.of("Europe/Paris"));
    assertThat(saved.localNow()).isEqualTo(clock.instant().atZone(ZoneId.of("Europe/Paris")));
  }

  @Test
  void serverTogglesAndTheGlobalChannelChangeOnlyWhatTheyName() {
    actions.click(click(Action.WEEKLY, 0, 0).withArg("1"), List.of(), guild, USER);
    actions.click(click(Action.GLOBAL, 0, 0), List.of(REPORTS.toString()), guild, USER);
    actions.click(click(Action.BOARD, 0, 0).withArg("0"), List.of(), guild, USER);

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
            click(Action.SETUP_TRACK, 0, 0),
            List.of(REPORTS.toString(), QUIET.toString()),
            guild,
            USER);
    assertThat(((Screen.Setup) step2).step()).isEqualTo(Screen.Step.GLOBAL_CHANNEL);
    Screen step3 =
        actions.click(click(Action.SETUP_GLOBAL, 0, 0), List.of(REPORTS.toString()), guild, USER);
    assertThat(((Screen.Setup) step3).step()).isEqualTo(Screen.Step.SUMMARIES);
    actions.click(click(Action.SETUP_SUMMARIES, 0, 0).withArg("d1"), List.of(), guild, USER);
    Screen done = actions.click(click(Action.SETUP_FINISH, 0, 0), List.of(), guild, USER);

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
        click(Action.SETUP_TRACK, 0, 0),
        List.of(REPORTS.toString(), ELSEWHERE.toString()),
        guild,
        USER);

    assertThat(store.findChannels(GUILD)).isEmpty();
  }

  @Test
  void aStoreOutageIsAnsweredOnThePanelAndChangesNothing() {
    ChannelConfig drawn = tracked(ChannelConfig.of(GUILD, REPORTS));
    store.failNext(Operation.REPLACE_CHANNEL, new StoreUnavailableException("the store is down"));

    Screen.Channel screen =
        (Screen.Channel)
            actions.click(
                click(Action.PIN, REPORTS.value(), drawn.version()).withArg("1"),
                List.of(),
                guild,
                USER);

    assertThat(screen.notice()).startsWith("❌ The configuration store cannot be reached");
    assertThat(stored(REPORTS)).isEqualTo(drawn);
  }

  /** A guild of fixed channels and roles. */
  record TestGuild(GuildId id, Set<ChannelId> channels, Set<Long> roles) implements GuildView {
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
