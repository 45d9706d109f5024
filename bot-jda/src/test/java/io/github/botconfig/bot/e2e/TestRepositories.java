package io.github.botconfig.bot.e2e;

import io.github.botconfig.domain.ConfigRepository;
import io.github.botconfig.domain.testing.InMemoryConfigStore;
import io.github.botconfig.domain.testing.InstrumentedConfigStore;
import java.time.Clock;

/**
 * The configuration the bot under test reads, and the counting store under it.
 *
 * @param repository what the bot gets
 * @param store the store under it, counting every call that reaches it
 * @param lookupsReachTheStore whether a message lookup is a store call (true while the repository is the store
 *     itself; false once it is the cache, whose misses are answers)
 */
record TestRepositories(ConfigRepository repository, InstrumentedConfigStore store, boolean lookupsReachTheStore) {

  /**
   * The one place that decides what the bot reads: today the counting in-memory store itself (config-cache is not
   * on main yet); the cache over it when it is.
   */
  static TestRepositories create(Clock clock) {
    InstrumentedConfigStore store = new InstrumentedConfigStore(new InMemoryConfigStore(clock));
    return new TestRepositories(store, store, true);
  }
}
