package io.github.botconfig.cache;

import io.github.botconfig.cache.StatusTracker.Transition;
import io.github.botconfig.domain.ConfigChange;
import io.github.botconfig.domain.ConfigKey;
import io.github.botconfig.domain.ConfigSnapshot;
import io.github.botconfig.domain.ConfigStore;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.RecentChanges;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads complete snapshots: reads the change marker, scans the store, merges the scan with the
 * writes made meanwhile and swaps it in. Between loads it follows the store's change feed, if it
 * has one: reads only the keys other processes changed ({@link #refreshIfChanged()}). One load or
 * apply at a time; listeners hear of it after every lock is released.
 *
 * <p>The marker is read <em>before</em> the scan, so any write the scan might have missed moved the
 * marker past the recorded value: without a feed the next check loads again; with one, the feed
 * lists that write after the recorded position.
 *
 * <p>Following the feed, the loader knows it has seen every change up to {@link #position}: every
 * position up to there was either covered by the last load or read from the feed and applied.
 * Positions after it that the feed does not list yet are owed: a write in flight, or a record lost.
 * One owed longer than the gap grace, or a feed that no longer lists what this cache missed, makes
 * it load everything at once (counted in {@link CacheStats#changeGaps()}).
 */
final class Loader {
  private static final Logger log = LoggerFactory.getLogger(ConfigCache.class);

  private final ConfigStore store;
  private final SnapshotHolder holder;
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
  private final AtomicLong changesApplied = new AtomicLong();
  private final AtomicLong gaps = new AtomicLong();
  private final Clock clock;
  private final Duration gapGrace;

  /** The change marker read before the last load, for a store without a feed. */
  private volatile long loadedMarker;

  /** The highest position up to which every change is known to be held; {@code loadLock}. */
  private volatile long position;

  /** Positions after {@link #position} already read from the feed and applied; {@code loadLock}. */
  private final Set<Long> appliedAhead = new HashSet<>();

  /** Positions after {@link #position} the feed did not list, and since when; {@code loadLock}. */
  private final Map<Long, Instant> owedSince = new HashMap<>();

  /** Whether the store keeps a change feed; null until asked. */
  private volatile @Nullable Boolean feed;

  /**
   * A load failed since the last that succeeded: the next check loads, whatever the marker says.
   */
  private volatile boolean loadOwed = true;

  Loader(
      ConfigStore store,
      SnapshotHolder holder,
      StatusTracker status,
      Listeners listeners,
      Supplier<CacheStats> stats,
      Runnable onFirstLoad,
      Clock clock,
      Duration gapGrace) {
    this.clock = clock;
    this.gapGrace = gapGrace;
    this.store = store;
    this.holder = holder;
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

  long changesApplied() {
    return changesApplied.get();
  }

  long gaps() {
    return gaps.get();
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
   * Brings the cache up to date with the store's changes: through its change feed if it has one
   * (reading only the keys changed, loading everything only when a change may have been missed),
   * else by reading the change marker and loading everything if it moved since the snapshot. Also
   * loads if a load is owed.
   *
   * @return whether it loaded everything
   * @throws RuntimeException what the store threw (recorded in the status first)
   */
  boolean refreshIfChanged() {
    if (loadOwed || Boolean.FALSE.equals(feed)) {
      return refreshByMarker();
    }
    List<Runnable> afterUnlock = new ArrayList<>();
    @Nullable Boolean loaded;
    loadLock.lock();
    try {
      loaded = followLocked(afterUnlock);
    } catch (RuntimeException e) {
      failures.incrementAndGet();
      Transition transition = status.failed("following the store's changes", e);
      afterUnlock.add(() -> report(transition));
      throw e;
    } finally {
      loadLock.unlock();
      afterUnlock.forEach(Runnable::run);
    }
    return loaded != null ? loaded : refreshByMarker();
  }

  private boolean refreshByMarker() {
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

  /** At most this many feed pages per check; a cache further behind loads everything. */
  private static final int MAX_PAGES = 10;

  /** Returns whether it loaded everything, or null if the store keeps no change feed. */
  private @Nullable Boolean followLocked(List<Runnable> afterUnlock) {
    long cursor = position;
    for (int page = 0; page < MAX_PAGES; page++) {
      Optional<RecentChanges> read = store.changesAfter(cursor);
      if (read.isEmpty()) {
        feed = false;
        return null;
      }
      feed = true;
      RecentChanges recent = read.get();
      if (recent.expired()) {
        return healLocked(
            "the store's change feed no longer lists every change after position " + position,
            afterUnlock);
      }
      Set<ConfigKey> keys = new LinkedHashSet<>();
      boolean everything = false;
      for (ConfigChange change : recent.changes()) {
        if (change.position() > position && !appliedAhead.contains(change.position())) {
          everything |= change.key().kind() == ConfigKey.Kind.EVERYTHING;
          keys.add(change.key());
        }
      }
      if (everything) {
        log.info("Config cache: another process changed many items at once; loading everything");
        loadLocked(afterUnlock);
        return true;
      }
      if (!keys.isEmpty()) {
        apply(keys, afterUnlock);
      }
      for (ConfigChange change : recent.changes()) {
        if (change.position() > position) {
          appliedAhead.add(change.position());
          owedSince.remove(change.position());
        }
      }
      long known = position;
      while (appliedAhead.remove(known + 1)) {
        known++;
      }
      position = known;
      if (recent.head() - known > MAX_OWED) {
        return healLocked(
            (recent.head() - known) + " changes are owed after position " + known, afterUnlock);
      }
      Instant now = clock.instant();
      // The grace is measured on this process's clock alone. If that clock stepped back, a
      // position owed "in the future" counts from now: a hole is still healed within two graces,
      // not an hour (or whatever the step was) later.
      owedSince.replaceAll((owed, since) -> since.isAfter(now) ? now : since);
      for (long owed = known + 1; owed <= recent.head(); owed++) {
        if (!appliedAhead.contains(owed)) {
          owedSince.putIfAbsent(owed, now);
        }
      }
      Optional<Map.Entry<Long, Instant>> overdue =
          owedSince.entrySet().stream()
              .filter(e -> !e.getValue().plus(gapGrace).isAfter(now))
              .findFirst();
      if (overdue.isPresent()) {
        return healLocked(
            "change "
                + overdue.get().getKey()
                + " was not in the store's change feed "
                + gapGrace.toMillis()
                + " ms after it was owed (a writer stopped before recording it, or the record"
                + " was lost)",
            afterUnlock);
      }
      long last =
          recent.changes().isEmpty()
              ? cursor
              : recent.changes().get(recent.changes().size() - 1).position();
      if (last <= cursor || last >= recent.head()) {
        break;
      }
      cursor = last; // the store returned one page of several: ask for the next
    }
    Transition transition = status.confirmed();
    afterUnlock.add(() -> report(transition));
    return false;
  }

  /** Owed positions beyond which reading them one by one costs more than loading everything. */
  private static final int MAX_OWED = 1_000;

  private boolean healLocked(String why, List<Runnable> afterUnlock) {
    gaps.incrementAndGet();
    log.warn("Config cache: {}; loading everything to be sure nothing was missed", why);
    loadLocked(afterUnlock);
    return true;
  }

  private void apply(Set<ConfigKey> keys, List<Runnable> afterUnlock) {
    long since = holder.writeSequence();
    ConfigSnapshot found = store.read(keys);
    SnapshotHolder.Change<ConfigSnapshot> change = holder.applyChanges(keys, found, since);
    changesApplied.addAndGet(keys.size());
    CacheSnapshot before = change.before();
    CacheSnapshot after = change.after();
    log.debug("Config cache: applied {} changes from other processes", keys.size());
    afterUnlock.add(
        () -> {
          for (ConfigKey key : keys) {
            GuildId guild = key.guildId().orElseThrow();
            switch (key.kind()) {
              case CHANNEL ->
                  listeners.channelChanged(key.channelId().orElseThrow(), before, after);
              case SETTINGS -> listeners.settingsChanged(guild, before, after);
              case BOARD -> {}
              case GUILD, EVERYTHING -> {
                listeners.guildChanged(guild, before, after);
                after
                    .channelsOf(guild)
                    .forEach(c -> listeners.channelChanged(c.channelId(), before, after));
              }
            }
          }
        });
  }

  private void loadLocked(List<Runnable> afterUnlock) {
    long scanStart = holder.writeSequence();
    long started = System.nanoTime();
    long marker;
    OptionalLong feedPosition;
    ConfigSnapshot scan;
    try {
      feedPosition = Boolean.FALSE.equals(feed) ? OptionalLong.empty() : store.changeFeedPosition();
      marker = feedPosition.isPresent() ? 0 : store.changeMarker();
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
    SnapshotHolder.Change<ConfigSnapshot> change = holder.load(scan, scanStart);
    long took = System.nanoTime() - started;
    feed = feedPosition.isPresent();
    loadedMarker = marker;
    long from = feedPosition.orElse(marker);
    position = from;
    appliedAhead.removeIf(p -> p <= from);
    owedSince.clear();
    loadOwed = false;
    failureBeforeFirstLoad = null;
    loads.incrementAndGet();
    lastLoadNanos.set(took);
    totalLoadNanos.addAndGet(took);
    Transition transition = status.loaded();
    boolean first = !change.before().complete;
    CacheSnapshot after = change.after();
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
