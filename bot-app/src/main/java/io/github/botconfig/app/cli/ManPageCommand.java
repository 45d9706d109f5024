package io.github.botconfig.app.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Spec;

/**
 * {@code botconfig man-page}: botconfig(1) in roff, made from the command line's own model (every
 * command, option and description), so the manual says what {@code --help} says. The distribution
 * build runs it into {@code man/man1/botconfig.1}. Hidden: users read the result with {@code man}.
 *
 * <p>picocli-codegen's ManPageGenerator writes AsciiDoc, which needs Asciidoctor (Ruby) to become a
 * man page; the build has no Asciidoctor, and roff is a small format.
 */
@Command(
    name = "man-page",
    hidden = true,
    description =
        "Print the botconfig(1) manual page in roff (the distribution build installs it).",
    mixinStandardHelpOptions = true)
final class ManPageCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    CommandSpec root = spec.root();
    String version = String.join(" ", root.version()).replaceAll(" Java .*", "");
    out.println(".TH BOTCONFIG 1 \"\" \"" + escape(version) + "\" \"User Commands\"");
    out.println(".SH NAME");
    out.println("botconfig \\- " + escape(String.join(" ", root.usageMessage().description())));
    out.println(".SH SYNOPSIS");
    out.println(".B botconfig");
    out.println("[\\fIOPTIONS\\fR] \\fICOMMAND\\fR [\\fICOMMAND OPTIONS\\fR]");
    out.println(".SH OPTIONS");
    out.println("Accepted by every command, before or after it.");
    options(out, root);
    out.println(".SH COMMANDS");
    for (CommandLine sub : root.subcommands().values()) {
      command(out, sub.getCommandSpec());
    }
    out.println(".SH NOTES");
    for (String line : root.usageMessage().footer()) {
      if (!line.isBlank()) {
        out.println(escape(line));
        out.println(".PP");
      }
    }
    out.flush();
    return ExitCodes.OK;
  }

  private static void command(PrintWriter out, CommandSpec command) {
    if (command.usageMessage().hidden()
        || command.userObject() instanceof CommandLine.HelpCommand) {
      return;
    }
    if (command.subcommands().isEmpty() || command.userObject() instanceof Callable) {
      out.println(".SS \"" + escape(command.qualifiedName()) + "\"");
      for (String line : command.usageMessage().description()) {
        out.println(escape(line));
        out.println(".br");
      }
      for (PositionalParamSpec parameter : command.positionalParameters()) {
        out.println(".TP");
        out.println("\\fI" + escape(parameter.paramLabel()) + "\\fR");
        out.println(escape(String.join(" ", parameter.description())));
      }
      options(out, command);
    }
    // Keep the order of the help: "botconfig channels" before "botconfig channels list".
    for (CommandLine sub : command.subcommands().values()) {
      command(out, sub.getCommandSpec());
    }
  }

  private static void options(PrintWriter out, CommandSpec command) {
    for (OptionSpec option : command.options()) {
      boolean inherited = option.inherited();
      if (option.hidden() || inherited || option.usageHelp() || option.versionHelp()) {
        continue;
      }
      out.println(".TP");
      String names = String.join(", ", List.of(option.names()));
      String label =
          option.typeInfo().isBoolean() ? "" : "=\\fI" + escape(option.paramLabel()) + "\\fR";
      out.println("\\fB" + escape(names) + "\\fR" + label);
      out.println(escape(String.join(" ", option.description())));
    }
  }

  /** roff: backslashes and hyphens escaped, no line starting with a control character. */
  static String escape(String text) {
    String escaped = text.replace("\\", "\\e").replace("-", "\\-");
    return escaped.startsWith(".") || escaped.startsWith("'") ? "\\&" + escaped : escaped;
  }
}
