package io.github.botconfig.app.wiring;

import io.github.botconfig.app.health.BotMetrics;
import io.github.botconfig.app.health.HealthCheck;
import io.github.botconfig.app.health.HealthServer;
import io.github.botconfig.app.health.ShardView;

/**
 * Starts the health endpoint of a graph's bot, closed by the graph's lifecycle before the rest of
 * the bot.
 */
public final class HealthEndpoints {
  private HealthEndpoints() {}

  /**
   * Serves {@code /healthz} and {@code /metrics} where the settings say.
   *
   * @param shards where the shards will be reported once the bot has logged in
   */
  public static HealthServer start(AppComponent graph, ShardView shards) {
    BotMetrics metrics = new BotMetrics(graph.cache(), graph.metrics(), shards);
    HealthCheck check = new HealthCheck(graph.cache(), graph.store(), shards, graph.clock());
    HealthServer server;
    try {
      server = HealthServer.start(graph.options().health(), check, metrics);
    } catch (RuntimeException e) {
      metrics.close();
      throw e;
    }
    return graph
        .lifecycle()
        .register(
            "the health endpoint",
            server,
            () -> {
              server.close();
              metrics.close();
            });
  }
}
