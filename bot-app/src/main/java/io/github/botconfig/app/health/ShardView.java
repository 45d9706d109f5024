package io.github.botconfig.app.health;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.sharding.ShardManager;

/**
 * The Discord shards of this process, as health and metrics report them. Empty until the bot has
 * logged in: the endpoint starts before Discord does, so that a probe can watch the configuration
 * load. Thread-safe.
 */
public final class ShardView {
  private final AtomicReference<ShardManager> manager = new AtomicReference<>();

  /** Reports these shards from now on. */
  public void connected(ShardManager shards) {
    manager.set(shards);
  }

  /** The status of each shard this process runs, by shard id; empty before login. */
  public Map<Integer, JDA.Status> statuses() {
    ShardManager shards = manager.get();
    Map<Integer, JDA.Status> statuses = new TreeMap<>();
    if (shards != null) {
      shards
          .getShardCache()
          .forEach(jda -> statuses.put(jda.getShardInfo().getShardId(), jda.getStatus()));
    }
    return statuses;
  }

  /** The bot's shard total across every process; empty before login (it may come from Discord). */
  public Optional<Integer> total() {
    ShardManager shards = manager.get();
    return shards == null || shards.getShardsTotal() < 1
        ? Optional.empty()
        : Optional.of(shards.getShardsTotal());
  }
}
