package io.github.botconfig.cache;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How current a {@link ConfigCache} is, at the moment {@link ConfigCache#status()} was called.
 *
 * <p>Immutable and thread-safe. Only the cache makes these; a later version may say more (a new
 * accessor), which is why this is a class with accessors and not a record.
 */
public final class CacheStatus {
  private final State state;
  private final Optional<Instant> lastLoadedAt;
  private final Instant observedAt;
  private final int failureStreak;
  private final Optional<String> lastFailure;

  /** What the cache can promise. */
  public enum State {
    /**
     * Started, or not yet, and the first load has not finished nor failed. Lookups read the store
     * per key.
     */
    STARTING,
    /**
     * A complete snapshot is loaded and the last check of the store succeeded: a miss means "not
     * tracked".
     */
    READY,
    /**
     * A complete snapshot is loaded but the last load or change check failed: the cache answers
     * from that snapshot, which may miss changes made since {@link #lastLoadedAt()}. It keeps
     * retrying.
     */
    STALE,
    /**
     * No snapshot has loaded and the last attempt failed: lookups read the store per key (and fail
     * when it is down). It keeps retrying.
     */
    UNAVAILABLE
  }

  CacheStatus(
      State state,
      Optional<Instant> lastLoadedAt,
      Instant observedAt,
      int failureStreak,
      Optional<String> lastFailure) {
    this.state = Objects.requireNonNull(state, "state");
    this.lastLoadedAt = Objects.requireNonNull(lastLoadedAt, "lastLoadedAt");
    this.observedAt = Objects.requireNonNull(observedAt, "observedAt");
    this.lastFailure = Objects.requireNonNull(lastFailure, "lastFailure");
    if (failureStreak < 0) {
      throw new IllegalArgumentException("failureStreak must be 0 or more, got " + failureStreak);
    }
    this.failureStreak = failureStreak;
  }

  /** What the cache can promise now. */
  public State state() {
    return state;
  }

  /** When the last complete snapshot finished loading; empty if none ever did. */
  public Optional<Instant> lastLoadedAt() {
    return lastLoadedAt;
  }

  /** When this status was taken (by the cache's clock). */
  public Instant observedAt() {
    return observedAt;
  }

  /** How many loads or change checks failed in a row since the last success. */
  public int failureStreak() {
    return failureStreak;
  }

  /** The message of the last failure of that streak; empty when the streak is 0. */
  public Optional<String> lastFailure() {
    return lastFailure;
  }

  /**
   * How old the loaded snapshot is: from {@link #lastLoadedAt()} to {@link #observedAt()}; empty if
   * none loaded.
   */
  public Optional<Duration> age() {
    return lastLoadedAt.map(loaded -> Duration.between(loaded, observedAt));
  }

  /**
   * Whether a complete snapshot is loaded: lookups never touch the store, and a miss means "not
   * tracked".
   */
  public boolean isLoaded() {
    return state == State.READY || state == State.STALE;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof CacheStatus that)) {
      return false;
    }
    return state == that.state
        && failureStreak == that.failureStreak
        && lastLoadedAt.equals(that.lastLoadedAt)
        && observedAt.equals(that.observedAt)
        && lastFailure.equals(that.lastFailure);
  }

  @Override
  public int hashCode() {
    return Objects.hash(state, lastLoadedAt, observedAt, failureStreak, lastFailure);
  }

  @Override
  public String toString() {
    return "CacheStatus[state="
        + state
        + ", lastLoadedAt="
        + lastLoadedAt
        + ", observedAt="
        + observedAt
        + ", failureStreak="
        + failureStreak
        + ", lastFailure="
        + lastFailure
        + "]";
  }
}
