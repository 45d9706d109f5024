package io.github.botconfig.cache;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * {@link CacheStatus} and {@link CacheStats} values for tests of code that reads them (a health
 * endpoint, metrics): only a cache makes them otherwise. In config-cache's test-jar, not its API:
 * these factories follow the fields and change when a field is added.
 */
public final class CacheValues {
  private CacheValues() {}

  /** A status as {@link ConfigCache#status()} would report it. */
  public static CacheStatus status(
      CacheStatus.State state,
      Optional<Instant> lastLoadedAt,
      Instant observedAt,
      int failureStreak,
      Optional<String> lastFailure) {
    return new CacheStatus(state, lastLoadedAt, observedAt, failureStreak, lastFailure);
  }

  /** Counters as {@link ConfigCache#stats()} would report them. */
  public static CacheStats stats(
      long hits,
      long misses,
      long fallbackReads,
      long storeCalls,
      long loads,
      long failedLoads,
      Duration lastLoadDuration,
      Duration totalLoadDuration,
      int channels,
      int guildSettings,
      long changesApplied,
      long changeGaps) {
    return new CacheStats(
        hits,
        misses,
        fallbackReads,
        storeCalls,
        loads,
        failedLoads,
        lastLoadDuration,
        totalLoadDuration,
        channels,
        guildSettings,
        changesApplied,
        changeGaps);
  }
}
