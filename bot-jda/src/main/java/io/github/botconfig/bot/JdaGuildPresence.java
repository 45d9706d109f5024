package io.github.botconfig.bot;

import io.github.botconfig.bot.lifecycle.GuildOwnership;
import io.github.botconfig.bot.lifecycle.GuildPresence;
import io.github.botconfig.domain.GuildId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.sharding.ShardManager;
import org.jspecify.annotations.Nullable;

/**
 * Guild presence and ownership as the JDA shards of this process see them. Learns the shards from their ready
 * events, so it works the same for one {@code JDABuilder} instance, several, or a {@code ShardManager} running some
 * of the bot's shards.
 *
 * <ul>
 *   <li>A guild is {@link #owns owned} here when this process runs its shard ({@link GuildOwnership#shardOf}):
 *       scheduled work of the guild is this process's to do. Before any shard is ready, none is.
 *   <li>Its {@link #of presence} is {@link Presence#UNKNOWN} unless that shard is connected.
 * </ul>
 *
 * <p>Thread-safe.
 */
final class JdaGuildPresence implements GuildPresence, GuildOwnership {
  private final Map<Integer, JDA> shards = new ConcurrentHashMap<>();
  private volatile int shardTotal = 1;

  void shardReady(JDA jda) {
    shardTotal = jda.getShardInfo().getShardTotal();
    shards.put(jda.getShardInfo().getShardId(), jda);
  }

  @Override
  public Presence of(GuildId guildId) {
    JDA shard = shardOf(guildId);
    if (shard == null || shard.getStatus() != JDA.Status.CONNECTED) {
      return Presence.UNKNOWN;
    }
    long id = guildId.value();
    return shard.getGuildById(id) != null || shard.isUnavailable(id) ? Presence.PRESENT : Presence.ABSENT;
  }

  @Override
  public boolean owns(GuildId guildId) {
    return shardOf(guildId) != null;
  }

  /** The shard of this process that receives the guild's events, connected or not; null when another runs it. */
  private @Nullable JDA shardOf(GuildId guildId) {
    JDA any = shards.values().stream().findAny().orElse(null);
    ShardManager manager = any == null ? null : any.getShardManager();
    if (manager != null) {
      // The manager knows every shard of this process, including those still connecting.
      return manager.getShardById(GuildOwnership.shardOf(guildId, manager.getShardsTotal()));
    }
    return shards.get(GuildOwnership.shardOf(guildId, shardTotal));
  }
}
