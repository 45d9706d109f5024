package io.github.botconfig.cache;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Keeps the cache in step with its store, as one chain of tasks on the scheduler, each scheduling
 * the next:
 *
 * <ol>
 *   <li>until a first snapshot loads, retry the load with capped exponential backoff;
 *   <li>then, every poll interval, read the change marker and load if it moved;
 *   <li>and whatever the marker says, load again every refresh interval (±10 %), as a safety net;
 *   <li>after a failure, retry with backoff instead (a failed load is retried even if the marker
 *       did not move).
 * </ol>
 *
 * <p>{@link #refreshNow()} requests a load on the scheduler; requests made before that load begins
 * share it. Thread-safe.
 */
final class SyncLoop {
  private final Loader loader;
  private final StatusTracker status;
  private final ScheduledExecutorService scheduler;
  private final Clock clock;
  private final Delays delays;
  private final Duration pollInterval;

  private final Object lock = new Object();
  private @Nullable ScheduledFuture<?> next;
  private @Nullable CompletableFuture<CacheStatus> requested;
  private boolean stopped;
  private volatile Instant nextFullLoad = Instant.MIN;

  SyncLoop(
      Loader loader,
      StatusTracker status,
      ScheduledExecutorService scheduler,
      Clock clock,
      Delays delays,
      Duration pollInterval) {
    this.loader = loader;
    this.status = status;
    this.scheduler = scheduler;
    this.clock = clock;
    this.delays = delays;
    this.pollInterval = pollInterval;
  }

  /** Schedules the first load now. */
  void start() {
    schedule(Duration.ZERO);
  }

  CompletableFuture<CacheStatus> refreshNow() {
    synchronized (lock) {
      if (stopped) {
        return CompletableFuture.failedFuture(
            new IllegalStateException("the config cache is closed"));
      }
      if (requested == null) {
        requested = new CompletableFuture<>();
        scheduler.execute(this::runRequestedLoad);
      }
      return requested.copy();
    }
  }

  /** Cancels the next task; a task already running finishes and schedules nothing more. */
  void stop() {
    synchronized (lock) {
      stopped = true;
      if (next != null) {
        next.cancel(false);
      }
      if (requested != null) {
        requested.completeExceptionally(new IllegalStateException("the config cache was closed"));
        requested = null;
      }
    }
  }

  private void tick() {
    @Nullable Duration delay = null;
    try {
      if (!status.isLoaded() || loader.loadOwed() || !clock.instant().isBefore(nextFullLoad)) {
        loader.load();
        loadedNow();
      } else if (!pollInterval.isZero() && loader.refreshIfChanged()) {
        loadedNow();
      }
      delay = untilNextCheck();
    } catch (RuntimeException e) {
      // Already recorded and logged by the loader: what is left is to wait before trying again.
    } finally {
      schedule(
          delay != null
              ? delay
              : delays.retry(
                  Math.max(1, status.failureStreak()), ThreadLocalRandom.current()::nextDouble));
    }
  }

  private void runRequestedLoad() {
    CompletableFuture<CacheStatus> request;
    synchronized (lock) {
      request = requested;
      requested = null;
    }
    if (request == null) {
      return;
    }
    try {
      loader.load();
      loadedNow();
      request.complete(status.current());
    } catch (RuntimeException | Error e) {
      request.completeExceptionally(e);
    }
  }

  private void loadedNow() {
    nextFullLoad =
        clock.instant().plus(delays.nextRefresh(ThreadLocalRandom.current()::nextDouble));
  }

  private Duration untilNextCheck() {
    Duration untilFullLoad = Duration.between(clock.instant(), nextFullLoad);
    if (untilFullLoad.isNegative() || untilFullLoad.isZero()) {
      untilFullLoad = Duration.ofMillis(1);
    }
    return pollInterval.isZero() || untilFullLoad.compareTo(pollInterval) < 0
        ? untilFullLoad
        : pollInterval;
  }

  private void schedule(Duration delay) {
    synchronized (lock) {
      if (!stopped) {
        next = scheduler.schedule(this::tick, delay.toMillis(), TimeUnit.MILLISECONDS);
      }
    }
  }
}
