package io.github.botconfig.bot;

import io.github.botconfig.application.service.AdminService;
import io.github.botconfig.bot.internal.admin.ConfigAdmin;
import io.github.botconfig.bot.internal.guild.GuildSummaries;
import io.github.botconfig.bot.internal.guild.GuildWarnings;
import io.github.botconfig.bot.internal.guild.LiveBoards;
import io.github.botconfig.bot.internal.lifecycle.GuildDepartures;
import io.github.botconfig.bot.internal.lifecycle.GuildOwnership;
import io.github.botconfig.bot.internal.panel.PanelListener;
import io.github.botconfig.bot.report.AlertLimits;
import io.github.botconfig.domain.ConfigRepository;
import io.github.botconfig.domain.GuildId;
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
 * <p>The listeners keep no JDA instance: the same ones serve a {@code JDABuilder} instance,
 * several, or every shard of a {@code ShardManager} ({@code
 * DefaultShardManagerBuilder.addEventListeners}). On each shard's ready event they register {@link
 * #commands()} (globally, or in the development guild of {@link BotOptions}) and the first one
 * starts the daily purge of departed guilds on {@code scheduler}.
 *
 * <p>A guild's settings act through it too: each guild's summaries are posted at midnight of its
 * time zone, and its live board is kept in its global channel, both on {@code scheduler} (give the
 * bot a scheduler of its own: these jobs block it while Discord answers). Tell the bot when the
 * configuration changes, from a cache listener:
 *
 * <pre>{@code
 * ConfigCache.builder(store).listener(new CacheListener() {
 *   public void onSettingsChanged(GuildId guild, Optional<GuildSettings> before, Optional<GuildSettings> after) {
 *     bot.settingsChanged(guild);
 *   }
 *   public void onChannelChanged(ChannelId channel, Optional<ChannelConfig> before, Optional<ChannelConfig> after) {
 *     after.or(() -> before).ifPresent(c -> bot.channelsChanged(c.guildId()));
 *   }
 * })
 * }</pre>
 *
 * <p>A bot may run as several processes, each with some of its shards. Messages and commands reach
 * the process of the guild's shard by themselves; scheduled work of a guild (the purge, its
 * summaries, its board) runs only in the process whose shards include the guild's ({@code (guildId
 * >> 22) % shardTotal}, see {@link GuildOwnership}), so it happens once.
 *
 * <p>Thread-safe. {@link #close()} stops the daily task, the summaries and the boards; it does not
 * shut down JDA or the scheduler.
 */
public final class DiscordBot implements AutoCloseable {
  private final List<EventListener> listeners;
  private final List<CommandData> commands;
  private final DailySweep sweep;
  private final GuildSummaries summaries;
  private final LiveBoards boards;

  private DiscordBot(
      ConfigRepository repository,
      GuildDirectory directory,
      Clock clock,
      ScheduledExecutorService scheduler,
      BotOptions options) {
    this.commands = List.of(ConfigCommands.definition(), ConfigCommands.panel());
    GuildDepartures departures = new GuildDepartures(repository, clock, options.purgeGracePeriod());
    JdaGuildPresence presence = new JdaGuildPresence();
    this.sweep = new DailySweep(departures, directory, presence, presence, scheduler);
    PinRotation pins = new PinRotation();
    GuildWarnings warnings = new GuildWarnings();
    this.summaries =
        new GuildSummaries(
            repository,
            new JdaSummaryPublisher(repository, presence, warnings, pins),
            clock,
            scheduler);
    this.boards = new LiveBoards(repository, new JdaBoards(presence), warnings, clock, scheduler);
    // One set of use cases for both front ends: /config and its panels decide nothing themselves.
    AdminService useCases = new AdminService(repository);
    this.listeners =
        List.of(
            new TrackedMessageListener(
                repository,
                new AlertLimits(options.alertRate(), options.mentionRate(), clock),
                new AlertPublisher(pins),
                boards),
            new ConfigCommandListener(
                new ConfigAdmin(
                    useCases, ConfigCommandListener.PERMISSION_REFUSED, options.settingsSchema()),
                options.settingsSchema()),
            new PanelListener(
                useCases,
                MemberActor::new,
                clock,
                GlobalChannelCheck::warnings,
                options.settingsSchema()),
            new GuildLifecycleListener(
                departures, presence, new CommandRegistrar(commands, options.devGuildId()), sweep),
            new GuildFeaturesListener(presence, summaries, boards));
  }

  /**
   * Creates the bot.
   *
   * @param repository the configuration, read on every message: give the cache, never a store
   * @param directory lists the guilds that have anything stored (the daily purge goes over them)
   * @param clock when departures happen, purges and summaries are due
   * @param scheduler runs the daily purge, the summaries and the board edits; owned by the caller,
   *     and best the bot's own (summaries and board edits block it while Discord answers)
   * @param options grace period, development guild, alert limits
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
   * The gateway intents the bot needs: guild messages and their content (a privileged intent, to be
   * enabled for the application in Discord's developer portal). Guild and channel events need no
   * intent of their own.
   */
  public static EnumSet<GatewayIntent> intents() {
    return EnumSet.of(GatewayIntent.GUILD_MESSAGES, GatewayIntent.MESSAGE_CONTENT);
  }

  /**
   * The listeners to register with JDA: the message path, {@code /config}, the guild lifecycle, and
   * the summaries and boards of the guilds this process's shards hold.
   */
  public List<EventListener> listeners() {
    return listeners;
  }

  /**
   * The slash commands; the listeners register them on ready, this is for callers that want to see
   * them.
   */
  public List<CommandData> commands() {
    return commands;
  }

  /**
   * A guild's settings changed (through this bot or elsewhere): its summaries are scheduled again
   * for its time zone and preferences, and its board is refreshed, moved or removed. Cheap, never
   * blocks; call it from a cache listener. The bot also re-reads the settings before every summary,
   * so a missed call never posts with old ones.
   */
  public void settingsChanged(GuildId guildId) {
    summaries.settingsChanged(guildId);
    boards.changed(guildId);
  }

  /**
   * A guild's tracked channels changed: its board lists them at its next refresh. Cheap, never
   * blocks.
   */
  public void channelsChanged(GuildId guildId) {
    boards.changed(guildId);
  }

  /** Stops the daily purge, the summaries and the boards. */
  @Override
  public void close() {
    sweep.close();
    summaries.close();
    boards.close();
  }
}
