package io.github.botconfig.cache;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * The waits between the cache's background tasks, each spread at random so that many bot instances
 * started together do not hit the store together.
 *
 * @param refreshInterval the periodic full refresh, spread by ±10 %
 * @param retryInitial the wait after a first failure
 * @param retryMax the longest wait between retries
 */
record Delays(Duration refreshInterval, Duration retryInitial, Duration retryMax) {

  /** When the next periodic full refresh is due: the interval, ±10 %. */
  Duration nextRefresh(DoubleSupplier random) {
    return scale(refreshInterval, 0.9 + 0.2 * random.getAsDouble());
  }

  /**
   * How long to wait after {@code failures} failures in a row: doubling from {@link #retryInitial}
   * up to {@link #retryMax}, then a random half to all of that ("equal jitter").
   */
  Duration retry(int failures, DoubleSupplier random) {
    long maxMillis = retryMax.toMillis();
    long base = retryInitial.toMillis();
    for (int i = 1; i < failures && base < maxMillis; i++) {
      base *= 2;
    }
    base = Math.min(base, maxMillis);
    return scale(Duration.ofMillis(base), 0.5 + 0.5 * random.getAsDouble());
  }

  private static Duration scale(Duration duration, double factor) {
    return Duration.ofMillis(Math.max(1, Math.round(duration.toMillis() * factor)));
  }
}
