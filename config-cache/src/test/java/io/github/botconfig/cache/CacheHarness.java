package io.github.botconfig.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.GuildSettings;
import io.github.botconfig.domain.testing.InMemoryConfigStore;
import io.github.botconfig.domain.testing.InstrumentedConfigStore;
import io.github.botconfig.domain.testing.ManualScheduler;
import io.github.botconfig.domain.testing.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * One cache over an instrumented in-memory store, on a manual scheduler and a clock that moves only
 * when the test says: what almost every test of the cache starts from. Close it after the test.
 */
final class CacheHarness implements AutoCloseable {
  static final GuildId GUILD = GuildId.of("1180586412434817024");
  static final GuildId OTHER_GUILD = GuildId.of("1180586412434817999");
  static final Duration POLL = Duration.ofSeconds(30);

  final MutableClock clock = MutableClock.startingAt2026();
  final InMemoryConfigStore backing = new InMemoryConfigStore(clock);
  final InstrumentedConfigStore store = new InstrumentedConfigStore(backing);
  final ManualScheduler scheduler = new ManualScheduler(clock);
  final RecordingListener events = new RecordingListener();

  /** Threads for tests that need a second actor: a refresh held at a gate, a concurrent writer. */
  final ExecutorService background = Executors.newCachedThreadPool();

  private final List<ConfigCache> caches = new ArrayList<>();

  static ChannelId channel(int n) {
    return ChannelId.of(1180586500000000000L + n);
  }

  static ChannelConfig tracked(GuildId guild, int n) {
    return ChannelConfig.of(guild, channel(n));
  }

  /**
   * A builder with the harness's store, clock, scheduler and listener, and no wait in {@code
   * start()}.
   */
  ConfigCache.Builder builder() {
    return ConfigCache.builder(store)
        .clock(clock)
        .scheduler(scheduler)
        .initialLoadWait(Duration.ZERO)
        .changePollInterval(POLL)
        .listener(events);
  }

  /**
   * Stores {@code n} channels of {@link #GUILD} (numbers 1..n) and one guild's settings, behind any
   * cache.
   */
  void seed(int n) {
    for (int i = 1; i <= n; i++) {
      backing.saveChannel(tracked(GUILD, i));
    }
    backing.saveSettings(GuildSettings.defaults(GUILD).withPositionDisplayEnabled(false));
  }

  /** Builds, starts and loads a cache, then forgets the store calls made so far. */
  ConfigCache loadedCache() {
    return loaded(builder().build());
  }

  ConfigCache loaded(ConfigCache cache) {
    caches.add(cache);
    cache.start();
    scheduler.runDue();
    assertThat(cache.status().state()).isEqualTo(CacheStatus.State.READY);
    store.resetCounts();
    events.clear();
    return cache;
  }

  /** Builds and starts a cache without running its first load. */
  ConfigCache startedCache(ConfigCache.Builder builder) {
    ConfigCache cache = builder.build();
    caches.add(cache);
    cache.start();
    return cache;
  }

  @Override
  public void close() {
    background.shutdownNow();
    caches.forEach(ConfigCache::close);
  }
}
