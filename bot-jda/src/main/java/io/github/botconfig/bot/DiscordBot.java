package io.github.botconfig.bot;

import io.github.botconfig.bot.admin.ConfigAdmin;
import io.github.botconfig.bot.lifecycle.GuildDepartures;
import io.github.botconfig.bot.lifecycle.GuildOwnership;
import io.github.botconfig.domain.ConfigRepository;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import net.dv8tion.jda.api.hooks.EventListener;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.requests.GatewayIntent;

/**
 * The Discord bot, ready to plug into JDA: the entry point of this module.
 *
 * <pre>{@code
 * DiscordBot bot = DiscordBot.create(repository, directory, clock, scheduler, BotOptions.defaults());
 * JDA jda = JDABuilder.createLight(token, DiscordBot.intents())
 *     .addEventListeners(bot.listeners().toArray())
 *     .build();
 * // on shutdown: jda.shutdown(); bot.close();
 * }</pre>
 *
 * <p>The listeners keep no JDA instance: the same ones serve a {@code JDABuilder} instance, several, or every
 * shard of a {@code ShardManager} ({@code DefaultShardManagerBuilder.addEventListeners}). On each shard's ready
 * event they register {@link #commands()} (globally, or in the development guild of {@link BotOptions}) and the
 * first one starts the daily purge of departed guilds on {@code scheduler}.
 *
 * <p>A bot may run as several processes, each with some of its shards. Messages and commands reach the process of
 * the guild's shard by themselves; scheduled work of a guild (the purge) runs only in the process whose shards
 * include the guild's ({@code (guildId >> 22) % shardTotal}, see {@link GuildOwnership}), so it happens once.
 *
 * <p>Thread-safe. {@link #close()} stops the daily task; it does not shut down JDA or the scheduler.
 */
public final class DiscordBot implements AutoCloseable {
  private final List<EventListener> listeners;
  private final List<CommandData> commands;
  private final DailySweep sweep;

  private DiscordBot(
      ConfigRepository repository,
      GuildDirectory directory,
      Clock clock,
      ScheduledExecutorService scheduler,
      BotOptions options) {
    this.commands = List.of(ConfigCommands.definition());
    GuildDepartures departures = new GuildDepartures(repository, clock, options.purgeGracePeriod());
    JdaGuildPresence presence = new JdaGuildPresence();
    this.sweep = new DailySweep(departures, directory, presence, presence, scheduler);
    this.listeners =
        List.of(
            new TrackedMessageListener(repository, new AlertPublisher(new PinRotation())),
            new ConfigCommandListener(new ConfigAdmin(repository)),
            new GuildLifecycleListener(
                departures, presence, new CommandRegistrar(commands, options.devGuildId()), sweep));
  }

  /**
   * Creates the bot.
   *
   * @param repository the configuration, read on every message: give the cache, never a store
   * @param directory lists the guilds that have anything stored (the daily purge goes over them)
   * @param clock when departures happen and purges are due
   * @param scheduler runs the daily purge; owned by the caller
   * @param options grace period, development guild
   */
  public static DiscordBot create(
      ConfigRepository repository,
      GuildDirectory directory,
      Clock clock,
      ScheduledExecutorService scheduler,
      BotOptions options) {
    return new DiscordBot(repository, directory, clock, scheduler, options);
  }

  /**
   * The gateway intents the bot needs: guild messages and their content (a privileged intent, to be enabled for
   * the application in Discord's developer portal). Guild and channel events need no intent of their own.
   */
  public static EnumSet<GatewayIntent> intents() {
    return EnumSet.of(GatewayIntent.GUILD_MESSAGES, GatewayIntent.MESSAGE_CONTENT);
  }

  /** The listeners to register with JDA: the message path, {@code /config}, and the guild lifecycle. */
  public List<EventListener> listeners() {
    return listeners;
  }

  /** The slash commands; the listeners register them on ready, this is for callers that want to see them. */
  public List<CommandData> commands() {
    return commands;
  }

  /** Stops the daily purge. */
  @Override
  public void close() {
    sweep.close();
  }
}
