package io.github.botconfig.application.port.in;

import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.GuildId;
import java.util.List;
import java.util.Optional;

/** Lists tracked channels. */
public interface ListChannelsUseCase {

  /**
   * Returns {@code FOUND} with the channels, ordered by guild then channel id (empty if none); else
   * {@code NOT_ALLOWED} or {@code UNAVAILABLE}.
   */
  Outcome<List<ChannelConfig>> listChannels(Query query);

  /**
   * List the channels of {@code guildId}.
   *
   * @param actor who asks
   * @param guildId the guild; empty for every guild (only an actor who may configure every guild
   *     may leave it empty)
   */
  record Query(Actor actor, Optional<GuildId> guildId) {}
}
