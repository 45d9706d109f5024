package io.github.botconfig.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.botconfig.app.launch.LaunchOptions;
import io.github.botconfig.app.wiring.AppComponent;
import io.github.botconfig.app.wiring.BotSettingKeys;
import io.github.botconfig.application.port.in.Actor;
import io.github.botconfig.application.port.in.ChangeChannelUseCase;
import io.github.botconfig.application.port.in.ChangeSettingsUseCase;
import io.github.botconfig.application.port.in.ChannelChanges;
import io.github.botconfig.application.port.in.ConfigAdministration;
import io.github.botconfig.application.port.in.CustomChanges;
import io.github.botconfig.application.port.in.ListChannelsUseCase;
import io.github.botconfig.application.port.in.OptionalChange;
import io.github.botconfig.application.port.in.Outcome;
import io.github.botconfig.application.port.in.Outcome.Kind;
import io.github.botconfig.application.port.in.PurgeGuildUseCase;
import io.github.botconfig.application.port.in.SettingsChanges;
import io.github.botconfig.application.port.in.ShowChannelUseCase;
import io.github.botconfig.application.port.in.ShowSettingsUseCase;
import io.github.botconfig.application.port.in.UntrackChannelUseCase;
import io.github.botconfig.application.service.AdminService;
import io.github.botconfig.bot.internal.admin.ConfigAdmin;
import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.ConfigConflictException;
import io.github.botconfig.domain.ConfigConflictException.Reason;
import io.github.botconfig.domain.ConfigSnapshot;
import io.github.botconfig.domain.ConfigStore;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.GuildSettings;
import io.github.botconfig.domain.SettingKey;
import io.github.botconfig.domain.Threshold;
import io.github.botconfig.domain.testing.InMemoryConfigStore;
import io.github.botconfig.domain.testing.InstrumentedConfigStore;
import io.github.botconfig.domain.testing.InstrumentedConfigStore.Operation;
import io.github.botconfig.domain.testing.MutableClock;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

/**
 * One table of admin scenarios, each run through Discord's {@code /config} ({@link ConfigAdmin}, as
 * a member with Manage Server) and through the command line ({@code botconfig channels|settings
 * …}), each on a fresh store prepared the same way: both front ends must call the use cases for the
 * same outcome (kind, value, message) and leave the same table.
 */
class FrontEndsAgreeTest {
  private static final GuildId GUILD = GuildId.of(1_100_000_000_000_000_000L);
  private static final GuildId OTHER_GUILD = GuildId.of(1_200_000_000_000_000_000L);
  private static final ChannelId REPORTS = ChannelId.of(1_100_000_000_000_000_010L);
  private static final Actor ADMIN =
      new Actor() {
        @Override
        public String who() {
          return "member 30";
        }

        @Override
        public boolean mayConfigure(GuildId guildId) {
          return guildId.equals(GUILD);
        }
      };
  private static final String G = GUILD.toString();
  private static final String C = REPORTS.toString();

