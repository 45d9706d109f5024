package io.github.botconfig.cache;

import io.github.botconfig.domain.StoreUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Reads the store per key while no snapshot has loaded (the store was down when the cache started),
 * without letting a burst of messages become a burst of store reads.
 *
 * <ul>
 *   <li>Single flight: while a read of a key is in flight, other callers for that key wait for its
 *       answer.
 *   <li>A cap on reads in flight: a caller that would exceed it gets a {@link
 *       StoreUnavailableException} at once instead of queueing behind a store that is likely slow
 *       or down; "unknown" is not "not tracked", so the caller is not told the channel is
 *       untracked.
 *   <li>Negative caching: "not found" is remembered for a while, so that untracked channels — most
 *       of the traffic — cost one read per TTL each, not one per message.
 * </ul>
 *
 * <p>Thread-safe.
 */
final class FallbackReads {
  /** Past this many remembered absences, expired ones are swept on the next insert. */
  private static final int SWEEP_ABOVE = 10_000;

  private final Clock clock;
  private final Duration negativeTtl;
  private final int maxInFlight;
  private final Semaphore permits;
  private final ConcurrentHashMap<Object, CompletableFuture<Object>> inFlight =
      new ConcurrentHashMap<>();
  private final ConcurrentHashMap<Object, Instant> absentUntil = new ConcurrentHashMap<>();
  private final LongAdder reads = new LongAdder();
  private final AtomicInteger waiting = new AtomicInteger();

  FallbackReads(Clock clock, Duration negativeTtl, int maxInFlight) {
    this.clock = clock;
    this.negativeTtl = negativeTtl;
    this.maxInFlight = maxInFlight;
    this.permits = new Semaphore(maxInFlight);
  }

  /** Whether the store said recently (within the TTL) that {@code key} does not exist. */
  boolean knownAbsent(Object key) {
    Instant until = absentUntil.get(key);
    if (until == null) {
      return false;
    }
    if (clock.instant().isBefore(until)) {
      return true;
    }
    absentUntil.remove(key, until);
    return false;
  }

  void rememberAbsent(Object key) {
    if (negativeTtl.isZero()) {
      return;
    }
    Instant now = clock.instant();
    if (absentUntil.size() > SWEEP_ABOVE) {
      absentUntil.values().removeIf(until -> !now.isBefore(until));
    }
    absentUntil.put(key, now.plus(negativeTtl));
  }

  /** Forgets every remembered absence: once a snapshot has loaded, it answers instead. */
  void clear() {
    absentUntil.clear();
  }

  long reads() {
    return reads.sum();
  }

  /**
   * How many callers wait for another's read of the same key now; for tests of the single flight.
   */
  int waiting() {
    return waiting.get();
  }

  /**
   * Returns what {@code read} returns, running it unless a read of the same key is in flight (then
   * waits for that one's answer, or failure).
   *
   * @throws StoreUnavailableException if {@link #maxInFlight} reads are in flight already
   */
  @SuppressWarnings("unchecked")
  <T> T read(Object key, Supplier<T> read) {
    CompletableFuture<Object> mine = new CompletableFuture<>();
    CompletableFuture<Object> running = inFlight.putIfAbsent(key, mine);
    if (running != null) {
      return (T) await(running);
    }
    try {
      if (!permits.tryAcquire()) {
        throw new StoreUnavailableException(
            "the configuration is still loading and "
                + maxInFlight
                + " store reads are already in flight; "
                + "try again in a moment");
      }
      try {
        reads.increment();
        T value = read.get();
        mine.complete(value);
        return value;
      } finally {
        permits.release();
      }
    } catch (RuntimeException | Error e) {
      mine.completeExceptionally(e);
      throw e;
    } finally {
      inFlight.remove(key, mine);
    }
  }

  private Object await(CompletableFuture<Object> running) {
    waiting.incrementAndGet();
    try {
      return running.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException) {
        throw (RuntimeException) e.getCause();
      }
      throw e;
    } finally {
      waiting.decrementAndGet();
    }
  }
}
