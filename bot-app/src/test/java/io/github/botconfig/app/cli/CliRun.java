package io.github.botconfig.app.cli;

import io.github.botconfig.app.wiring.AppComponent;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/** One run of the command line in the test JVM, with what it printed. */
public record CliRun(int exitCode, String out, String err) {

  /** Runs {@code botconfig args…} with the production wiring and this environment. */
  public static CliRun run(Map<String, String> environment, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        BotConfigCli.run(
            args, environment, AppComponent::create, new PrintWriter(out), new PrintWriter(err));
    return new CliRun(code, out.toString(), err.toString());
  }
}