  /**
   * A scenario: the store before, the command line's arguments, the same request on Discord, and
   * the outcome both must reach.
   */
  record Scenario(
      String name,
      Consumer<InstrumentedConfigStore> before,
      List<String> cli,
      BiFunction<ConfigAdmin, Actor, String> discord,
      Kind expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Scenario> scenarios() {
    Consumer<InstrumentedConfigStore> tracked =
        store -> store.saveChannel(ChannelConfig.of(GUILD, REPORTS).withPin(true));
    Consumer<InstrumentedConfigStore> theirs =
        store -> store.saveChannel(ChannelConfig.of(OTHER_GUILD, REPORTS));
    Consumer<InstrumentedConfigStore> nothing = store -> {};
    Consumer<InstrumentedConfigStore> forwarding =
        store ->
            store.saveSettings(
                GuildSettings.defaults(GUILD)
                    .withTimezone(ZoneId.of("Europe/Paris"))
                    .with(BotSettingKeys.FORWARD, true));
    return Stream.of(
        new Scenario(
            "tracking a new channel",
            nothing,
            List.of("channels", "set", "--guild", G, "--channel", C, "--pin", "true"),
            (admin, actor) -> admin.setChannel(actor, GUILD, REPORTS, pin(true)),
            Kind.CREATED),
        new Scenario(
            "changing a tracked channel",
            tracked,
            List.of("channels", "set", "--guild", G, "--channel", C, "--threshold", "TP"),
            (admin, actor) ->
                admin.setChannel(
                    actor,
                    GUILD,
                    REPORTS,
                    new ChannelChanges(
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        OptionalChange.keep(),
                        Optional.of(Threshold.TAKE_PROFIT),
                        Optional.empty())),
            Kind.CHANGED),
        new Scenario(
            "setting what a channel already has",
            tracked,
            List.of("channels", "set", "--guild", G, "--channel", C, "--pin", "true"),
            (admin, actor) -> admin.setChannel(actor, GUILD, REPORTS, pin(true)),
            Kind.UNCHANGED),
        new Scenario(
            "setting a channel another guild tracks",
            theirs,
            List.of("channels", "set", "--guild", G, "--channel", C, "--pin", "true"),
            (admin, actor) -> admin.setChannel(actor, GUILD, REPORTS, pin(true)),
            Kind.OWNED_BY_ANOTHER_GUILD),
        new Scenario(
            "a conflict through every attempt",
            tracked.andThen(
                store ->
                    store.failWith(
                        Operation.REPLACE_CHANNEL,
                        () ->
                            new ConfigConflictException(Reason.VERSION_CHANGED, "changed (test)"))),
            List.of("channels", "set", "--guild", G, "--channel", C, "--pin", "false"),
            (admin, actor) -> admin.setChannel(actor, GUILD, REPORTS, pin(false)),
            Kind.CONFLICT),
        new Scenario(
            "the store is down",
            tracked.andThen(InstrumentedConfigStore::goDown),
            List.of("channels", "set", "--guild", G, "--channel", C, "--pin", "false"),
            (admin, actor) -> admin.setChannel(actor, GUILD, REPORTS, pin(false)),
            Kind.UNAVAILABLE),
        new Scenario(
            "showing a tracked channel",
            tracked,
            List.of("channels", "show", "--guild", G, "--channel", C),
            (admin, actor) -> admin.showChannel(actor, GUILD, REPORTS),
            Kind.FOUND),
        new Scenario(
            "showing a channel another guild tracks",
            theirs,
            List.of("channels", "show", "--guild", G, "--channel", C),
            (admin, actor) -> admin.showChannel(actor, GUILD, REPORTS),
            Kind.OWNED_BY_ANOTHER_GUILD),
        new Scenario(
            "listing a guild's channels",
            tracked,
            List.of("channels", "list", "--guild", G),
            (admin, actor) -> admin.listChannels(actor, GUILD),
            Kind.FOUND),
        new Scenario(
            "untracking a tracked channel",
            tracked,
            List.of("channels", "remove", "--guild", G, "--channel", C),
            (admin, actor) -> admin.removeChannel(actor, GUILD, REPORTS),
            Kind.REMOVED),
        new Scenario(
            "untracking a channel another guild tracks",
            theirs,
            List.of("channels", "remove", "--guild", G, "--channel", C),
            (admin, actor) -> admin.removeChannel(actor, GUILD, REPORTS),
            Kind.NOT_TRACKED),
        new Scenario(
            "changing the time zone",
            nothing,
            List.of("settings", "set", "--guild", G, "--timezone", "Europe/Paris"),
            (admin, actor) ->
                admin.setSettings(actor, GUILD, timezone("Europe/Paris"), settings -> List.of()),
            Kind.CHANGED),
        new Scenario(
            "setting the time zone a guild has",
            store ->
                store.saveSettings(
                    GuildSettings.defaults(GUILD).withTimezone(ZoneId.of("Europe/Paris"))),
            List.of("settings", "set", "--guild", G, "--timezone", "Europe/Paris"),
            (admin, actor) ->
                admin.setSettings(actor, GUILD, timezone("Europe/Paris"), settings -> List.of()),
            Kind.UNCHANGED),
        new Scenario(
            "setting settings with no option",
            nothing,
            List.of("settings", "set", "--guild", G),
            (admin, actor) ->
                admin.setSettings(actor, GUILD, SettingsChanges.none(), s -> List.of()),
            Kind.UNCHANGED),
        new Scenario(
            "setting a declared key",
            nothing,
            List.of("settings", "set", "--guild", G, "--set", "forward=true"),
            (admin, actor) ->
                admin.setSettings(actor, GUILD, custom("forward=true", null), s -> List.of()),
            Kind.CHANGED),
        new Scenario(
            "setting a record key's field",
            forwarding,
            List.of(
                "settings",
                "set",
                "--guild",
                G,
                "--set",
                "positionSizeDefaults=stopLossPercent=7.5"),
            (admin, actor) ->
                admin.setSettings(
                    actor,
                    GUILD,
                    custom("positionSizeDefaults=stopLossPercent=7.5", null),
                    s -> List.of()),
            Kind.CHANGED),
        new Scenario(
            "setting a declared key to what it has",
            forwarding,
            List.of("settings", "set", "--guild", G, "--set", "forward=true"),
            (admin, actor) ->
                admin.setSettings(actor, GUILD, custom("forward=true", null), s -> List.of()),
            Kind.UNCHANGED),
        new Scenario(
            "resetting a declared key",
            forwarding,
            List.of("settings", "set", "--guild", G, "--reset", "forward"),
            (admin, actor) ->
                admin.setSettings(actor, GUILD, custom(null, "forward"), s -> List.of()),
            Kind.CHANGED),
        new Scenario(
            "showing a guild's settings",
            nothing,
            List.of("settings", "show", "--guild", G),
            (admin, actor) -> admin.showSettings(actor, GUILD, settings -> List.of()),
            Kind.FOUND));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void bothFrontEndsReachTheSameOutcomeAndLeaveTheSameTable(Scenario scenario) {
    Run cli = Run.prepared(scenario);
    int exitCode = cli.commandLine(scenario.cli());
    Run discord = Run.prepared(scenario);
    String reply =
        scenario
            .discord()
            .apply(new ConfigAdmin(discord.admin, "❌ refused", BotSettingKeys.SCHEMA), ADMIN);

    assertThat(cli.admin.outcomes).hasSize(1);
    assertThat(discord.admin.outcomes).isEqualTo(cli.admin.outcomes);
    Outcome<?> outcome = cli.admin.outcomes.get(0);
    assertThat(outcome.kind()).isEqualTo(scenario.expected());
    assertThat(exitCode).isEqualTo(AdminOutcomes.exitCode(outcome.kind()));
    // Wording may differ by medium (Discord says "not tracked" of another server's channel, without
    // ❌), the verdict may not.
    assertThat(reply.startsWith("✅") || reply.startsWith("**") || reply.startsWith("Nothing"))
        .isEqualTo(outcome.succeeded());
    cli.store.heal();
    discord.store.heal();
    assertThat(snapshot(discord.store)).isEqualTo(snapshot(cli.store));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void nothingToChangeWritesNothingThroughEitherFrontEnd(Scenario scenario) {
    if (scenario.expected() != Kind.UNCHANGED) {
      return;
    }
    Run cli = Run.prepared(scenario);
    cli.commandLine(scenario.cli());
    Run discord = Run.prepared(scenario);
    assertThat(
            scenario
                .discord()
                .apply(new ConfigAdmin(discord.admin, "❌ refused", BotSettingKeys.SCHEMA), ADMIN))
        .startsWith("Nothing to change");

    for (Run run : List.of(cli, discord)) {
      for (Operation write :
          List.of(
              Operation.SAVE_CHANNEL,
              Operation.REPLACE_CHANNEL,
              Operation.SAVE_SETTINGS,
              Operation.REPLACE_SETTINGS)) {
        assertThat(run.store.calls(write)).as(write.name()).isZero();
      }
    }
  }

  private static ConfigSnapshot snapshot(ConfigStore store) {
    return store.loadAll();
  }

  /** What {@code /config settings set set:… reset:…} reads (ConfigCommandListener). */
  private static SettingsChanges custom(@Nullable String set, @Nullable String reset) {
    return SettingsChanges.of(
        CustomChanges.parse(
            BotSettingKeys.SCHEMA,
            SettingKey.Scope.GUILD,
            set == null ? List.of() : List.of(set),
            reset == null ? List.of() : List.of(reset)));
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

  /** One front end's run: its own store, prepared by the scenario, and the outcomes it reached. */
  private static final class Run {
    final InstrumentedConfigStore store =
        new InstrumentedConfigStore(new InMemoryConfigStore(MutableClock.startingAt2026()));
    final RecordingAdmin admin = new RecordingAdmin(new AdminService(store));

    static Run prepared(Scenario scenario) {
      Run run = new Run();
      scenario.before().accept(run.store);
      run.store.resetCounts();
      return run;
    }

    /** Runs {@code botconfig args…} over this store, as the real commands do. */
    int commandLine(List<String> args) {
      StringWriter out = new StringWriter();
      TestRoot root = new TestRoot(store, admin, new PrintWriter(out, true));
      CommandLine commandLine = new CommandLine(root);
      Converters.register(commandLine);
      return commandLine.execute(args.toArray(String[]::new));
    }
  }

  /** The root of a command line whose admin commands run over the test's store and use cases. */
  @Command(
      name = "botconfig",
      subcommands = {ChannelsCommand.class, SettingsCommand.class})
  static final class TestRoot implements CliContext {
    @CommandLine.Spec CommandSpec spec;
    private final ConfigStore store;
    private final ConfigAdministration admin;
    private final PrintWriter out;

    TestRoot(ConfigStore store, ConfigAdministration admin, PrintWriter out) {
      this.store = store;
      this.admin = admin;
      this.out = out;
    }

    @Override
    public LaunchOptions options() {
      throw new UnsupportedOperationException("the admin commands need no settings");
    }

    @Override
    public AppComponent graph() {
      throw new UnsupportedOperationException("the admin commands need only the store");
    }

    @Override
    public AppComponent botGraph() {
      throw new UnsupportedOperationException("the admin commands run no bot");
    }

    @Override
    public Failures.Where where() {
      return new Failures.Where() {
        @Override
        public String table() {
          return "the test's table";
        }

        @Override
        public String location() {
          return "memory";
        }

        @Override
        public String options() {
          return "";
        }
      };
    }

    @Override
    public java.util.Optional<Boolean> confirm(String question) {
      return java.util.Optional.empty();
    }

    @Override
    public boolean verbose() {
      return false;
    }

    @Override
    public ConfigStore store() {
      return store;
    }

    @Override
    public ConfigAdministration admin() {
      return admin;
    }

    @Override
    public PrintWriter out() {
      return out;
    }

    @Override
    public PrintWriter err() {
      return out;
    }
  }

  /** The real use cases, remembering each outcome. */
  private static final class RecordingAdmin implements ConfigAdministration {
    private final ConfigAdministration delegate;
    final List<Outcome<?>> outcomes = new ArrayList<>();

    RecordingAdmin(ConfigAdministration delegate) {
      this.delegate = delegate;
    }

    private <T> Outcome<T> record(Outcome<T> outcome) {
      outcomes.add(outcome);
      return outcome;
    }

    @Override
    public Outcome<ChannelConfig> changeChannel(ChangeChannelUseCase.Command command) {
      return record(delegate.changeChannel(command));
    }

    @Override
    public Outcome<ChannelId> untrackChannel(UntrackChannelUseCase.Command command) {
      return record(delegate.untrackChannel(command));
    }

    @Override
    public Outcome<ChannelConfig> showChannel(ShowChannelUseCase.Query query) {
      return record(delegate.showChannel(query));
    }

    @Override
    public Outcome<ListChannelsUseCase.Listing> listChannels(ListChannelsUseCase.Query query) {
      return record(delegate.listChannels(query));
    }

    @Override
    public Outcome<ShowSettingsUseCase.StoredSettings> showSettings(
        ShowSettingsUseCase.Query query) {
      return record(delegate.showSettings(query));
    }

    @Override
    public Outcome<GuildSettings> changeSettings(ChangeSettingsUseCase.Command command) {
      return record(delegate.changeSettings(command));
    }

    @Override
    public Outcome<PurgeGuildUseCase.Plan> planPurge(PurgeGuildUseCase.Command command) {
      return record(delegate.planPurge(command));
    }

    @Override
    public Outcome<Integer> purgeGuild(PurgeGuildUseCase.Command command) {
      return record(delegate.purgeGuild(command));
    }
  }
}
