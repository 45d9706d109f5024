package io.github.botconfig.bot.e2e;

import io.github.botconfig.bot.DiscordBot;
import io.github.botconfig.cache.CacheListener;
import io.github.botconfig.cache.CacheStatus;
import io.github.botconfig.cache.ConfigCache;
import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.ConfigRepository;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.GuildSettings;
import io.github.botconfig.domain.testing.InMemoryConfigStore;
import io.github.botconfig.domain.testing.InstrumentedConfigStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The one place that decides what the bot under test reads: the real cache (config-cache, test
 * scope) over the in-memory store, wrapped to count every call that reaches the store. The cache
 * tells the bot of configuration changes through a {@link CacheListener}, as bot-app wires it.
 */
final class TestRepositories implements AutoCloseable {
  final InstrumentedConfigStore store;
  private final ConfigCache cache;
  private final AtomicReference<DiscordBot> bot = new AtomicReference<>();

  private TestRepositories(InstrumentedConfigStore store, Clock clock) {
    this.store = store;
    // No change polling: the tests write through the cache, and a poll would be a store call at a
    // random time.
    this.cache =
        ConfigCache.builder(store)
            .clock(clock)
            .changePollInterval(Duration.ZERO)
            .listener(new ToTheBot())
            .build();
  }

  static TestRepositories create(Clock clock) {
    return over(new InstrumentedConfigStore(new InMemoryConfigStore(clock)), clock);
  }

  /** A new cache over a store that outlives it, as a restarted bot finds the table. */
  static TestRepositories over(InstrumentedConfigStore store, Clock clock) {
    return new TestRepositories(store, clock);
  }

  /** Loads what the store holds (seed it first) and returns what the bot reads. */
  ConfigRepository start() {
    CacheStatus status = cache.start();
    if (!status.isLoaded()) {
      throw new AssertionError("the cache did not load: " + status);
    }
    return cache;
  }

  /** The bot that hears of changes from now on. */
  void notify(DiscordBot listener) {
    bot.set(listener);
  }

  /** What the bot reads and writes. */
  ConfigRepository repository() {
    return cache;
  }

  @Override
  public void close() {
    cache.close();
  }

  /** bot-app's bridge: settings and channel changes seen by the cache go to the bot. */
  private final class ToTheBot implements CacheListener {
    @Override
    public void onSettingsChanged(
        GuildId guildId, Optional<GuildSettings> before, Optional<GuildSettings> after) {
      Optional.ofNullable(bot.get()).ifPresent(b -> b.settingsChanged(guildId));
    }

    @Override
    public void onChannelChanged(
        ChannelId channelId, Optional<ChannelConfig> before, Optional<ChannelConfig> after) {
      Optional.ofNullable(bot.get())
          .ifPresent(b -> after.or(() -> before).ifPresent(c -> b.channelsChanged(c.guildId())));
    }
  }
}
