package io.github.botconfig.app.cli;

import io.github.botconfig.app.json.ConfigJson;
import io.github.botconfig.domain.ConfigConflictException;
import io.github.botconfig.domain.ConfigStore;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.GuildSettings;
import io.github.botconfig.domain.SummaryPreferences;
import io.github.botconfig.domain.UnreadableItem;
import io.github.botconfig.domain.UpdateResult;
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
      ConfigStore store = context().store();
      Optional<GuildSettings> stored = store.findSettings(guild);
      if (stored.isEmpty()) {
        for (UnreadableItem item : store.findUnreadable(guild)) {
          if (item.kind() == UnreadableItem.Kind.SETTINGS) {
            throw new ConfigConflictException(
                ConfigConflictException.Reason.UNREADABLE, item.what() + " are " + item.describe());
          }
        }
      }
      GuildSettings settings = stored.orElseGet(() -> GuildSettings.defaults(guild));
      if (json) {
        Output.json(context().out(), ConfigJson.settings(settings));
      } else {
        Output.settings(context().out(), settings, stored.isPresent());
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
        names = "--position-display",
        arity = "1",
        paramLabel = "BOOL",
        description = "Keep the live board.")
    @Nullable Boolean positionDisplay;

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
      UpdateResult<GuildSettings> update =
          context().store().updateSettings(guild, this::applyOptions);
      if (json) {
        Output.json(context().out(), ConfigJson.settings(update.after()));
      } else {
        Output.settings(
            context().out(), update.after(), update.changed() || update.before().isPresent());
      }
      return ExitCodes.OK;
    }

    /** Only the options given change; the rest is kept as stored. */
    private GuildSettings applyOptions(GuildSettings current) {
      GuildSettings changed = current;
      if (timezone != null) {
        changed = changed.withTimezone(timezone);
      }
      if (positionDisplay != null) {
        changed = changed.withPositionDisplayEnabled(positionDisplay);
      }
      SummaryPreferences prefs = changed.summaryPreferences();
      if (daily != null) {
        prefs = prefs.withDailySummary(daily);
      }
      if (weekly != null) {
        prefs = prefs.withWeeklySummary(weekly);
      }
      if (monthly != null) {
        prefs = prefs.withMonthlySummary(monthly);
      }
      if (summaryTag != null) {
        prefs = prefs.withTag(summaryTag.tag());
      }
      if (summaryPin != null) {
        prefs = prefs.withPin(summaryPin);
      }
      changed = changed.withSummaryPreferences(prefs);
      if (globalChannel != null) {
        changed = changed.withGlobalChannelId(globalChannel.channel());
      }
      return changed;
    }
  }
}
