package io.github.botconfig.cache;

import static io.github.botconfig.cache.CacheHarness.GUILD;
import static io.github.botconfig.cache.CacheHarness.channel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.botconfig.cache.CacheStatus.State;
import io.github.botconfig.domain.StoreNotFoundException;
import io.github.botconfig.domain.StoreUnavailableException;
import io.github.botconfig.domain.testing.InstrumentedConfigStore.Operation;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A cache used wrongly, or over a store that is not there, says so at once instead of degrading in
 * silence.
 */
class CacheFailFastTest {
  private final CacheHarness harness = new CacheHarness();

  @AfterEach
  void close() {
    harness.close();
  }

  @Test
  void everyLookupOnACacheNeverStartedThrowsNamingStartAndTheStoreIsNotAsked() {
    harness.seed(3);
    ConfigCache cache = harness.builder().build();

    for (Runnable lookup :
        new Runnable[] {
          () -> cache.findChannel(channel(1)),
          () -> cache.findChannel(channel(1).value()),
          () -> cache.findChannels(GUILD),
          () -> cache.findSettings(GUILD),
          () -> cache.findBoard(GUILD),
          () -> cache.findUnreadable(GUILD),
          () -> cache.findUnreadableChannel(channel(1))
        }) {
      assertThatThrownBy(lookup::run)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith("the config cache was not started: call start()");
    }
    assertThat(harness.store.totalCalls()).isZero();
  }

  @Test
  void startOverAStoreThatDoesNotExistThrowsItsMessageAndLeavesNothingRunning() {
    harness.store.failWith(
        Operation.CHANGE_MARKER,
        () ->
            new StoreNotFoundException(
                "the DynamoDB table 'typo' at http://127.0.0.1:1 does not exist"));
    ConfigCache cache =
        ConfigCache.builder(harness.store).initialLoadWait(Duration.ofSeconds(30)).build();

    assertThatThrownBy(cache::start)
        .isInstanceOf(StoreNotFoundException.class)
        .hasMessageContaining("the config cache cannot start")
        .hasMessageContaining("table 'typo' at http://127.0.0.1:1 does not exist")
        .hasMessageContaining("waitForStore(true)");
    long callsAfterStart = harness.store.totalCalls();
    assertThatThrownBy(cache::start).hasMessageContaining("closed");
    assertThatThrownBy(() -> cache.findChannel(channel(1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("start()");
    assertThat(harness.store.totalCalls())
        .as("no retries after the failed start")
        .isEqualTo(callsAfterStart);
  }

  @Test
  void startDuringAnOutageReturnsUnavailableAndKeepsTrying() {
    harness.store.goDown();
    ConfigCache cache = harness.startedCache(harness.builder());
    harness.scheduler.runDue();

    assertThat(cache.status().state()).isEqualTo(State.UNAVAILABLE);
    assertThatThrownBy(() -> cache.findChannel(channel(1)))
        .as("after start(), a lookup reads the store, which is down")
        .isInstanceOf(StoreUnavailableException.class);
  }

  @Test
  void aCacheToldToWaitForItsStoreStartsUnavailableAndLoadsOnceTheStoreExists() {
    harness.seed(2);
    harness.store.failWith(
        Operation.CHANGE_MARKER, () -> new StoreNotFoundException("the table does not exist"));
    ConfigCache cache =
        harness.startedCache(harness.builder().waitForStore(true).initialLoadWait(Duration.ZERO));
    harness.scheduler.runDue();
    assertThat(cache.status().state()).isEqualTo(State.UNAVAILABLE);

    harness.store.heal(); // created
    harness.scheduler.advance(Duration.ofMinutes(10));

    assertThat(cache.status().state()).isEqualTo(State.READY);
    assertThat(cache.findChannel(channel(2))).isPresent();
  }
}
