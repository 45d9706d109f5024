package io.github.botconfig.app.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.botconfig.cache.ConfigCache;
import io.github.botconfig.domain.StoreUnavailableException;
import io.github.botconfig.domain.testing.InMemoryConfigStore;
import io.github.botconfig.domain.testing.InstrumentedConfigStore;
import io.github.botconfig.domain.testing.InstrumentedConfigStore.Operation;
import io.github.botconfig.domain.testing.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HealthCheckTest {
  private final MutableClock clock = MutableClock.startingAt2026();
  private final InstrumentedConfigStore store =
      new InstrumentedConfigStore(new InMemoryConfigStore(clock));
  private final ConfigCache cache =
      ConfigCache.builder(store).clock(clock).changePollInterval(Duration.ZERO).build();
  private final HealthCheck health = new HealthCheck(cache, store, new ShardView(), clock);

  @AfterEach
  void closeCache() {
    cache.close();
  }

  @Test
  void probingOftenAsksTheTableAtMostOncePerInterval() {
    cache.start();
    store.resetCounts();

    for (int i = 0; i < 10; i++) {
      health.report();
      clock.advance(Duration.ofSeconds(1));
    }
    assertThat(store.calls(Operation.CHANGE_MARKER)).isEqualTo(1);

    clock.advance(HealthCheck.STORE_CHECK_INTERVAL);
    health.report();
    assertThat(store.calls(Operation.CHANGE_MARKER)).isEqualTo(2);
    assertThat(store.totalCalls()).as("the cache and shards are read from memory").isEqualTo(2);
  }

  @Test
  void anUnreachableTableIsReportedWithWhyAndItsRecoveryAtTheNextCheck() {
    cache.start();
    store.failWith(
        Operation.CHANGE_MARKER,
        () -> new StoreUnavailableException("DynamoDB at 127.0.0.1:9 did not answer"));

    HealthReport down = health.report();

    assertThat(down.store().reachable()).isFalse();
    assertThat(down.store().error()).contains("DynamoDB at 127.0.0.1:9 did not answer");
    assertThat(down.status()).as("no shard connected yet").isEqualTo(HealthReport.Status.DOWN);

    store.heal();
    clock.advance(HealthCheck.STORE_CHECK_INTERVAL);
    assertThat(health.report().store().reachable()).isTrue();
  }
}
