package io.github.botconfig.bot;

import io.github.botconfig.bot.lifecycle.GuildPresence;
import io.github.botconfig.domain.GuildId;
import net.dv8tion.jda.api.JDA;

/**
 * Guild presence as the connected JDA shards of this process see it. A guild whose shard runs in another process,
 * or is not connected, is {@link Presence#UNKNOWN}. Thread-safe.
 */
final class JdaGuildPresence implements GuildPresence {
  private final JdaShards shards;

  JdaGuildPresence(JdaShards shards) {
    this.shards = shards;
  }

  @Override
  public Presence of(GuildId guildId) {
    JDA shard = shards.shardOf(guildId);
    if (shard == null || shard.getStatus() != JDA.Status.CONNECTED) {
      return Presence.UNKNOWN;
    }
    long id = guildId.value();
    return shard.getGuildById(id) != null || shard.isUnavailable(id) ? Presence.PRESENT : Presence.ABSENT;
  }
}
