package io.github.botconfig.app;

import io.github.botconfig.app.cli.BotConfigCli;
import io.github.botconfig.app.cli.ShutdownOnSignal;
import io.github.botconfig.app.wiring.Launcher;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * The {@code botconfig} executable: {@code java -jar botconfig.jar <command>}; see {@code botconfig
 * --help}.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    PrintWriter out =
        new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err =
        new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    Launcher launcher = Launcher.fromSystemProperties();
    BotConfigCli.GraphFactory graphs = launcher::open;
    int code = BotConfigCli.run(args, System.getenv(), graphs, out, err);
    ShutdownOnSignal.exit(code);
  }
}
