package io.github.botconfig.application.port.in;

import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.UnreadableItem;
import java.util.List;
import java.util.Optional;

/** Lists tracked channels. */
public interface ListChannelsUseCase {

  /**
   * Returns {@code FOUND} with the channels, ordered by guild then channel id (empty if none), and
   * the channel items stored but unreadable; else {@code NOT_ALLOWED} or {@code UNAVAILABLE}.
   */
  Outcome<Listing> listChannels(Query query);

  /**
   * The tracked channels, and what is stored as a channel but cannot be read (not absent: a front
   * end says so).
   *
   * @param channels the channels, ordered by guild then channel id
   * @param unreadable the channel items that cannot be read
   */
  record Listing(List<ChannelConfig> channels, List<UnreadableItem> unreadable) {}

  /**
   * List the channels of {@code guildId}.
   *
   * @param actor who asks
   * @param guildId the guild; empty for every guild (only an actor who may configure every guild
   *     may leave it empty)
   */
  record Query(Actor actor, Optional<GuildId> guildId) {}
}
