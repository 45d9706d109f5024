package io.github.botconfig.bot.e2e;

import io.github.botconfig.cache.CacheStatus;
import io.github.botconfig.cache.ConfigCache;
import io.github.botconfig.domain.ConfigRepository;
import io.github.botconfig.domain.testing.InMemoryConfigStore;
import io.github.botconfig.domain.testing.InstrumentedConfigStore;
import java.time.Clock;
import java.time.Duration;

/**
 * The one place that decides what the bot under test reads: the real cache (config-cache, test scope) over the
 * in-memory store, wrapped to count every call that reaches the store.
 */
final class TestRepositories implements AutoCloseable {
  final InstrumentedConfigStore store;
  private final ConfigCache cache;

  private TestRepositories(InstrumentedConfigStore store, ConfigCache cache) {
    this.store = store;
    this.cache = cache;
  }

  static TestRepositories create(Clock clock) {
    InstrumentedConfigStore store = new InstrumentedConfigStore(new InMemoryConfigStore(clock));
    // No change polling: the tests write through the cache, and a poll would be a store call at a random time.
    ConfigCache cache = ConfigCache.builder(store).clock(clock).changePollInterval(Duration.ZERO).build();
    return new TestRepositories(store, cache);
  }

  /** Loads what the store holds (seed it first) and returns what the bot reads. */
  ConfigRepository start() {
    CacheStatus status = cache.start();
    if (!status.isLoaded()) {
      throw new AssertionError("the cache did not load: " + status);
    }
    return cache;
  }

  /** What the bot reads and writes. */
  ConfigRepository repository() {
    return cache;
  }

  @Override
  public void close() {
    cache.close();
  }
}
