package io.github.botconfig.app.wiring;

import dagger.Lazy;
import dagger.Module;
import dagger.Provides;
import io.github.botconfig.app.config.AppSettings;
import io.github.botconfig.bot.BotOptions;
import io.github.botconfig.bot.DiscordBot;
import io.github.botconfig.cache.ConfigCache;
import io.github.botconfig.domain.ConfigStore;
import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.inject.Named;
import javax.inject.Singleton;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.ConcurrentSessionController;
import net.dv8tion.jda.api.utils.SessionController;

/** The bot side: the scheduler, the cache over the store, the Discord bot and how JDA is built for it. */
@Module
interface BotModule {

  /** The cache's loads and change checks: one daemon thread is plenty. */
  @Provides
  @Singleton
  static ScheduledExecutorService scheduler(Lifecycle lifecycle) {
    return daemonScheduler("botconfig-cache", 1, lifecycle);
  }

  /**
   * The bot's own jobs — the daily purge, each guild's summaries, the live boards — apart from the cache's: they
   * wait on Discord, and the cache's refreshes must not wait behind them.
   */
  @Provides
  @Singleton
  @Named("bot")
  static ScheduledExecutorService botScheduler(Lifecycle lifecycle) {
    return daemonScheduler("botconfig-bot", 2, lifecycle);
  }

  private static ScheduledExecutorService daemonScheduler(String name, int threads, Lifecycle lifecycle) {
    AtomicInteger count = new AtomicInteger();
    ThreadFactory factory =
        runnable -> {
          Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        };
    ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(threads, factory);
    scheduler.setRemoveOnCancelPolicy(true);
    return lifecycle.register(
        "the " + name + " scheduler",
        scheduler,
        () -> {
          scheduler.shutdownNow();
          scheduler.awaitTermination(5, TimeUnit.SECONDS);
        });
  }

  @Provides
  @Singleton
  static ConfigCache cache(
      ConfigStore store,
      AppSettings settings,
      Clock clock,
      ScheduledExecutorService scheduler,
      Lazy<DiscordBot> bot,
      Lifecycle lifecycle) {
    ConfigCache cache =
        ConfigCache.builder(store)
            .refreshInterval(settings.refreshInterval())
            .changePollInterval(settings.changePollInterval())
            .initialLoadWait(settings.initialLoadWait())
            .clock(clock)
            .scheduler(scheduler)
            .listener(new ChangesToBot(bot))
            .build();
    return lifecycle.register("the cache", cache, cache::close);
  }

  @Provides
  @Singleton
  static DiscordBot bot(
      ConfigCache cache,
      ConfigStore store,
      AppSettings settings,
      Clock clock,
      @Named("bot") ScheduledExecutorService scheduler,
      Lifecycle lifecycle) {
    BotOptions options = BotOptions.defaults().withPurgeGracePeriod(settings.purgeGracePeriod());
    if (settings.devGuildId().isPresent()) {
      options = options.withDevGuild(settings.devGuildId().get());
    }
    // The daily purge goes over every guild with stored items: one scan a day, next to the cache's every 30 min.
    DiscordBot bot = DiscordBot.create(cache, () -> store.loadAll().guilds(), clock, scheduler, options);
    return lifecycle.register("the Discord bot's tasks", bot, bot::close);
  }

  /** JDA for the bot: the token, the intents and listeners it needs, and Discord's addresses when overridden. */
  @Provides
  static JDABuilder jdaBuilder(AppSettings settings, DiscordBot bot) {
    String token =
        settings.token().orElseThrow(() -> new IllegalStateException("no Discord token: run checks it first")).reveal();
    JDABuilder builder =
        JDABuilder.createLight(token, DiscordBot.intents())
            .addEventListeners(bot.listeners().toArray())
            .setEnableShutdownHook(false);
    settings.discordRestUrl().ifPresent(url -> builder.setRestConfig(new RestConfig().setBaseUrl(url.toString())));
    // A gateway other than Discord's (a test double, a proxy) is spoken to without zlib compression.
    settings
        .discordGatewayUrl()
        .ifPresent(url -> builder.setSessionController(gateway(url.toString())).setCompression(Compression.NONE));
    return builder;
  }

  private static SessionController gateway(String url) {
    return new ConcurrentSessionController() {
      @Override
      public String getGateway() {
        return url;
      }

      @Override
      public ShardedGateway getShardedGateway(JDA api) {
        return new ShardedGateway(url, 1);
      }
    };
  }
}
