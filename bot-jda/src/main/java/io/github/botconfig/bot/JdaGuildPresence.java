package io.github.botconfig.bot;

import io.github.botconfig.bot.lifecycle.GuildPresence;
import io.github.botconfig.domain.GuildId;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.sharding.ShardManager;
import org.jspecify.annotations.Nullable;

/**
 * Guild presence as the connected JDA shards of this process see it. Learns the shards from their ready events,
 * so it works the same for one {@code JDABuilder} instance, several, or a {@code ShardManager}. A guild whose shard
 * runs in another process, or is not connected, is {@link Presence#UNKNOWN}.
 *
 * <p>{@link #owned} is the one ownership check of guild-bound scheduled work (summaries, the board): when the bot
 * is sharded over processes, only the process that runs a guild's shard acts for it. Thread-safe.
 */
final class JdaGuildPresence implements GuildPresence {
  private static final EnumSet<JDA.Status> GONE =
      EnumSet.of(JDA.Status.SHUTTING_DOWN, JDA.Status.SHUTDOWN, JDA.Status.FAILED_TO_LOGIN);
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

  /**
   * The guild, if this process runs its shard and the shard holds the guild (it is available): then, and only then,
   * the caller may act for the guild. A shard that is reconnecting still owns its guilds (REST works without the
   * gateway); one shutting down does not.
   */
  Optional<Guild> owned(GuildId guildId) {
    JDA shard = shardOf(guildId);
    if (shard == null || GONE.contains(shard.getStatus())) {
      return Optional.empty();
    }
    return Optional.ofNullable(shard.getGuildById(guildId.value()));
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
