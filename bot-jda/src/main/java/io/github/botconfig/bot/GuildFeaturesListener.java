package io.github.botconfig.bot;

import io.github.botconfig.bot.internal.guild.GuildSummaries;
import io.github.botconfig.bot.internal.guild.LiveBoards;
import io.github.botconfig.domain.GuildId;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.events.GenericEvent;
import net.dv8tion.jda.api.events.guild.GuildAvailableEvent;
import net.dv8tion.jda.api.events.guild.GuildJoinEvent;
import net.dv8tion.jda.api.events.guild.GuildLeaveEvent;
import net.dv8tion.jda.api.events.message.MessageDeleteEvent;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.hooks.EventListener;

/**
 * Starts and stops the summaries and the board of each guild as this process's shards find, join
 * and leave them, and tells the boards when a message is deleted (it may be one). The work itself
 * runs on the scheduler. Thread-safe; holds no JDA instance.
 *
 * <p>A plain {@link EventListener}, as {@link TrackedMessageListener}: a {@code ListenerAdapter}
 * finds its method by walking the class hierarchy of every gateway event, messages included, and
 * allocates doing it (docs/performance.md).
 */
final class GuildFeaturesListener implements EventListener {
  private final JdaGuildPresence presence;
  private final GuildSummaries summaries;
  private final LiveBoards boards;

  GuildFeaturesListener(JdaGuildPresence presence, GuildSummaries summaries, LiveBoards boards) {
    this.presence = presence;
    this.summaries = summaries;
    this.boards = boards;
  }

  @Override
  public void onEvent(GenericEvent event) {
    if (event instanceof ReadyEvent ready) {
      onReady(ready);
    }
    if (event instanceof GuildAvailableEvent available) {
      onGuildAvailable(available);
    }
    if (event instanceof GuildJoinEvent join) {
      onGuildJoin(join);
    }
    if (event instanceof GuildLeaveEvent leave) {
      onGuildLeave(leave);
    }
    if (event instanceof MessageDeleteEvent deletion) {
      onMessageDelete(deletion);
    }
  }

  private void onReady(ReadyEvent event) {
    presence.shardReady(event.getJDA()); // before the guilds' first runs ask who owns them
    event.getJDA().getGuilds().forEach(guild -> start(guild, true));
  }

  private void onGuildAvailable(GuildAvailableEvent event) {
    start(event.getGuild(), true);
  }

  private void onGuildJoin(GuildJoinEvent event) {
    start(event.getGuild(), false);
  }

  private void onGuildLeave(GuildLeaveEvent event) {
    GuildId id = GuildId.of(event.getGuild().getIdLong());
    summaries.stop(id);
    boards.stop(id);
  }

  /**
   * @param wasThere the bot was in the guild before (it connected, or the guild is back from an
   *     outage): summaries it may have missed are caught up; a guild it just joined starts from the
   *     periods running now
   */
  private void start(Guild guild, boolean wasThere) {
    GuildId id = GuildId.of(guild.getIdLong());
    if (wasThere) {
      summaries.start(id);
    } else {
      summaries.join(id);
    }
    boards.start(id);
  }

  private void onMessageDelete(MessageDeleteEvent event) {
    if (event.isFromGuild()) {
      boards.messageDeleted(GuildId.of(event.getGuild().getIdLong()), event.getMessageIdLong());
    }
  }
}
