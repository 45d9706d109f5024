package io.github.botconfig.app.wiring;

import io.github.botconfig.app.embedded.BotLock;
import io.github.botconfig.app.embedded.EmbeddedDynamoDb;
import io.github.botconfig.app.launch.LaunchOption;
import io.github.botconfig.app.launch.LaunchOptions;
import java.nio.file.Path;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the process's graph from its options, starting the embedded local DynamoDB first when no
 * AWS configuration is given (see docs/configuration.md, "Which DynamoDB").
 */
public final class Launcher {
  private static final Logger LOG = LoggerFactory.getLogger(Launcher.class);

  private final Path home;

  /**
   * @param home the botconfig directory ({@code tools/dynalite} is read there, {@code data/}
   *     written there)
   */
  public Launcher(Path home) {
    this.home = home;
  }

  /**
   * The home given by {@code bin/botconfig} ({@code -Dbotconfig.home}), or the working directory.
   */
  public static Launcher fromSystemProperties() {
    return new Launcher(
        Path.of(System.getProperty("botconfig.home", ".")).toAbsolutePath().normalize());
  }

  /** Builds the graph for a command that is not the bot: {@link #open(LaunchOptions, boolean)}. */
  public AppComponent open(LaunchOptions options) {
    return open(options, false);
  }

  /**
   * Builds the graph. With no AWS configuration it attaches to the embedded server of this home,
   * starting it if none runs. Only the bot ({@code bot}) on the embedded store creates a table, and
   * only the default one on its first run: everywhere else a missing table is an error, so that a
   * mistyped name is never a new, empty table.
   *
   * @param bot whether this process serves the bot: on the embedded store it then holds {@code
   *     data/bot.lock} until the graph closes, and a second bot on the same {@code data/} is
   *     refused
   */
  public AppComponent open(LaunchOptions options, boolean bot) {
    Lifecycle lifecycle = new Lifecycle();
    if (!options.usesEmbeddedStore()) {
      return AppComponent.create(options, Clock.systemUTC(), lifecycle);
    }
    if (bot) {
      BotLock lock = BotLock.acquire(home);
      lifecycle.register("the bot's claim on data/", lock, lock::close);
    }
    AppComponent graph;
    try {
      // The server outlives this process, for the others of this home: only the lease is released.
      EmbeddedDynamoDb embedded = EmbeddedDynamoDb.attach(home, options.embeddedIdleStop());
      lifecycle.register(
          "the lease on the embedded DynamoDB", embedded, () -> EmbeddedDynamoDb.release(home));
      graph =
          AppComponent.create(
              options.withEndpoint(embedded.endpoint()), Clock.systemUTC(), lifecycle);
    } catch (RuntimeException e) {
      lifecycle.close();
      throw e;
    }
    if (bot && options.table().equals(LaunchOption.TABLE.defaultValue())) {
      try {
        if (graph.provisioner().createIfMissing()) {
          LOG.info("Created table '{}' in the embedded DynamoDB", options.table());
        }
      } catch (RuntimeException e) {
        graph.close();
        throw e;
      }
    }
    return graph;
  }
}
