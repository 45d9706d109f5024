package io.github.botconfig.cache;

import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.ConfigRepository;
import io.github.botconfig.domain.ConfigStore;
import io.github.botconfig.domain.StoreUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import org.jspecify.annotations.Nullable;

/**
 * A complete copy of a {@link ConfigStore} in memory: every lookup is answered from memory, every
 * change is written through to the store. Build one with {@link #builder(ConfigStore)}, then {@link
 * #start()} it.
 *
 * <ul>
 *   <li><b>Lookups</b> ({@link #findChannel}, {@link #findChannels}, {@link #findSettings}, {@link
 *       #findBoard}) never call the store once a snapshot has loaded. {@code findChannel} is the
 *       per-message call: constant time, no lock, no allocation. A channel the snapshot does not
 *       hold is not tracked: "empty" is the answer, not a reason to ask the store.
 *   <li><b>Writes</b> go to the store first; when it accepts, the cache holds the stored value
 *       (with its new version) before the call returns. When it refuses or fails, the cache is
 *       unchanged and the store's {@link io.github.botconfig.domain.ConfigException} propagates.
 *       Writes are serialized.
 *   <li><b>Refresh</b>: every {@link Builder#changePollInterval change-poll interval} the cache
 *       reads the store's {@link ConfigStore#changesAfter change feed} and reads only the keys
 *       other processes changed (so their writes show within about one interval); when a change may
 *       have been missed (a record still absent after the {@link Builder#changeGapGrace gap
 *       grace}), it loads a new snapshot at once. A store without a feed offers only its {@link
 *       ConfigStore#changeMarker() change marker}: the cache then loads a new snapshot whenever it
 *       moved. The cache also reloads every {@link Builder#refreshInterval refresh interval}
 *       whatever the marker says, and on {@link #refreshNow()}. A new snapshot is built off the
 *       readers' path and swapped in at once; it never undoes a write made through this cache while
 *       it was being read.
 *   <li><b>Failures</b>: a failed refresh leaves the last snapshot in service, and the cache
 *       retries with backoff; {@link #status()} says {@link CacheStatus.State#STALE STALE} and how
 *       old the snapshot is.
 *   <li><b>Before the first snapshot</b> (the store was down at start), lookups read the store per
 *       key: one read in flight per key, "not found" remembered for {@link Builder#negativeCacheTtl
 *       a while}, at most {@link Builder#maxConcurrentFallbackReads some} reads at once (beyond
 *       that, a lookup fails fast with {@link StoreUnavailableException}). What they find fills the
 *       cache; the full load keeps retrying.
 * </ul>
 *
 * <p>Thread-safe: every method may be called from any thread at any time. Readers never wait for
 * writers, refreshes or each other.
 */
public interface ConfigCache extends ConfigRepository, AutoCloseable {

  /** Returns a builder of a cache over {@code store}, with every setting at its default. */
  static Builder builder(ConfigStore store) {
    return new Builder(store);
  }

  /**
   * Starts the cache: loads a first complete snapshot and schedules the refreshes. Waits for that
   * first load at most the {@link Builder#initialLoadWait initial-load wait}; if it has not
   * succeeded by then (or failed), returns anyway — lookups then read the store per key while the
   * load goes on in the background. Call it before any lookup: a lookup on a cache never started
   * throws {@link IllegalStateException}.
   *
   * <p>An outage (the store cannot be reached) is not an error here: the status says {@link
   * CacheStatus.State#UNAVAILABLE UNAVAILABLE} and the cache keeps retrying. A store that does not
   * exist (a wrong table name or region) is: {@code start()} throws, unless the builder was told to
   * {@link Builder#waitForStore wait for it}.
   *
   * @return the status once the wait ended: {@link CacheStatus#isLoaded() loaded} if the first load
   *     succeeded
   * @throws io.github.botconfig.domain.StoreNotFoundException if the first load found no store (and
   *     {@link Builder#waitForStore} was not set); the cache is then closed
   * @throws IllegalStateException if the cache was already started, or closed
   */
  CacheStatus start();

  /**
   * Loads a new snapshot now, on the cache's scheduler. Calls made before that load begins share
   * it.
   *
   * @return completes with the status after the load, or exceptionally with the store's failure
   *     (the cache then keeps its snapshot, as for any failed refresh)
   * @throws IllegalStateException if the cache was not started
   */
  CompletableFuture<CacheStatus> refreshNow();

  /** Returns how current the cache is, now. */
  CacheStatus status();

  /**
   * Returns the cache's counters, now.
   *
   * <p>Hits and misses are counted by each thread in its own slot, without atomic instructions, to
   * keep {@code findChannel} within a nanosecond of a bare map lookup; two threads sharing a slot
   * (their ids 64 apart) may, in a rare race, lose an increment. Every other counter is exact.
   */
  CacheStats stats();

  /**
   * {@inheritDoc}
   *
   * <p>From memory, without a lock and without allocating, once a snapshot has loaded; before that,
   * from the store (see the class comment).
   *
   * @throws StoreUnavailableException only before a first snapshot has loaded, when the store
   *     cannot answer
   * @throws IllegalStateException if the cache was never {@link #start() started}
   */
  @Override
  Optional<ChannelConfig> findChannel(ChannelId channelId);

  /**
   * Stops every task the cache started, and its scheduler if the cache made it. The cache still
   * answers lookups from its last snapshot and still writes through, but no longer refreshes.
   * Idempotent.
   */
  @Override
  void close();

