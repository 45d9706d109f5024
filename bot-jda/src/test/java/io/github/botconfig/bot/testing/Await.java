package io.github.botconfig.bot.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waits on a monitor until a condition holds, with a time limit: the tests' replacement for
 * sleeping.
 */
final class Await {
  /**
   * Generous: on a loaded 2-core machine JDA can take a while; a passing test never waits this
   * long.
   */
  static final Duration LIMIT = Duration.ofSeconds(20);

  private Await() {}

  /**
   * Waits, holding {@code monitor}'s lock between checks, until {@code condition} is true; whoever
   * changes what it reads must {@code notifyAll()} on {@code monitor}.
   *
   * @throws AssertionError naming {@code what} when the time limit passes first
   */
  static void until(Object monitor, BooleanSupplier condition, String what) {
    until(monitor, condition, () -> what);
  }

  /**
   * As {@link #until(Object, BooleanSupplier, String)}, describing what was awaited only on a
   * time-out.
   */
  static void until(Object monitor, BooleanSupplier condition, Supplier<String> what) {
    long deadline = System.nanoTime() + LIMIT.toNanos();
    synchronized (monitor) {
      while (!condition.getAsBoolean()) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError(
              "timed out after " + LIMIT.toSeconds() + " s waiting for " + what.get());
        }
        try {
          monitor.wait(Math.max(1, left / 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new AssertionError("interrupted while waiting for " + what.get(), e);
        }
      }
    }
  }
}
