package io.github.botconfig.bot;

import io.github.botconfig.bot.lifecycle.GuildOwnership;
import io.github.botconfig.domain.GuildId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.sharding.ShardManager;
import org.jspecify.annotations.Nullable;

/**
 * The JDA shards this process runs, learnt from their ready events, so it works the same for one
 * {@code JDABuilder} instance, several, or a {@code ShardManager} running some of the bot's shards. A guild is
 * owned here when its shard ({@link GuildOwnership#shardOf}) is one of them; before any shard is ready, none is.
 * Thread-safe.
 */
final class JdaShards implements GuildOwnership {
  private final Map<Integer, JDA> shards = new ConcurrentHashMap<>();
  private volatile int shardTotal = 1;

  void shardReady(JDA jda) {
    shardTotal = jda.getShardInfo().getShardTotal();
    shards.put(jda.getShardInfo().getShardId(), jda);
  }

  @Override
  public boolean owns(GuildId guildId) {
    return shardOf(guildId) != null;
  }

  /**
   * The shard of this process that receives the guild's events, connected or not; null when another process runs
   * it (or no shard is ready yet).
   */
  @Nullable JDA shardOf(GuildId guildId) {
    JDA any = shards.values().stream().findAny().orElse(null);
    ShardManager manager = any == null ? null : any.getShardManager();
    if (manager != null) {
      // The manager knows every shard of this process, including those still connecting.
      return manager.getShardById(GuildOwnership.shardOf(guildId, manager.getShardsTotal()));
    }
    return shards.get(GuildOwnership.shardOf(guildId, shardTotal));
  }
}
