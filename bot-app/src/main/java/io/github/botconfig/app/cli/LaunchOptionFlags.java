package io.github.botconfig.app.cli;

import io.github.botconfig.app.launch.LaunchOption;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;

/**
 * The command line's options for the options, made from {@link Setting}: each overrides its
 * environment variable. Global ones ({@code --table}, {@code --endpoint}, {@code --region}) are
 * accepted by every command, before or after it; the others only by {@code run}.
 */
final class LaunchOptionFlags {
  private LaunchOptionFlags() {}

  /**
   * Adds the options to {@code root} and, the bot's own, to its {@code run} command if it has one.
   */
  static void addTo(CommandLine root) {
    @Nullable CommandLine run = root.getSubcommands().get("run");
    for (LaunchOption setting : LaunchOption.values()) {
      if (setting.option().isEmpty()) {
        continue;
      }
      OptionSpec.Builder option =
          OptionSpec.builder(setting.option())
              .type(String.class)
              .arity("1")
              .paramLabel(label(setting))
              .description(description(setting));
      if (setting.global()) {
        root.getCommandSpec().addOption(option.scopeType(ScopeType.INHERIT).build());
      } else if (run != null) {
        run.getCommandSpec().addOption(option.build());
      }
    }
  }

  /** The options given as options in this parse, from the root down to the command that runs. */
  static Map<LaunchOption, String> given(ParseResult parse) {
    Map<LaunchOption, String> given = new EnumMap<>(LaunchOption.class);
    for (ParseResult level = parse; level != null; level = level.subcommand()) {
      for (LaunchOption setting : LaunchOption.values()) {
        if (!setting.option().isEmpty() && level.hasMatchedOption(setting.option())) {
          given.put(setting, level.matchedOptionValue(setting.option(), ""));
        }
      }
    }
    return given;
  }

  private static String label(LaunchOption setting) {
    return setting.name().replace("_", "-").toUpperCase(Locale.ROOT);
  }

  private static String description(LaunchOption setting) {
    String defaultValue =
        setting.defaultValue().isEmpty() ? "" : ", default " + setting.defaultValue();
    String text = setting.description();
    return Character.toUpperCase(text.charAt(0))
        + text.substring(1)
        + " (env "
        + setting.variable()
        + defaultValue
        + ").";
  }
}
