package io.github.botconfig.app.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code botconfig completion bash|zsh}: the shell completion script of every command and option,
 * made by picocli from the command line itself, so it never drifts.
 */
@Command(
    name = "completion",
    description = {
      "Print the shell completion script for bash or zsh.",
      "bash: source <(botconfig completion bash), or save it in /etc/bash_completion.d/botconfig.",
      "zsh: source <(botconfig completion zsh) in ~/.zshrc."
    },
    mixinStandardHelpOptions = true)
final class CompletionCommand implements Callable<Integer> {
  /** The shells the script is for. */
  enum Shell {
    bash,
    zsh
  }

  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "SHELL",
      description = "bash or zsh.",
      completionCandidates = ShellNames.class)
  Shell shell;

  @Override
  public Integer call() {
    String script = AutoComplete.bash("botconfig", spec.root().commandLine());
    if (shell == Shell.zsh) {
      // picocli's script is bash's; zsh runs it through its bash compatibility layer.
      script =
          "autoload -U +X compinit && compinit\nautoload -U +X bashcompinit && bashcompinit\n"
              + script;
    }
    spec.commandLine().getOut().print(script);
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }

  /** The shell names, for completing the completion command itself. */
  static final class ShellNames implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return java.util.List.of("bash", "zsh").iterator();
    }
  }
}
