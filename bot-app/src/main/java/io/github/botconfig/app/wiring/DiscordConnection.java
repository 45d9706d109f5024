package io.github.botconfig.app.wiring;

import java.time.Duration;
import java.util.List;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.sharding.ShardManager;

/**
 * Logs the bot in to Discord with the graph's shard manager, and has the graph's lifecycle log it
 * out.
 */
public final class DiscordConnection {
  /** How long each shard may take to close its session before it is cut. */
  static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(10);

  private DiscordConnection() {}

  /**
   * Builds the shard manager and logs in: the first shard connects on this thread (a bad token
   * fails here), the others follow in the background, as Discord allows.
   *
   * @param listeners listeners to add after the bot's own (a ready line, a test's probe)
   */
  public static ShardManager open(AppComponent graph, Object... listeners) {
    ShardManager shards = graph.shardManagerBuilder().addEventListeners(listeners).build();
    return graph.lifecycle().register("Discord", shards, () -> close(shards));
  }

  private static void close(ShardManager shards) throws InterruptedException {
    List<JDA> running = shards.getShards();
    shards.shutdown(); // asynchronous: each shard closes its session on the manager's thread
    for (JDA shard : running) {
      if (!shard.awaitShutdown(SHUTDOWN_WAIT)) {
        shard.shutdownNow();
      }
    }
  }
}
