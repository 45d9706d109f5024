package io.github.botconfig.bot;

import io.github.botconfig.bot.internal.lifecycle.GuildDepartures;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.ConfigException;
import io.github.botconfig.domain.GuildId;
import java.util.function.Predicate;
import net.dv8tion.jda.api.events.GenericEvent;
import net.dv8tion.jda.api.events.channel.ChannelDeleteEvent;
import net.dv8tion.jda.api.events.guild.GuildJoinEvent;
import net.dv8tion.jda.api.events.guild.GuildLeaveEvent;
import net.dv8tion.jda.api.events.guild.GuildReadyEvent;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.hooks.EventListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns Discord's guild and channel events into {@link GuildDepartures} calls, and on each shard's
 * ready event registers the commands, tells the presence view about the shard, and starts the daily
 * sweep. A guild becoming unavailable (an outage) is not a departure and is ignored. Thread-safe;
 * holds no JDA instance of its own.
 *
 * <p>A plain {@link EventListener}, as {@link TrackedMessageListener}: a {@code ListenerAdapter}
 * finds its method by walking the class hierarchy of every gateway event, messages included, and
 * allocates doing it (docs/performance.md).
 */
final class GuildLifecycleListener implements EventListener {
  private static final Logger log = LoggerFactory.getLogger(GuildLifecycleListener.class);

  private final GuildDepartures departures;
  private final JdaGuildPresence presence;
  private final CommandRegistrar commands;
  private final DailySweep sweep;

  GuildLifecycleListener(
      GuildDepartures departures,
      JdaGuildPresence presence,
      CommandRegistrar commands,
      DailySweep sweep) {
    this.departures = departures;
    this.presence = presence;
    this.commands = commands;
    this.sweep = sweep;
  }

  @Override
  public void onEvent(GenericEvent event) {
    if (event instanceof ReadyEvent ready) {
      onReady(ready);
    }
    if (event instanceof GuildReadyEvent ready) {
      onGuildReady(ready);
    }
    if (event instanceof GuildJoinEvent join) {
      onGuildJoin(join);
    }
    if (event instanceof GuildLeaveEvent leave) {
      onGuildLeave(leave);
    }
    if (event instanceof ChannelDeleteEvent deletion) {
      onChannelDelete(deletion);
    }
  }

  private void onReady(ReadyEvent event) {
    presence.shardReady(event.getJDA());
    commands.register(event.getJDA());
    sweep.start();
  }

  private void onGuildReady(GuildReadyEvent event) {
    guild(event.getGuild().getIdLong(), "is back", departures::returned);
  }

  private void onGuildJoin(GuildJoinEvent event) {
    guild(event.getGuild().getIdLong(), "is back", departures::returned);
  }

  private void onGuildLeave(GuildLeaveEvent event) {
    guild(
        event.getGuild().getIdLong(),
        "was left: its configuration will be purged",
        departures::departed);
  }

  private void onChannelDelete(ChannelDeleteEvent event) {
    if (!event.isFromGuild()) {
      return;
    }
    GuildId guildId = GuildId.of(event.getGuild().getIdLong());
    ChannelId channelId = ChannelId.of(event.getChannel().getIdLong());
    try {
      if (departures.channelDeleted(guildId, channelId)) {
        log.info("channel {} of guild {} was deleted: untracked", channelId, guildId);
      }
    } catch (ConfigException e) {
      log.warn(
          "untracking deleted channel {} of guild {} failed: {}",
          channelId,
          guildId,
          e.getMessage());
    }
  }

  private static void guild(long id, String what, Predicate<GuildId> action) {
    GuildId guildId = GuildId.of(id);
    try {
      if (action.test(guildId)) {
        log.info("guild {} {}", guildId, what);
      }
    } catch (ConfigException e) {
      log.warn("recording that guild {} {} failed: {}", guildId, what, e.getMessage());
    }
  }
}
