package io.github.botconfig.app.run;

import io.github.botconfig.app.cli.BotConfigCli;
import io.github.botconfig.app.wiring.AppComponent;
import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * A burst of {@code botconfig channels set} commands in one JVM, for {@code CrashIT} to kill in the
 * middle: write k (1, 2, …) sets channel {@code base + k % channels} to threshold k, pin when k is
 * even, image when k is a multiple of 3, and prints {@code done k} once the command returned 0.
 * Every field of a stored channel thus follows from its threshold: a half-written item would show.
 *
 * <p>Arguments: guild, first channel id, number of channels, number of writes. Environment: as for
 * botconfig.
 */
public final class CliBurst {
  private CliBurst() {}

  public static void main(String[] args) {
    String guild = args[0];
    long base = Long.parseLong(args[1]);
    int channels = Integer.parseInt(args[2]);
    int writes = Integer.parseInt(args[3]);
    for (int k = 1; k <= writes; k++) {
      StringWriter err = new StringWriter();
      int code =
          BotConfigCli.run(
              new String[] {
                "channels",
                "set",
                "--guild",
                guild,
                "--channel",
                Long.toString(base + k % channels),
                "--threshold",
                Integer.toString(k),
                "--pin",
                Boolean.toString(k % 2 == 0),
                "--image",
                Boolean.toString(k % 3 == 0)
              },
              System.getenv(),
              AppComponent::create,
              new PrintWriter(new StringWriter()),
              new PrintWriter(err));
      System.out.println(
          code == 0 ? "done " + k : "failed " + k + " (" + code + "): " + err.toString().strip());
    }
    System.out.println("burst finished");
  }
}
