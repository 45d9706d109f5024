package io.github.botconfig.bot.e2e;

import io.github.botconfig.domain.ConfigRepository;
import io.github.botconfig.domain.testing.InMemoryConfigStore;
import io.github.botconfig.domain.testing.InstrumentedConfigStore;
import java.time.Clock;

/**
 * The one place that decides what the bot under test reads: for now the in-memory store itself, wrapped to count
 * every call that reaches it. When config-cache is on main, the real cache over that store takes its place here
 * (a test-scope dependency), and a message lookup stops being a store call.
 */
final class TestRepositories implements AutoCloseable {
  final InstrumentedConfigStore store;

  private TestRepositories(InstrumentedConfigStore store) {
    this.store = store;
  }

  static TestRepositories create(Clock clock) {
    return new TestRepositories(new InstrumentedConfigStore(new InMemoryConfigStore(clock)));
  }

  /** Returns what the bot reads, once the test has seeded the store. */
  ConfigRepository start() {
    return store;
  }

  /** What the bot reads and writes. */
  ConfigRepository repository() {
    return store;
  }

  /** Whether a message lookup is a store call: yes, while the bot reads the store itself. */
  boolean lookupsReachTheStore() {
    return true;
  }

  /** Nothing to stop while there is no cache. */
  @Override
  public void close() {}
}
