package io.github.botconfig.cache;

import io.github.botconfig.cache.StatusTracker.Transition;
import io.github.botconfig.domain.ConfigSnapshot;
import io.github.botconfig.domain.ConfigStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads complete snapshots: reads the change marker, scans the store, merges the scan with the
 * writes made meanwhile and swaps it in. One load at a time; listeners hear of it after every lock
 * is released.
 *
 * <p>The marker is read <em>before</em> the scan, so any write the scan might have missed moved the
 * marker past the recorded value and the next {@link #refreshIfChanged()} loads again.
 */
final class Loader {
  private static final Logger log = LoggerFactory.getLogger(ConfigCache.class);

  private final ConfigStore store;
  private final Memory memory;
  private final StatusTracker status;
  private final Listeners listeners;
  private final Supplier<CacheStats> stats;
  private final Runnable onFirstLoad;
  private final ReentrantLock loadLock = new ReentrantLock();
  private final CompletableFuture<Void> firstAttempt = new CompletableFuture<>();

  /** Why loads failed before any succeeded, if they did: what start() decides on. */
  private volatile @Nullable RuntimeException failureBeforeFirstLoad;

  private final AtomicLong loads = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();
  private final AtomicLong lastLoadNanos = new AtomicLong();
  private final AtomicLong totalLoadNanos = new AtomicLong();
  private volatile long loadedMarker;

  /**
   * A load failed since the last that succeeded: the next check loads, whatever the marker says.
   */
  private volatile boolean loadOwed = true;

  Loader(
      ConfigStore store,
      Memory memory,
      StatusTracker status,
      Listeners listeners,
      Supplier<CacheStats> stats,
      Runnable onFirstLoad) {
    this.store = store;
    this.memory = memory;
    this.status = status;
    this.listeners = listeners;
    this.stats = stats;
    this.onFirstLoad = onFirstLoad;
  }

  /** Completes when the first load has succeeded or failed. */
  CompletableFuture<Void> firstAttempt() {
    return firstAttempt;
  }

  /** The last failure of a load while none had succeeded; null once one has. */
  @Nullable RuntimeException failureBeforeFirstLoad() {
    return failureBeforeFirstLoad;
  }

  boolean loadOwed() {
    return loadOwed;
  }

  long loads() {
    return loads.get();
  }

  long failures() {
    return failures.get();
  }

  Duration lastLoadDuration() {
    return Duration.ofNanos(lastLoadNanos.get());
  }

  Duration totalLoadDuration() {
    return Duration.ofNanos(totalLoadNanos.get());
  }

  /**
   * Loads a complete snapshot and swaps it in.
   *
   * @throws RuntimeException what the store threw (the failure is recorded in the status first)
   */
  void load() {
    List<Runnable> afterUnlock = new ArrayList<>();
    loadLock.lock();
    try {
      loadLocked(afterUnlock);
    } finally {
      loadLock.unlock();
      afterUnlock.forEach(Runnable::run);
    }
  }

  /**
   * Reads the change marker and loads if it moved since the snapshot (or a load is owed).
   *
   * @return whether it loaded
   * @throws RuntimeException what the store threw (recorded in the status first)
   */
  boolean refreshIfChanged() {
    long marker;
    try {
      marker = store.changeMarker();
    } catch (RuntimeException e) {
      failures.incrementAndGet();
      report(status.failed("checking the store for changes", e));
      throw e;
    }
    if (marker != loadedMarker || loadOwed) {
      load();
      return true;
    }
    report(status.confirmed());
    return false;
  }

  private void loadLocked(List<Runnable> afterUnlock) {
    long scanStart = memory.writeSequence();
    long started = System.nanoTime();
    long marker;
    ConfigSnapshot scan;
    try {
      marker = store.changeMarker();
      scan = store.loadAll();
    } catch (RuntimeException e) {
      failures.incrementAndGet();
      loadOwed = true;
      if (!status.isLoaded()) {
        failureBeforeFirstLoad = e;
      }
      Transition transition =
          status.failed(status.isLoaded() ? "refresh" : "loading the configuration", e);
      afterUnlock.add(() -> report(transition));
      afterUnlock.add(() -> firstAttempt.complete(null));
      throw e;
    }
    Memory.Change<ConfigSnapshot> change = memory.load(scan, scanStart);
    long took = System.nanoTime() - started;
    loadedMarker = marker;
    loadOwed = false;
    failureBeforeFirstLoad = null;
    loads.incrementAndGet();
    lastLoadNanos.set(took);
    totalLoadNanos.addAndGet(took);
    Transition transition = status.loaded();
    boolean first = !change.before().complete;
    Contents after = change.after();
    if (first) {
      onFirstLoad.run();
      log.info(
          "Config cache: loaded {} channels and the settings of {} guilds in {} ms",
          after.channelCount(),
          after.settingsCount(),
          took / 1_000_000);
      if (!scan.discardedDuplicates().isEmpty()) {
        log.warn(
            "Config cache: {} channels are stored under two guilds; kept the copy stored last, ignored {}",
            scan.discardedDuplicates().size(),
            scan.discardedDuplicates());
      }
    } else {
      log.debug(
          "Config cache: refreshed {} channels in {} ms", after.channelCount(), took / 1_000_000);
    }
    afterUnlock.add(
        () -> {
          CacheStats now = stats.get();
          if (first) {
            listeners.loaded(now);
          } else {
            listeners.changed(change.before(), after);
            listeners.refreshed(now);
          }
          report(transition);
        });
    afterUnlock.add(() -> firstAttempt.complete(null));
  }

  private void report(@Nullable Transition transition) {
    if (transition != null) {
      listeners.statusChanged(transition.previous(), transition.current());
    }
  }
}
