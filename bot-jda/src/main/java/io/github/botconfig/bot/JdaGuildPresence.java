package io.github.botconfig.bot;

import io.github.botconfig.bot.internal.lifecycle.GuildOwnership;
import io.github.botconfig.bot.internal.lifecycle.GuildPresence;
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
 * Guild presence and ownership as the JDA shards of this process see them. Learns the shards from
 * their ready events, so it works the same for one {@code JDABuilder} instance, several, or a
 * {@code ShardManager} running some of the bot's shards.
 *
 * <ul>
 *   <li>{@link #owns} is the one ownership check of guild-bound scheduled work (the purge,
 *       summaries, the board): a guild is owned here when this process runs its shard ({@link
 *       GuildOwnership#shardOf}) and that shard is not shutting down. A shard that is reconnecting
 *       still owns its guilds (REST works without the gateway). When the bot is sharded over
 *       processes, only the process that runs a guild's shard acts for it; before any shard is
 *       ready, none does.
 *   <li>{@link #owned} is the same check, answering the guild itself when its shard holds it (it is
 *       available).
 *   <li>A guild's {@link #of presence} is {@link Presence#UNKNOWN} unless its shard is here and
 *       connected.
 * </ul>
 *
 * <p>Thread-safe.
 */
final class JdaGuildPresence implements GuildPresence, GuildOwnership {
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
    return shard.getGuildById(id) != null || shard.isUnavailable(id)
        ? Presence.PRESENT
        : Presence.ABSENT;
  }

  @Override
  public boolean owns(GuildId guildId) {
    return ownedShard(guildId) != null;
  }

  /**
   * The guild, if this process {@link #owns} it and its shard holds it (it is available): then, and
   * only then, the caller may act for the guild.
   */
  Optional<Guild> owned(GuildId guildId) {
    JDA shard = ownedShard(guildId);
    return shard == null
        ? Optional.empty()
        : Optional.ofNullable(shard.getGuildById(guildId.value()));
  }

  private @Nullable JDA ownedShard(GuildId guildId) {
    JDA shard = shardOf(guildId);
    return shard == null || GONE.contains(shard.getStatus()) ? null : shard;
  }

  /**
   * The shard of this process that receives the guild's events, connected or not; null when another
   * runs it.
   */
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
