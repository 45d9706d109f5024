package io.github.botconfig.app.wiring;

import dagger.Lazy;
import dagger.Module;
import dagger.Provides;
import io.github.botconfig.app.launch.LaunchOptions;
import io.github.botconfig.bot.BotOptions;
import io.github.botconfig.bot.DiscordBot;
import io.github.botconfig.cache.ConfigCache;
import io.github.botconfig.domain.ConfigStore;
import io.github.botconfig.domain.SettingsSchema;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.inject.Named;
import javax.inject.Singleton;

/** The bot side: the scheduler, the cache over the store, and the Discord bot. */
@Module
interface BotModule {

  /**
   * The cache's loads and change checks: one daemon thread is plenty. A test may give the graph its
   * own (manual) scheduler instead, which then runs everything: its owner shuts it down.
   */
  @Provides
  @Singleton
  static ScheduledExecutorService scheduler(
      Optional<ScheduledExecutorService> given, Lifecycle lifecycle) {
    return given.orElseGet(() -> daemonScheduler("botconfig-cache", 1, lifecycle));
  }

  /**
   * The bot's own jobs — the daily purge, each guild's summaries, the live boards — apart from the
   * cache's: they wait on Discord, and the cache's refreshes must not wait behind them.
   */
  @Provides
  @Singleton
  @Named("bot")
  static ScheduledExecutorService botScheduler(
      Optional<ScheduledExecutorService> given, Lifecycle lifecycle) {
    return given.orElseGet(() -> daemonScheduler("botconfig-bot", 2, lifecycle));
  }

  private static ScheduledExecutorService daemonScheduler(
      String name, int threads, Lifecycle lifecycle) {
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
      LaunchOptions options,
      Clock clock,
      ScheduledExecutorService scheduler,
      Lazy<DiscordBot> bot,
      Lifecycle lifecycle) {
    ConfigCache cache =
        ConfigCache.builder(store)
            .refreshInterval(options.refreshInterval())
            .changePollInterval(options.changePollInterval())
            .initialLoadWait(options.initialLoadWait())
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
      LaunchOptions launch,
      Clock clock,
      @Named("bot") ScheduledExecutorService scheduler,
      Lifecycle lifecycle,
      SettingsSchema schema) {
    BotOptions options =
        BotOptions.defaults()
            .withPurgeGracePeriod(launch.purgeGracePeriod())
            .withSettingsSchema(schema);
    if (launch.devGuildId().isPresent()) {
      options = options.withDevGuild(launch.devGuildId().get());
    }
    // The daily purge goes over every guild with stored items: one scan a day, next to the cache's
    // every 30 min.
    DiscordBot bot =
        DiscordBot.create(cache, () -> store.loadAll().guilds(), clock, scheduler, options);
    return lifecycle.register("the Discord bot's tasks", bot, bot::close);
  }
}
