package io.github.botconfig.app.cli;

import io.github.botconfig.app.json.ConfigJson;
import io.github.botconfig.application.port.in.Actor;
import io.github.botconfig.application.port.in.ChangeSettingsUseCase;
import io.github.botconfig.application.port.in.Outcome;
import io.github.botconfig.application.port.in.SettingsChanges;
import io.github.botconfig.application.port.in.ShowSettingsUseCase;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.GuildSettings;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code botconfig settings …}: a guild's settings. */
@Command(
    name = "settings",
    description = "Show and set a guild's settings.",
    mixinStandardHelpOptions = true,
    subcommands = {SettingsCommand.ShowSettings.class, SettingsCommand.SetSettings.class})
final class SettingsCommand {

  @Command(
      name = "show",
      description = "Show a guild's settings (the defaults when none are stored).",
      mixinStandardHelpOptions = true)
  static final class ShowSettings extends StoreCommand implements Callable<Integer> {
    @Option(names = "--guild", required = true, paramLabel = "GUILD")
    GuildId guild;

    @Option(names = "--json", description = "Print a JSON document.")
    boolean json;

    @Override
    public Integer call() {
      Outcome<ShowSettingsUseCase.StoredSettings> outcome =
          context().admin().showSettings(new ShowSettingsUseCase.Query(Actor.operator(), guild));
      if (!outcome.succeeded()) {
        return AdminOutcomes.failure(context(), outcome);
      }
      GuildSettings settings = outcome.get().settings();
      if (json) {
        Output.json(context().out(), ConfigJson.settings(settings));
      } else {
        Output.settings(context().out(), settings, outcome.get().stored());
      }
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "set",
      description = "Change a guild's settings: only the options given change.",
      mixinStandardHelpOptions = true)
  static final class SetSettings extends StoreCommand implements Callable<Integer> {
    @Option(names = "--guild", required = true, paramLabel = "GUILD")
    GuildId guild;

    @Option(
        names = "--timezone",
        paramLabel = "ZONE",
        description = "IANA time zone, such as Europe/Paris.")
    @Nullable ZoneId timezone;

    @Option(
        names = {"--board", "--position-display"},
        arity = "1",
        paramLabel = "BOOL",
        description = "Keep the live board in the global channel (--position-display: the same).")
    @Nullable Boolean board;

    @Option(names = "--daily", arity = "1", paramLabel = "BOOL", description = "Daily summary.")
    @Nullable Boolean daily;

    @Option(
        names = "--weekly",
        arity = "1",
        paramLabel = "BOOL",
        description = "Weekly summary (Mondays).")
    @Nullable Boolean weekly;

    @Option(
        names = "--monthly",
        arity = "1",
        paramLabel = "BOOL",
        description = "Monthly summary (the 1st).")
    @Nullable Boolean monthly;

    @Option(
        names = "--summary-tag",
        paramLabel = "user:ID|role:ID|none",
        description = "Whom summaries mention.")
    Converters.@Nullable TagOption summaryTag;

    @Option(
        names = "--summary-pin",
        arity = "1",
        paramLabel = "BOOL",
        description = "Pin summaries.")
    @Nullable Boolean summaryPin;

    @Option(
        names = "--global-channel",
        paramLabel = "CHANNEL|none",
        description = "Where summaries and the board go.")
    Converters.@Nullable ChannelOption globalChannel;

    @Option(names = "--json", description = "Print the stored settings as JSON.")
    boolean json;

    @Override
    public Integer call() {
      SettingsChanges changes =
          new SettingsChanges(
              Optional.ofNullable(timezone),
              Optional.ofNullable(board),
              Optional.ofNullable(daily),
              Optional.ofNullable(weekly),
              Optional.ofNullable(monthly),
              ChannelsCommand.change(summaryTag),
              Optional.ofNullable(summaryPin),
              ChannelsCommand.change(globalChannel));
      Outcome<GuildSettings> outcome =
          context()
              .admin()
              .changeSettings(new ChangeSettingsUseCase.Command(Actor.operator(), guild, changes));
      if (!outcome.succeeded()) {
        return AdminOutcomes.failure(context(), outcome);
      }
      GuildSettings saved = outcome.get();
      if (outcome.kind() == Outcome.Kind.UNCHANGED) {
        context()
            .err()
            .println(
                changes.isEmpty()
                    ? "nothing to change: give at least one option"
                    : "nothing to change: the settings of guild " + guild + " already are so");
      }
      if (json) {
        Output.json(context().out(), ConfigJson.settings(saved));
      } else {
        Output.settings(context().out(), saved, saved.version() > 0);
      }
      return ExitCodes.OK;
    }
  }
}
