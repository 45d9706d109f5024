package io.github.botconfig.app.wiring;

import dagger.Module;
import dagger.Provides;
import io.github.botconfig.app.config.AppSettings;
import io.github.botconfig.bot.BotOptions;
import io.github.botconfig.bot.DiscordBot;
import io.github.botconfig.cache.ConfigCache;
import io.github.botconfig.domain.ConfigStore;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.inject.Singleton;

/** The bot side: the scheduler, the cache over the store, and the Discord bot. */
@Module
interface BotModule {

  /**
   * The scheduler given to the graph (a test's manual one), or two daemon threads: the cache's refreshes and the
   * bot's daily tasks never wait behind each other for long.
   */
  @Provides
  @Singleton
  static ScheduledExecutorService scheduler(Optional<ScheduledExecutorService> given, Lifecycle lifecycle) {
    if (given.isPresent()) {
      return given.get(); // its owner shuts it down
    }
    AtomicInteger count = new AtomicInteger();
    ThreadFactory threads =
        runnable -> {
          Thread thread = new Thread(runnable, "botconfig-scheduler-" + count.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        };
    ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(2, threads);
    scheduler.setRemoveOnCancelPolicy(true);
    return lifecycle.register(
        "the scheduler",
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
      Lifecycle lifecycle) {
    ConfigCache cache =
        ConfigCache.builder(store)
            .refreshInterval(settings.refreshInterval())
            .changePollInterval(settings.changePollInterval())
            .initialLoadWait(settings.initialLoadWait())
            .clock(clock)
            .scheduler(scheduler)
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
      ScheduledExecutorService scheduler,
      Lifecycle lifecycle) {
    BotOptions options = BotOptions.defaults().withPurgeGracePeriod(settings.purgeGracePeriod());
    if (settings.devGuildId().isPresent()) {
      options = options.withDevGuild(settings.devGuildId().get());
    }
    // The daily purge goes over every guild with stored items: one scan a day, next to the cache's every 30 min.
    DiscordBot bot = DiscordBot.create(cache, () -> store.loadAll().guilds(), clock, scheduler, options);
    return lifecycle.register("the Discord bot's tasks", bot, bot::close);
  }
}
