package io.github.botconfig.application.port.in;

import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.GuildId;
import java.util.Optional;

/** Shows one tracked channel. */
public interface ShowChannelUseCase {

  /**
   * Returns {@code FOUND} with the channel; {@code NOT_TRACKED}; {@code OWNED_BY_ANOTHER_GUILD} if
   * the query names a guild and another one tracks the channel (its configuration is not shown);
   * else {@code UNREADABLE}, {@code NOT_ALLOWED} or {@code UNAVAILABLE}.
   */
  Outcome<ChannelConfig> showChannel(Query query);

  /**
   * Show {@code channelId}.
   *
   * @param actor who asks
   * @param guildId the guild asking; empty for whichever guild tracks it (only an actor who may
   *     configure every guild may leave it empty)
   * @param channelId the channel
   */
  record Query(Actor actor, Optional<GuildId> guildId, ChannelId channelId) {}
}
