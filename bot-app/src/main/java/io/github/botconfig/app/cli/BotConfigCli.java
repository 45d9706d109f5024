package io.github.botconfig.app.cli;

import io.github.botconfig.app.config.AppSettings;
import io.github.botconfig.app.config.InvalidSettingsException;
import io.github.botconfig.app.config.Setting;
import io.github.botconfig.app.config.SettingsLoader;
import io.github.botconfig.app.wiring.AppComponent;
import io.github.botconfig.domain.ConfigConflictException;
import io.github.botconfig.domain.InvalidConfigException;
import io.github.botconfig.domain.StoreUnavailableException;
import java.io.PrintWriter;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The root of the {@code botconfig} command line. Global options select the table and where it is;
 * each subcommand does one thing. Exit codes: {@link ExitCodes}.
 *
 * <p>Not thread-safe: one instance runs one command line.
 */
@Command(
    name = "botconfig",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Configuration of the botconfig Discord bot, kept in one DynamoDB table.",
    footer = {
      "",
      "Settings come from environment variables; the options above override them.",
      "Exit codes: 0 done, 2 invalid usage or input, 3 store unavailable, 4 conflict, 1 anything else."
    },
    subcommands = {
      RunCommand.class,
      TableCommand.class,
      ChannelsCommand.class,
      SettingsCommand.class,
      GuildCommand.class,
      BackupCommands.Export.class,
      BackupCommands.Import.class,
      DoctorCommand.class,
      SimulateCommand.class,
    })
public final class BotConfigCli implements CliContext, AutoCloseable {

  @Option(
      names = "--verbose",
      scope = ScopeType.INHERIT,
      description = "On failure, print the stack trace too.")
  boolean verbose;

  private final Map<String, String> environment;
  private final Function<AppSettings, AppComponent> graphFactory;
  private final PrintWriter out;
  private final PrintWriter err;
  private @Nullable AppSettings settings;
  private @Nullable AppComponent graph;
  private @Nullable CommandLine commandLine;

  private BotConfigCli(
      Map<String, String> environment,
      Function<AppSettings, AppComponent> graphFactory,
      PrintWriter out,
      PrintWriter err) {
    this.environment = environment;
    this.graphFactory = graphFactory;
    this.out = out;
    this.err = err;
  }

  /**
   * Builds the command line.
   *
   * @param environment the process environment
   * @param graphFactory builds the object graph the settings describe; called at most once, on
   *     first use
   */
  public static CommandLine commandLine(
      Map<String, String> environment,
      Function<AppSettings, AppComponent> graphFactory,
      PrintWriter out,
      PrintWriter err) {
    BotConfigCli root = new BotConfigCli(environment, graphFactory, out, err);
    CommandLine commandLine = new CommandLine(root);
    root.commandLine = commandLine;
    SettingOptions.addTo(commandLine);
    Converters.register(commandLine);
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setExecutionExceptionHandler(root::handle);
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    return commandLine;
  }

  /** Runs one command line and returns its exit code; closes what it opened. */
  public static int run(
      String[] args,
      Map<String, String> environment,
      Function<AppSettings, AppComponent> graphFactory,
      PrintWriter out,
      PrintWriter err) {
    CommandLine commandLine = commandLine(environment, graphFactory, out, err);
    try {
      return commandLine.execute(args);
    } finally {
      ((BotConfigCli) commandLine.getCommand()).close();
      out.flush();
      err.flush();
    }
  }

  @Override
  public AppSettings settings() {
    if (settings == null) {
      Map<Setting, String> options =
          commandLine == null ? Map.of() : SettingOptions.given(commandLine.getParseResult());
      SettingsLoader loader = SettingsLoader.load(environment, options);
      loader.warnings().forEach(w -> err.println("warning: " + w));
      settings = loader.settings();
    }
    return settings;
  }

  @Override
  public AppComponent graph() {
    if (graph == null) {
      graph = graphFactory.apply(settings());
    }
    return graph;
  }

  @Override
  public PrintWriter out() {
    return out;
  }

  @Override
  public PrintWriter err() {
    return err;
  }

  @Override
  public void close() {
    if (graph != null) {
      graph.close();
    }
  }

  private int handle(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
    int code;
    String message;
    if (e instanceof InvalidConfigException) {
      code = ExitCodes.INVALID;
      message = e.getMessage();
    } else if (e instanceof InvalidSettingsException invalidSettingsException) {
      code = ExitCodes.INVALID;
      message = "invalid settings:\n  " + String.join("\n  ", invalidSettingsException.problems());
    } else if (e instanceof StoreUnavailableException) {
      code = ExitCodes.STORE_UNAVAILABLE;
      message = e.getMessage();
    } else if (e instanceof ConfigConflictException) {
      code = ExitCodes.CONFLICT;
      message = e.getMessage();
    } else {
      code = ExitCodes.FAILURE;
      message =
          e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
    err.println("error: " + message);
    if (verbose) {
      e.printStackTrace(err);
    } else if (code == ExitCodes.FAILURE) {
      err.println("(run again with --verbose for details)");
    }
    return code;
  }
}
