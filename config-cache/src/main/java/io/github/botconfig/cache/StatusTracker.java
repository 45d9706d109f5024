package io.github.botconfig.cache;

import io.github.botconfig.cache.CacheStatus.State;
import io.github.botconfig.domain.StoreUnavailableException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the cache's {@link CacheStatus} and logs its changes: one warning when a failure streak
 * begins, one line when it ends, so that a store down for an hour does not write a thousand lines.
 *
 * <p>Thread-safe (synchronized; nothing slow is done while holding the monitor).
 */
final class StatusTracker {
  private static final Logger log = LoggerFactory.getLogger(ConfigCache.class);

  private final Clock clock;
  private State state = State.STARTING;
  private @Nullable Instant lastLoadedAt;
  private int failureStreak;
  private @Nullable String lastFailure;

  StatusTracker(Clock clock) {
    this.clock = clock;
  }

  /** A status change, to report to the listeners once no lock is held. */
  record Transition(CacheStatus previous, CacheStatus current) {}

  synchronized CacheStatus current() {
    return new CacheStatus(
        state,
        Optional.ofNullable(lastLoadedAt),
        clock.instant(),
        failureStreak,
        Optional.ofNullable(lastFailure));
  }

  synchronized boolean isLoaded() {
    return lastLoadedAt != null;
  }

  synchronized int failureStreak() {
    return failureStreak;
  }

  /** A complete snapshot loaded now. */
  synchronized @Nullable Transition loaded() {
    CacheStatus before = current();
    lastLoadedAt = clock.instant();
    return succeeded(before);
  }

  /** The store was reached and the loaded snapshot is still current. */
  synchronized @Nullable Transition confirmed() {
    return succeeded(current());
  }

  /** A load or a change check failed. */
  synchronized @Nullable Transition failed(String what, RuntimeException failure) {
    CacheStatus before = current();
    failureStreak++;
    lastFailure = String.valueOf(failure.getMessage());
    if (lastLoadedAt == null) {
      state = State.UNAVAILABLE;
      if (failureStreak == 1) {
        warn(
            failure,
            "Config cache: {} failed, no snapshot loaded yet; lookups read the store per key while the "
                + "cache retries: {}",
            what,
            lastFailure);
      }
    } else {
      state = State.STALE;
      if (failureStreak == 1) {
        warn(
            failure,
            "Config cache: {} failed; serving the snapshot loaded at {} while the cache retries: {}",
            what,
            lastLoadedAt,
            lastFailure);
      }
    }
    if (failureStreak > 1) {
      log.debug(
          "Config cache: {} failed again ({} in a row): {}", what, failureStreak, lastFailure);
    }
    return transition(before);
  }

  /**
   * Logs a failure: a store that cannot be reached is an outage its message names in full (table,
   * endpoint, cause), so its stack trace goes to DEBUG only (it would bury that line in the log of
   * a bot started without network); anything else is a bug and keeps its trace.
   */
  private static void warn(RuntimeException failure, String format, Object... arguments) {
    if (failure instanceof StoreUnavailableException) {
      log.warn(format, arguments);
      log.debug("Config cache: the failure's stack trace", failure);
    } else {
      Object[] withTrace = Arrays.copyOf(arguments, arguments.length + 1);
      withTrace[arguments.length] = failure;
      log.warn(format, withTrace);
    }
  }

  private @Nullable Transition succeeded(CacheStatus before) {
    if (failureStreak > 0) {
      log.info("Config cache: store reachable again after {} failed attempts", failureStreak);
    }
    failureStreak = 0;
    lastFailure = null;
    state = State.READY;
    return transition(before);
  }

  private @Nullable Transition transition(CacheStatus before) {
    CacheStatus after = current();
    return before.state() == after.state() ? null : new Transition(before, after);
  }
}
