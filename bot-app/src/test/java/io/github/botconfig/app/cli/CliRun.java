package io.github.botconfig.app.cli;

import io.github.botconfig.domain.ConfigStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/** One run of the command line in the test JVM, with what it printed. */
record CliRun(int exitCode, String out, String err) {

  static CliRun run(ConfigStore store, Map<String, String> environment, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        BotConfigCli.run(args, environment, settings -> store, new PrintWriter(out), new PrintWriter(err));
    return new CliRun(code, out.toString(), err.toString());
  }

  static CliRun run(ConfigStore store, String... args) {
    return run(store, Map.of(), args);
  }
}
