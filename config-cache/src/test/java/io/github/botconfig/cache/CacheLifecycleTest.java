package io.github.botconfig.cache;

import static io.github.botconfig.cache.CacheHarness.GUILD;
import static io.github.botconfig.cache.CacheHarness.channel;
import static io.github.botconfig.cache.CacheHarness.tracked;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.botconfig.cache.CacheStatus.State;
import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.testing.InMemoryConfigStore;
import io.github.botconfig.domain.testing.InstrumentedConfigStore;
import io.github.botconfig.domain.testing.InstrumentedConfigStore.Gate;
import io.github.botconfig.domain.testing.InstrumentedConfigStore.Operation;
import io.github.botconfig.domain.testing.InstrumentedConfigStore.When;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** start(), close(), and the builder's checks. */
class CacheLifecycleTest {
  private final CacheHarness harness = new CacheHarness();

  @AfterEach
  void close() {
    harness.close();
  }

  @Test
  void startWaitsForTheFirstLoadOnTheCachesOwnScheduler() {
    InMemoryConfigStore store = new InMemoryConfigStore();
    ChannelConfig stored = store.saveChannel(tracked(GUILD, 1));

    try (ConfigCache cache = ConfigCache.builder(store).build()) {
      CacheStatus status = cache.start();

      assertThat(status.state()).isEqualTo(State.READY);
      assertThat(cache.findChannel(channel(1))).contains(stored);
    }
  }

  @Test
  void aFirstLoadSlowerThanTheWaitGoesOnInTheBackgroundWhileLookupsReadTheStore() throws Exception {
    InstrumentedConfigStore store = new InstrumentedConfigStore(new InMemoryConfigStore());
    ChannelConfig stored = store.delegate().saveChannel(tracked(GUILD, 1));
    Gate slowScan = store.blockNext(Operation.LOAD_ALL, When.BEFORE);
    CountDownLatch loaded = new CountDownLatch(1);
    try (ConfigCache cache =
        ConfigCache.builder(store)
            .initialLoadWait(Duration.ofMillis(20))
            .listener(
                new CacheListener() {
                  @Override
                  public void onLoaded(CacheStats stats) {
                    loaded.countDown();
                  }
                })
            .build()) {

      assertThat(cache.start().state()).isEqualTo(State.STARTING);
      assertThat(cache.findChannel(channel(1))).contains(stored);
      assertThat(store.calls(Operation.FIND_CHANNEL)).isEqualTo(1);
      slowScan.open();

      assertThat(loaded.await(30, TimeUnit.SECONDS)).isTrue();
      assertThat(cache.status().state()).isEqualTo(State.READY);
    }
  }

  @Test
  void closeStopsEveryTaskTheCacheScheduled() {
    ConfigCache cache = harness.loadedCache();
    assertThat(harness.scheduler.pending()).isEqualTo(1);

    cache.close();
    cache.close();

    assertThat(harness.scheduler.pending()).isZero();
    harness.scheduler.advance(Duration.ofHours(2));
    assertThat(harness.store.totalCalls()).isZero();
    assertThat(harness.scheduler.isShutdown())
        .as("a supplied scheduler is not the cache's to shut")
        .isFalse();
    assertThat(cache.refreshNow()).isCompletedExceptionally();
  }

  @Test
  void aClosedCacheStillAnswersFromItsLastSnapshot() {
    harness.seed(1);
    ConfigCache cache = harness.loadedCache();

    cache.close();

    assertThat(cache.findChannel(channel(1))).isPresent();
    assertThat(harness.store.totalCalls()).isZero();
  }

  @Test
  void closeShutsDownTheSchedulerTheCacheMade() throws Exception {
    ConfigCache cache = ConfigCache.builder(new InMemoryConfigStore()).build();
    Set<Thread> before = threadsNamed("botconfig-cache");
    cache.start();
    Set<Thread> started = threadsNamed("botconfig-cache");
    started.removeAll(before);
    assertThat(started).hasSize(1);
    Thread refresher = started.iterator().next();
    assertThat(refresher.isDaemon()).isTrue();

    cache.close();

    refresher.join(TimeUnit.SECONDS.toMillis(30));
    assertThat(refresher.isAlive()).isFalse();
  }

  @Test
  void aCacheStartsOnceAndNotAfterClose() {
    ConfigCache cache = harness.loadedCache();
    assertThatThrownBy(cache::start)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("already started");

    ConfigCache closed = harness.builder().build();
    closed.close();
    assertThatThrownBy(closed::start)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
  }

  @Test
  void refreshNowBeforeStartIsRefused() {
    ConfigCache cache = harness.builder().build();

    assertThatThrownBy(cache::refreshNow)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("start()");
    assertThat(cache.status().state()).isEqualTo(State.STARTING);
  }

  @Test
  void badSettingsAreRefusedWithTheValueNamed() {
    ConfigCache.Builder builder = ConfigCache.builder(new InMemoryConfigStore());

    assertThatThrownBy(() -> builder.refreshInterval(Duration.ZERO))
        .hasMessage("refreshInterval must be positive, got PT0S");
    assertThatThrownBy(() -> builder.changePollInterval(Duration.ofSeconds(-1)))
        .hasMessage("changePollInterval must be zero or positive, got PT-1S");
    assertThatThrownBy(() -> builder.changePollInterval(Duration.ofNanos(10)))
        .hasMessage("changePollInterval must be zero or at least 1 ms, got PT0.00000001S");
    assertThatThrownBy(() -> builder.negativeCacheTtl(Duration.ofMinutes(-1)))
        .hasMessage("negativeCacheTtl must be zero or positive, got PT-1M");
    assertThatThrownBy(() -> builder.maxConcurrentFallbackReads(0))
        .hasMessage("maxConcurrentFallbackReads must be 1 or more, got 0");
    assertThatThrownBy(() -> builder.initialLoadWait(Duration.ofSeconds(-5)))
        .hasMessage("initialLoadWait must be zero or positive, got PT-5S");
    assertThatThrownBy(() -> builder.retryBackoff(Duration.ofMinutes(2), Duration.ofMinutes(1)))
        .hasMessage(
            "retryBackoff max must not be less than initial, got initial PT2M and max PT1M");
    assertThatThrownBy(() -> ConfigCache.builder(null)).isInstanceOf(NullPointerException.class);
  }

  private static Set<Thread> threadsNamed(String name) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().equals(name))
        .collect(Collectors.toCollection(HashSet::new));
  }
}
