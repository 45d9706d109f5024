package io.github.botconfig.bot.internal.lifecycle;

import io.github.botconfig.domain.GuildId;

/**
 * Whether this process is the one that does a guild's scheduled work (the purge of a departed
 * guild, and any other task of one guild): the process that runs the guild's shard. Discord
 * delivers a guild's events to one shard, and a bot that grows splits its shards over several
 * processes; giving each guild's scheduled work to the process of its shard means it runs exactly
 * once, with no lock and no coordination beyond the shard assignment.
 *
 * <p>Implementations are thread-safe.
 */
@FunctionalInterface
public interface GuildOwnership {

  /** Owns every guild: a bot with a single process. */
  GuildOwnership ALL = guildId -> true;

  /** Whether this process runs the shard of {@code guildId}. */
  boolean owns(GuildId guildId);

  /**
   * Discord's rule: the shard that receives a guild's events is {@code (guildId >> 22) %
   * shardTotal}.
   *
   * @throws IllegalArgumentException if {@code shardTotal} is less than 1
   */
  static int shardOf(GuildId guildId, int shardTotal) {
    if (shardTotal < 1) {
      throw new IllegalArgumentException("shard total must be 1 or more, got " + shardTotal);
    }
    return (int) ((guildId.value() >>> 22) % shardTotal);
  }
}
