package io.github.botconfig.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.botconfig.dynamodb.testing.FreePorts;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** What users of a well-kept command line expect: help, completion, a manual, one-line errors. */
class CommandLineHelpTest {
  private static final Map<String, String> NO_STORE =
      Map.of("AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:" + FreePorts.pick());

  private static List<String> lines(String text) {
    return text.lines().toList();
  }

  @Test
  void aBadOptionValueIsOneErrorLineNamingTheOptionAndTheValueWithoutTheUsage() {
    CliRun run = CliRun.run(NO_STORE, "channels", "show", "--channel", "12a");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID);
    assertThat(lines(run.err()))
        .singleElement()
        .asString()
        .startsWith("error: ")
        .contains("--channel", "'12a'", "botconfig channels show --help")
        .doesNotContain("Usage");
  }

  @Test
  void aMistypedCommandIsOneLineWithASuggestion() {
    CliRun run = CliRun.run(NO_STORE, "chanels", "list");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID);
    assertThat(lines(run.err())).singleElement().asString().contains("did you mean channels");
  }

  @Test
  void anEndpointThatIsNotAUrlIsOneLineNamingIt() {
    CliRun run = CliRun.run(Map.of(), "--endpoint", "notaurl", "channels", "list");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID);
    assertThat(lines(run.err()))
        .singleElement()
        .asString()
        .isEqualTo(
            "error: invalid launch options: --endpoint must be a URL starting with http:// or https://,"
                + " such as http://127.0.0.1:8000, got 'notaurl'");
  }

  @Test
  void runAcceptsYesForHealthAsTheDocsSay() {
    CliRun run = CliRun.run(NO_STORE, "run", "--health", "yes");

    // It goes on to the next problem: no token. "yes" itself is fine.
    assertThat(run.err()).doesNotContain("--health").contains("no Discord token");
  }

  @Test
  void helpCommandShowsACommandsHelp() {
    CliRun run = CliRun.run(NO_STORE, "help", "channels");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("Usage: botconfig channels", "list", "remove");
  }

  @Test
  void completionIsGeneratedForBashAndZsh() {
    CliRun bash = CliRun.run(NO_STORE, "completion", "bash");
    CliRun zsh = CliRun.run(NO_STORE, "completion", "zsh");
    CliRun fish = CliRun.run(NO_STORE, "completion", "fish");

    assertThat(bash.exitCode()).isZero();
    assertThat(bash.out()).contains("complete -F", "channels", "purge", "--table");
    assertThat(zsh.out()).startsWith("autoload -U +X compinit").contains("bashcompinit");
    assertThat(fish.exitCode()).isEqualTo(ExitCodes.INVALID);
    assertThat(lines(fish.err())).singleElement().asString().contains("fish");
  }

  @Test
  void theManualPageIsRoffOfEveryCommand() {
    CliRun run = CliRun.run(NO_STORE, "man-page");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .startsWith(".TH BOTCONFIG 1")
        .contains(
            ".SH COMMANDS", ".SS \"botconfig channels list\"", ".SS \"botconfig guild purge\"")
        .contains("\\-\\-dry\\-run", "\\-\\-settings\\-file");
  }

  @Test
  void everyCommandStartsWithAWholeSentenceAndEveryOptionIsDescribed() {
    CommandLine root =
        BotConfigCli.commandLine(
            Map.of(),
            (settings, bot) -> {
              throw new AssertionError("no graph for help");
            },
            new PrintWriter(new StringWriter()),
            new PrintWriter(new StringWriter()));
    List<String> missing = new ArrayList<>();
    walk(root.getCommandSpec(), missing);

    assertThat(missing).isEmpty();
  }

  private static void walk(CommandSpec command, List<String> missing) {
    String[] description = command.usageMessage().description();
    if (!(command.userObject() instanceof CommandLine.HelpCommand)) {
      if (description.length == 0 || !description[0].strip().endsWith(".")) {
        missing.add(command.qualifiedName() + ": first description line is not a whole sentence");
      }
      for (OptionSpec option : command.options()) {
        if (option.description().length == 0 || option.description()[0].isBlank()) {
          missing.add(command.qualifiedName() + " " + option.longestName() + ": no description");
        }
      }
    }
    command.subcommands().values().forEach(sub -> walk(sub.getCommandSpec(), missing));
  }

  @Test
  void aCommandLineThatNamesOneCommandBuildsTheModelOfThatOneOnly() {
    assertThat(BotConfigCli.commandsFor(new String[] {"channels", "list"}))
        .containsExactly("channels");
    assertThat(
            BotConfigCli.commandsFor(
                new String[] {"--table", "run", "--endpoint=http://127.0.0.1:1", "doctor"}))
        .as("an option's value that is a command's name is the value")
        .containsExactly("doctor");
    assertThat(BotConfigCli.commandsFor(new String[] {"--verbose", "table", "verify"}))
        .containsExactly("table");
    assertThat(BotConfigCli.commandsFor(new String[] {"--version"})).isEmpty();
  }

  @Test
  void helpCompletionTheManualAndAnythingUnclearGetEveryCommand() {
    List<String> all =
        List.copyOf(
            BotConfigCli.commandLine(
                    Map.of(),
                    (settings, bot) -> {
                      throw new AssertionError("no graph for help");
                    },
                    new PrintWriter(new StringWriter()),
                    new PrintWriter(new StringWriter()))
                .getSubcommands()
                .keySet());
    for (String[] args :
        List.of(
            new String[] {},
            new String[] {"--help"},
            new String[] {"-h", "channels"},
            new String[] {"help", "channels"},
            new String[] {"completion", "bash"},
            new String[] {"man-page"},
            new String[] {"chanels", "list"},
            new String[] {"--table", "t"},
            new String[] {"--", "channels"})) {
      assertThat(BotConfigCli.commandsFor(args))
          .as(String.join(" ", args))
          .containsExactlyElementsOf(all);
    }
  }
}
