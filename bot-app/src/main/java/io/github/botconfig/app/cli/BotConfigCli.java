package io.github.botconfig.app.cli;

import io.github.botconfig.app.launch.LaunchOption;
import io.github.botconfig.app.launch.LaunchOptions;
import io.github.botconfig.app.launch.LaunchOptionsLoader;
import io.github.botconfig.app.launch.Logging;
import io.github.botconfig.app.wiring.AppComponent;
import java.io.PrintWriter;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
      "Launch options come from the options above, then environment variables, then the file --settings-file"
          + " names, then the defaults (docs/configuration.md).",
      "Exit codes: 0 done, 1 a check found problems or an unexpected failure, 2 invalid usage or"
          + " input, 3 DynamoDB or Discord unavailable or the table missing, 4 conflict.",
      "'botconfig help COMMAND' shows a command's help; 'botconfig completion bash' the shell"
          + " completion."
    })
public final class BotConfigCli implements CliContext, AutoCloseable {

  /**
   * The commands, in the order help lists them. Registered by {@link #commandLine}, not by the
   * annotation: picocli builds the model of every registered command (its options, their
   * descriptions, the inherited global options copied into each) before it parses anything, and a
   * command line that names one command needs only that one's (docs/performance.md, "The command
   * line").
   */
  private static final Map<String, Class<?>> COMMANDS = commands();

  /** Commands that show or describe the others: they get every command. */
  private static final Set<String> ABOUT_ALL = Set.of("help", "completion", "man-page");

  /** The root's options that take no value (the global settings' options all take one). */
  private static final Set<String> ROOT_FLAGS = Set.of("--verbose", "--version");

  private static Map<String, Class<?>> commands() {
    Map<String, Class<?>> commands = new LinkedHashMap<>();
    commands.put("help", CommandLine.HelpCommand.class);
    commands.put("completion", CompletionCommand.class);
    commands.put("run", RunCommand.class);
    commands.put("table", TableCommand.class);
    commands.put("channels", ChannelsCommand.class);
    commands.put("settings", SettingsCommand.class);
    commands.put("guild", GuildCommand.class);
    commands.put("export", BackupCommands.Export.class);
    commands.put("import", BackupCommands.Import.class);
    commands.put("doctor", DoctorCommand.class);
    commands.put("simulate", SimulateCommand.class);
    commands.put("man-page", ManPageCommand.class);
    commands.put("training", TrainingCommand.class);
    return Collections.unmodifiableMap(commands);
  }

  @Option(
      names = "--verbose",
      scope = ScopeType.INHERIT,
      description = "On failure, print the stack trace too.")
  boolean verbose;

  private final Map<String, String> environment;
  private final GraphFactory graphFactory;
  private final PrintWriter out;
  private final PrintWriter err;
  private @Nullable LaunchOptions options;
  private @Nullable AppComponent graph;
  private @Nullable CommandLine commandLine;

  private BotConfigCli(
      Map<String, String> environment,
      GraphFactory graphFactory,
      PrintWriter out,
      PrintWriter err) {
    this.environment = environment;
    this.graphFactory = graphFactory;
    this.out = out;
    this.err = err;
  }

  /**
   * Builds the object graph for a command: {@code bot} when the command serves the bot ({@code
   * run}), which then claims the embedded store's {@code data/}.
   */
  @FunctionalInterface
  public interface GraphFactory {
    AppComponent open(LaunchOptions options, boolean bot);
  }

  /**
   * Builds the command line.
   *
   * @param environment the process environment
   * @param graphFactory builds the object graph the options describe; called at most once, on first
   *     use
   */
  public static CommandLine commandLine(
      Map<String, String> environment,
      GraphFactory graphFactory,
      PrintWriter out,
      PrintWriter err) {
    return commandLine(COMMANDS.keySet(), environment, graphFactory, out, err);
  }

  private static CommandLine commandLine(
      Collection<String> commands,
      Map<String, String> environment,
      GraphFactory graphFactory,
      PrintWriter out,
      PrintWriter err) {
    BotConfigCli root = new BotConfigCli(environment, graphFactory, out, err);
    CommandLine commandLine = new CommandLine(root);
    for (String name : commands) {
      commandLine.addSubcommand(name, COMMANDS.get(name));
    }
    root.commandLine = commandLine;
    LaunchOptionFlags.addTo(commandLine);
    Converters.register(commandLine);
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setExecutionExceptionHandler(root::handle);
    commandLine.setParameterExceptionHandler(root::invalidUsage);
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    commandLine.setResourceBundle(
        java.util.ResourceBundle.getBundle("io.github.botconfig.app.cli.Options"));
    // Help is wrapped to the terminal, never cut: long descriptions go on the next lines.
    commandLine.setUsageHelpAutoWidth(true);
    commandLine.setUsageHelpLongOptionsMaxWidth(28);
    return commandLine;
  }

  /** Runs one command line and returns its exit code; closes what it opened. */
  public static int run(
      String[] args,
      Map<String, String> environment,
      GraphFactory graphFactory,
      PrintWriter out,
      PrintWriter err) {
    CommandLine commandLine = commandLine(commandsFor(args), environment, graphFactory, out, err);
    try {
      return commandLine.execute(args);
    } finally {
      ((BotConfigCli) commandLine.getCommand()).close();
      out.flush();
      err.flush();
    }
  }

