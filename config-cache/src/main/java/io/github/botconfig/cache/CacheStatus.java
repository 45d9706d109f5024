package io.github.botconfig.cache;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How current a {@link ConfigCache} is, at the moment {@link ConfigCache#status()} was called.
 *
 * <p>Immutable and thread-safe.
 *
 * @param state what the cache can promise now
 * @param lastLoadedAt when the last complete snapshot finished loading; empty if none ever did
 * @param observedAt when this status was taken (by the cache's clock)
 * @param failureStreak how many loads or change checks failed in a row since the last success
 * @param lastFailure the message of the last failure of that streak; empty when the streak is 0
 */
public record CacheStatus(
    State state,
    Optional<Instant> lastLoadedAt,
    Instant observedAt,
    int failureStreak,
    Optional<String> lastFailure) {

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

  public CacheStatus {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(lastLoadedAt, "lastLoadedAt");
    Objects.requireNonNull(observedAt, "observedAt");
    Objects.requireNonNull(lastFailure, "lastFailure");
    if (failureStreak < 0) {
      throw new IllegalArgumentException("failureStreak must be 0 or more, got " + failureStreak);
    }
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
}