  /**
   * Configures a {@link ConfigCache}. Not thread-safe; {@link #build()} may be called more than
   * once (each cache gets its own state).
   */
  final class Builder {
    private final ConfigStore store;
    private Duration refreshInterval = Duration.ofMinutes(30);
    private Duration changePollInterval = Duration.ofSeconds(5);
    private Duration changeGapGrace = Duration.ofSeconds(10);
    private Duration negativeCacheTtl = Duration.ofSeconds(60);
    private int maxConcurrentFallbackReads = 8;
    private Duration initialLoadWait = Duration.ofSeconds(30);
    private boolean waitForStore;
    private Duration retryInitialDelay = Duration.ofSeconds(1);
    private Duration retryMaxDelay = Duration.ofMinutes(5);
    private Clock clock = Clock.systemUTC();
    private @Nullable ScheduledExecutorService scheduler;
    private final List<CacheListener> listeners = new ArrayList<>();

    private Builder(ConfigStore store) {
      this.store = Objects.requireNonNull(store, "store");
    }

    /**
     * How often to reload everything, whatever the change marker says; ±10 % at random. Default 30
     * minutes.
     */
    public Builder refreshInterval(Duration interval) {
      this.refreshInterval = requirePositive("refreshInterval", interval);
      return this;
    }

    /**
     * How often to read the store's change feed (or, for a store without one, its change marker).
     * Default 5 seconds: a change then shows in every other process within about 5 seconds, for
     * about $0.032 a month of polling per idle process on DynamoDB (docs/cost.md); zero disables
     * polling (then only the refresh interval and {@link #refreshNow()} reload).
     */
    public Builder changePollInterval(Duration interval) {
      requireNotNegative("changePollInterval", interval);
      if (!interval.isZero() && interval.toMillis() == 0) {
        throw new IllegalArgumentException(
            "changePollInterval must be zero or at least 1 ms, got " + interval);
      }
      this.changePollInterval = interval;
      return this;
    }

    /**
     * How long a position missing from the change feed may stay missing before the cache loads
     * everything: long enough for a write in flight to record itself. Default 10 seconds.
     */
    public Builder changeGapGrace(Duration grace) {
      this.changeGapGrace = requirePositive("changeGapGrace", grace);
      return this;
    }

    /**
     * Before a first snapshot loads: how long "not found" from the store is believed. Default 60
     * seconds; zero disables negative caching.
     */
    public Builder negativeCacheTtl(Duration ttl) {
      this.negativeCacheTtl = requireNotNegative("negativeCacheTtl", ttl);
      return this;
    }

    /**
     * Before a first snapshot loads: how many per-key store reads may be in flight at once. Default
     * 8.
     */
    public Builder maxConcurrentFallbackReads(int max) {
      if (max < 1) {
        throw new IllegalArgumentException(
            "maxConcurrentFallbackReads must be 1 or more, got " + max);
      }
      this.maxConcurrentFallbackReads = max;
      return this;
    }

    /**
     * How long {@link ConfigCache#start()} waits for the first load. Default 30 seconds; zero: not
     * at all.
     */
    public Builder initialLoadWait(Duration wait) {
      this.initialLoadWait = requireNotNegative("initialLoadWait", wait);
      return this;
    }

    /**
     * Whether {@link ConfigCache#start()} waits for a store that does not exist (yet), retrying as
     * for an outage — for a table that a deployment creates after the bot starts. Default false:
     * {@code start()} throws {@link io.github.botconfig.domain.StoreNotFoundException}, since a
     * wrong table name or region would otherwise look like an outage that never ends.
     */
    public Builder waitForStore(boolean wait) {
      this.waitForStore = wait;
      return this;
    }

    /**
     * After a failed load or change check, the first wait before retrying; each further failure
     * doubles it, up to {@code max}; each wait is then cut at random by up to half. Default 1
     * second, up to 5 minutes.
     */
    public Builder retryBackoff(Duration initial, Duration max) {
      requirePositive("retryBackoff initial", initial);
      requirePositive("retryBackoff max", max);
      if (max.compareTo(initial) < 0) {
        throw new IllegalArgumentException(
            "retryBackoff max must not be less than initial, got initial "
                + initial
                + " and max "
                + max);
      }
      this.retryInitialDelay = initial;
      this.retryMaxDelay = max;
      return this;
    }

    /**
     * The clock for status times, refresh schedules and negative-cache expiry. Default: the system
     * UTC clock.
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Where the cache runs its loads and checks. The cache does not shut it down. Default: a single
     * daemon thread of its own, made at {@link ConfigCache#start()} and shut down by {@link
     * ConfigCache#close()}.
     */
    public Builder scheduler(ScheduledExecutorService scheduler) {
      this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
      return this;
    }

    /** Adds a listener; listeners are called in the order added. */
    public Builder listener(CacheListener listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /** Returns a new cache, not started. */
    public ConfigCache build() {
      return new CachingConfigRepository(
          store,
          new Delays(refreshInterval, retryInitialDelay, retryMaxDelay),
          changePollInterval,
          changeGapGrace,
          negativeCacheTtl,
          maxConcurrentFallbackReads,
          initialLoadWait,
          waitForStore,
          clock,
          scheduler,
          listeners);
    }

    private static Duration requirePositive(String name, Duration value) {
      Objects.requireNonNull(value, name);
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(name + " must be positive, got " + value);
      }
      return value;
    }

    private static Duration requireNotNegative(String name, Duration value) {
      Objects.requireNonNull(value, name);
      if (value.isNegative()) {
        throw new IllegalArgumentException(name + " must be zero or positive, got " + value);
      }
      return value;
    }
  }
}
