package io.github.botconfig.app.wiring;

import io.github.botconfig.app.config.AppSettings;
import io.github.botconfig.app.embedded.EmbeddedDynamoDb;
import java.nio.file.Path;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the process's graph from its settings, starting the embedded local DynamoDB first when no
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

  /**
   * Builds the graph; with no AWS configuration, on the embedded server, its table created if
   * missing.
   */
  public AppComponent open(AppSettings settings) {
    Lifecycle lifecycle = new Lifecycle();
    if (!settings.usesEmbeddedStore()) {
      return AppComponent.create(settings, Clock.systemUTC(), lifecycle);
    }
    EmbeddedDynamoDb embedded = EmbeddedDynamoDb.startOrReuse(home);
    lifecycle.register("the embedded DynamoDB", embedded, embedded::close);
    AppComponent graph =
        AppComponent.create(
            settings.withEndpoint(embedded.endpoint()), Clock.systemUTC(), lifecycle);
    try {
      if (graph.provisioner().createIfMissing()) {
        LOG.info("Created table '{}' in the embedded DynamoDB", settings.table());
      }
    } catch (RuntimeException e) {
      graph.close();
      throw e;
    }
    return graph;
  }
}
