package io.github.botconfig.bot;

import io.github.botconfig.bot.lifecycle.GuildPresence;
import io.github.botconfig.domain.GuildId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.sharding.ShardManager;
import org.jspecify.annotations.Nullable;

/**
 * Guild presence as the connected JDA shards of this process see it. Learns the shards from their ready events,
 * so it works the same for one {@code JDABuilder} instance, several, or a {@code ShardManager}. A guild whose shard
 * runs in another process, or is not connected, is {@link Presence#UNKNOWN}. Thread-safe.
 */
final class JdaGuildPresence implements GuildPresence {
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

  private @Nullable JDA shardOf(GuildId guildId) {
    JDA any = shards.values().stream().findAny().orElse(null);
    ShardManager manager = any == null ? null : any.getShardManager();
    if (manager != null) {
      return manager.getShardById(shardId(guildId, manager.getShardsTotal()));
    }
    return shards.get(shardId(guildId, shardTotal));
  }

  /** Discord's rule for which shard receives a guild's events. */
  static int shardId(GuildId guildId, int shardTotal) {
    return (int) ((guildId.value() >>> 22) % shardTotal);
  }
}
