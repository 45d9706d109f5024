package io.github.botconfig.cache;

import java.time.Duration;
import java.util.Objects;

/**
 * What a {@link ConfigCache} did since it was built: a snapshot of its counters, from {@link
 * ConfigCache#stats()}.
 *
 * <p>Immutable and thread-safe. Counters only grow. Hit and miss counts are statistics: under heavy
 * concurrency a few increments may be lost (see {@link ConfigCache#stats()}); every other counter
 * is exact. Only the cache makes these; a later version may add counters (a new accessor), which is
 * why this is a class with accessors and not a record.
 */
public final class CacheStats {
  private final long hits;
  private final long misses;
  private final long fallbackReads;
  private final long storeCalls;
  private final long loads;
  private final long failedLoads;
  private final Duration lastLoadDuration;
  private final Duration totalLoadDuration;
  private final int channels;
  private final int guildSettings;
  private final long changesApplied;
  private final long changeGaps;

  CacheStats(
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
    this.hits = hits;
    this.misses = misses;
    this.fallbackReads = fallbackReads;
    this.storeCalls = storeCalls;
    this.loads = loads;
    this.failedLoads = failedLoads;
    this.lastLoadDuration = Objects.requireNonNull(lastLoadDuration, "lastLoadDuration");
    this.totalLoadDuration = Objects.requireNonNull(totalLoadDuration, "totalLoadDuration");
    this.channels = channels;
    this.guildSettings = guildSettings;
    this.changesApplied = changesApplied;
    this.changeGaps = changeGaps;
  }

  /** {@code findChannel} calls answered with a configuration from memory. */
  public long hits() {
    return hits;
  }

  /** {@code findChannel} calls answered "not tracked" from memory, without the store. */
  public long misses() {
    return misses;
  }

  /** Reads sent to the store per key because no snapshot had loaded yet. */
  public long fallbackReads() {
    return fallbackReads;
  }

  /** Every call the cache made to its store: loads, change checks, fallback reads, writes. */
  public long storeCalls() {
    return storeCalls;
  }

  /** Complete snapshots loaded (the first load and every refresh that succeeded). */
  public long loads() {
    return loads;
  }

  /** Loads and change checks that failed. */
  public long failedLoads() {
    return failedLoads;
  }

  /** How long the last successful load took (store scan and merge); zero if none. */
  public Duration lastLoadDuration() {
    return lastLoadDuration;
  }

  /** The sum over all successful loads. */
  public Duration totalLoadDuration() {
    return totalLoadDuration;
  }

  /** Tracked channels held now. */
  public int channels() {
    return channels;
  }

  /** Guilds whose settings are held now. */
  public int guildSettings() {
    return guildSettings;
  }

  /**
   * Keys other processes changed that the cache read from the store's change feed and applied,
   * without a full load.
   */
  public long changesApplied() {
    return changesApplied;
  }

  /**
   * Full loads made because the cache could not prove it had seen every change: a change record
   * missing after the gap grace, or no longer kept by the store.
   */
  public long changeGaps() {
    return changeGaps;
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

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof CacheStats that)) {
      return false;
    }
    return hits == that.hits
        && misses == that.misses
        && fallbackReads == that.fallbackReads
        && storeCalls == that.storeCalls
        && loads == that.loads
        && failedLoads == that.failedLoads
        && channels == that.channels
        && guildSettings == that.guildSettings
        && changesApplied == that.changesApplied
        && changeGaps == that.changeGaps
        && lastLoadDuration.equals(that.lastLoadDuration)
        && totalLoadDuration.equals(that.totalLoadDuration);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
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

  @Override
  public String toString() {
    return "CacheStats[hits="
        + hits
        + ", misses="
        + misses
        + ", fallbackReads="
        + fallbackReads
        + ", storeCalls="
        + storeCalls
        + ", loads="
        + loads
        + ", failedLoads="
        + failedLoads
        + ", lastLoadDuration="
        + lastLoadDuration
        + ", totalLoadDuration="
        + totalLoadDuration
        + ", channels="
        + channels
        + ", guildSettings="
        + guildSettings
        + ", changesApplied="
        + changesApplied
        + ", changeGaps="
        + changeGaps
        + "]";
  }
}
