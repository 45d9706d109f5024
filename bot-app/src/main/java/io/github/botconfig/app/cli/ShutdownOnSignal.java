package io.github.botconfig.app.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops the bot in order on SIGTERM or SIGINT and ends the process with status 0, as a service
 * manager expects of a clean stop (the JVM would otherwise report 143 or 130).
 *
 * <p>The JDK gives no portable signal handler, so this is a shutdown hook that halts once
 * everything is closed: with 0 after a signal, with the status given to {@link #exit} when the
 * process ends itself.
 */
public final class ShutdownOnSignal {
  private static final Logger LOG = LoggerFactory.getLogger(ShutdownOnSignal.class);

  /** The status the process asked for with {@link #exit}; a signal leaves it at 0. */
  private static volatile int status = ExitCodes.OK;

  private ShutdownOnSignal() {}

  /** Ends the process with {@code code}, running the shutdown hook (if installed) first. */
  public static void exit(int code) {
    status = code;
    System.exit(code);
  }

  static void install(Runnable closeEverything) {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  LOG.info("Stopping: Discord, then the cache's tasks, then the DynamoDB client");
                  try {
                    closeEverything.run();
                    LOG.info("Stopped");
                  } finally {
                    System.out.flush();
                    System.err.flush();
                    Runtime.getRuntime().halt(status);
                  }
                },
                "botconfig-shutdown"));
  }
}
