package io.github.botconfig.cache;

import java.time.Duration;
import java.util.Objects;

/**
 * What a {@link ConfigCache} did since it was built: a snapshot of its counters.
 *
 * <p>Immutable and thread-safe. Counters only grow. Hit and miss counts are statistics: under heavy
 * concurrency a few increments may be lost (see {@link ConfigCache#stats()}); every other counter
 * is exact.
 *
 * @param hits {@code findChannel} calls answered with a configuration from memory
 * @param misses {@code findChannel} calls answered "not tracked" from memory, without the store
 * @param fallbackReads reads sent to the store per key because no snapshot had loaded yet
 * @param storeCalls every call the cache made to its store: loads, change checks, fallback reads,
 *     writes
 * @param loads complete snapshots loaded (the first load and every refresh that succeeded)
 * @param failedLoads loads and change checks that failed
 * @param lastLoadDuration how long the last successful load took (store scan and merge); zero if
 *     none
 * @param totalLoadDuration the sum over all successful loads
 * @param channels tracked channels held now
 * @param guildSettings guilds whose settings are held now
 * @param changesApplied keys other processes changed that the cache read from the store's change
 *     feed and applied, without a full load
 * @param changeGaps full loads made because the cache could not prove it had seen every change: a
 *     change record missing after the gap grace, or no longer kept by the store
 */
public record CacheStats(
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

  public CacheStats {
    Objects.requireNonNull(lastLoadDuration, "lastLoadDuration");
    Objects.requireNonNull(totalLoadDuration, "totalLoadDuration");
  }

  /** The mean duration of a successful load; zero if none. */
  public Duration averageLoadDuration() {
    return loads == 0 ? Duration.ZERO : totalLoadDuration.dividedBy(loads);
  }

  /**
   * The share of {@code findChannel} calls answered with a configuration, from 0 to 1; 1 if there
   * were none.
   */
  public double hitRate() {
    long lookups = hits + misses;
    return lookups == 0 ? 1.0 : (double) hits / lookups;
  }
}