  /**
   * Runs one command line on a graph factory that does not care whether the command is the bot
   * (tests, drivers).
   */
  public static int run(
      String[] args,
      Map<String, String> environment,
      Function<LaunchOptions, AppComponent> graphFactory,
      PrintWriter out,
      PrintWriter err) {
    return run(args, environment, (options, bot) -> graphFactory.apply(options), out, err);
  }

  /**
   * The commands {@code args} need: the one it names, or every one when it names none (the root's
   * help, a mistyped command that gets suggestions) or one of {@link #ABOUT_ALL}. The root takes
   * only global options before the command, each with a value unless written {@code --opt=value} or
   * a flag; whatever is not understood here gets every command, so that picocli says what is wrong
   * exactly as it would have.
   */
  static Collection<String> commandsFor(String[] args) {
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.startsWith("-")) {
        if ((arg.equals("--version") || arg.equals("-V")) && i == args.length - 1) {
          return List.of(); // the version alone needs no command
        }
        if (arg.equals("--") || !arg.startsWith("--") || arg.equals("--help")) {
          return COMMANDS.keySet(); // "-h", "-V", a cluster, "--": whatever picocli makes of them
        }
        if (!arg.contains("=") && !ROOT_FLAGS.contains(arg)) {
          i++; // its value
        }
        continue;
      }
      return COMMANDS.containsKey(arg) && !ABOUT_ALL.contains(arg)
          ? List.of(arg)
          : COMMANDS.keySet();
    }
    return COMMANDS.keySet();
  }

  @Override
  public LaunchOptions options() {
    if (options == null) {
      Map<LaunchOption, String> flags =
          commandLine == null ? Map.of() : LaunchOptionFlags.given(commandLine.getParseResult());
      LaunchOptionsLoader loader = LaunchOptionsLoader.load(environment, flags);
      loader.warnings().forEach(w -> err.println("warning: " + w));
      options = loader.options();
    }
    return options;
  }

  @Override
  public AppComponent graph() {
    return graph(false);
  }

  @Override
  public AppComponent botGraph() {
    return graph(true);
  }

  private AppComponent graph(boolean bot) {
    if (graph == null) {
      graph = graphFactory.open(options(), bot);
    }
    return graph;
  }

  // Java 17 (bin/botconfig) has no console without a terminal; Java 22+ (the distribution's
  // runtime) has one always, and says whether it is a terminal: both are asked.
  @SuppressWarnings("SystemConsoleNull")
  @Override
  public java.util.Optional<Boolean> confirm(String question) {
    java.io.Console console = System.console();
    if (console == null || !isTerminal(console)) {
      return java.util.Optional.empty();
    }
    err.flush();
    String answer = console.readLine("%s", question);
    return java.util.Optional.of(
        answer != null
            && java.util.Set.of("y", "yes")
                .contains(answer.strip().toLowerCase(java.util.Locale.ROOT)));
  }

  private static boolean isTerminal(java.io.Console console) {
    try {
      return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
    } catch (NoSuchMethodException e) {
      return true; // before Java 22 a console exists only for a terminal
    } catch (ReflectiveOperationException | RuntimeException e) {
      return false;
    }
  }

  @Override
  public boolean verbose() {
    return verbose;
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
    Failures.Failure failure = Failures.of(e, where());
    if (!verbose) {
      Logging.silence();
    }
    err.println("error: " + failure.message());
    if (verbose) {
      e.printStackTrace(err);
    }
    return failure.code();
  }

  /**
   * A usage error: one line naming the option and the value, and where the usage is, instead of the
   * whole usage.
   */
  private int invalidUsage(CommandLine.ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    StringBuilder line = new StringBuilder("error: ").append(Failures.text(e));
    if (e instanceof CommandLine.UnmatchedArgumentException unmatched) {
      var suggestions = unmatched.getSuggestions();
      if (!suggestions.isEmpty()) {
        line.append("; did you mean ").append(String.join(" or ", suggestions)).append('?');
      }
    }
    line.append(" (see '").append(command.getCommandSpec().qualifiedName()).append(" --help')");
    err.println(line);
    return ExitCodes.INVALID;
  }

  /** What the messages about the table say: its name, where it is, how to create it there. */
  @Override
  public Failures.Where where() {
    return new Failures.Where() {
      @Override
      public String table() {
        return optionsOrNull() == null ? "?" : optionsOrNull().table();
      }

      @Override
      public String location() {
        LaunchOptions configured = optionsOrNull();
        if (configured == null) {
          return "the configured DynamoDB";
        }
        LaunchOptions used = graph == null ? configured : graph.options();
        String at =
            used.endpoint()
                .map(Object::toString)
                .orElseGet(
                    () ->
                        used.region().map(r -> "AWS region " + r).orElse("the AWS default region"));
        return configured.usesEmbeddedStore() ? "the embedded DynamoDB (" + at + ")" : at;
      }

      @Override
      public String options() {
        return " --table " + table() + givenLocationOptions();
      }
    };
  }

  private @Nullable LaunchOptions optionsOrNull() {
    if (options != null) {
      return options;
    }
    try {
      return options();
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** The options that said where the table is, repeated so that advice works when followed. */
  private String givenLocationOptions() {
    if (commandLine == null || commandLine.getParseResult() == null) {
      return "";
    }
    StringBuilder options = new StringBuilder();
    LaunchOptionFlags.given(commandLine.getParseResult())
        .forEach(
            (setting, value) -> {
              if (setting.global() && setting != LaunchOption.TABLE) {
                options.append(' ').append(setting.option()).append(' ').append(value);
              }
            });
    return options.toString();
  }
}
