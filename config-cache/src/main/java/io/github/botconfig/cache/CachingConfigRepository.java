package io.github.botconfig.cache;

import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.ConfigSnapshot;
import io.github.botconfig.domain.ConfigStore;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.GuildSettings;
import io.github.botconfig.domain.InvalidConfigException;
import io.github.botconfig.domain.LiveBoard;
import io.github.botconfig.domain.StoreNotFoundException;
import io.github.botconfig.domain.UnreadableItem;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link ConfigCache}: lookups from its {@link SnapshotHolder}, writes through the store, loads
 * by {@link SyncLoop}.
 */
final class CachingConfigRepository extends SnapshotHolder implements ConfigCache {
  private static final Logger log = LoggerFactory.getLogger(ConfigCache.class);

  private final CountingStore store;

  /** {@link LookupCounts} of {@code findChannel}. */
  private final long[] lookups = LookupCounts.newCounts();

  private final FallbackReads fallback;
  private final StatusTracker status;
  private final Listeners listeners;
  private final Loader loader;
  private final Delays delays;
  private final Duration changePollInterval;
  private final Duration initialLoadWait;
  private final boolean waitForStore;
  private final Clock clock;
  private final @Nullable ScheduledExecutorService suppliedScheduler;

  private final Object lifecycle = new Object();
  private @Nullable ScheduledExecutorService ownScheduler;
  private @Nullable SyncLoop syncLoop;
  private boolean closed;

  /** start() has returned: lookups may go to the store until a snapshot loads. */
  private volatile boolean started;

  CachingConfigRepository(
      ConfigStore store,
      Delays delays,
      Duration changePollInterval,
      Duration changeGapGrace,
      Duration negativeCacheTtl,
      int maxConcurrentFallbackReads,
      Duration initialLoadWait,
      boolean waitForStore,
      Clock clock,
      @Nullable ScheduledExecutorService scheduler,
      List<CacheListener> listeners) {
    this.store = new CountingStore(store);
    this.delays = delays;
    this.changePollInterval = changePollInterval;
    this.initialLoadWait = initialLoadWait;
    this.waitForStore = waitForStore;
    this.clock = clock;
    this.suppliedScheduler = scheduler;
    this.fallback = new FallbackReads(clock, negativeCacheTtl, maxConcurrentFallbackReads);
    this.status = new StatusTracker(clock);
    this.listeners = new Listeners(listeners);
    this.loader =
        new Loader(
            this.store,
            this,
            status,
            this.listeners,
            this::stats,
            fallback::clear,
            clock,
            changeGapGrace);
  }

  // --- Lookups
  // -------------------------------------------------------------------------------------------

  @Override
  public Optional<ChannelConfig> findChannel(ChannelId channelId) {
    long key = channelId.value();
    long[] keys = this.channelKeys;
    int mask = keys.length - 1;
    // ChannelTable.find, written out here and again in findChannel(long): C2 then branches once per
    // outcome instead
    // of testing a returned code (a hit cost 20 % more that way), and a probe shared in a private
    // method cost a miss
    // 0.24 ns more, a tenth (docs/performance.md).
    for (int i = ChannelTable.home(key, mask); ; i = (i + 1) & mask) {
      long k = keys[i];
      if (k == key) {
        Optional<ChannelConfig> found = this.current.valueAt(keys, i);
        if (found == null) {
          return findChannelInSnapshot(key);
        }
        LookupCounts.hit(lookups);
        return found;
      }
      if (k == ChannelTable.FREE) {
        LookupCounts.miss(lookups);
        return Optional.empty();
      }
      if (k == ChannelTable.UNKNOWN) {
        return findChannelInStore(channelId);
      }
    }
  }

  @Override
  public Optional<ChannelConfig> findChannel(long key) {
    if (key <= 0) {
      // 0 and -1 mark free slots: never probe for them. Thrown here, not by calling
      // findChannel(ChannelId): a call
      // back, even on a branch never taken, made C2 compile a hit 0.5 ns slower.
      throw notAChannel(key);
    }
    long[] keys = this.channelKeys;
    int mask = keys.length - 1;
    for (int i = ChannelTable.home(key, mask); ; i = (i + 1) & mask) {
      long k = keys[i];
      if (k == key) {
        Optional<ChannelConfig> found = this.current.valueAt(keys, i);
        if (found == null) {
          return findChannelInSnapshot(key); // a write swapped the snapshot between the two reads
        }
        LookupCounts.hit(lookups);
        return found;
      }
      if (k == ChannelTable.FREE) {
        LookupCounts.miss(lookups);
        return Optional.empty();
      }
      if (k == ChannelTable.UNKNOWN) {
        return findChannelInStore(ChannelId.of(key));
      }
    }
  }

  /** {@link ChannelId#of}'s error for a value that is not a snowflake. */
  private static InvalidConfigException notAChannel(long value) {
    try {
      ChannelId.of(value);
    } catch (InvalidConfigException e) {
      return e;
    }
    throw new AssertionError("ChannelId.of accepted " + value);
  }

  /**
   * The same lookup through one read of the snapshot: consistent by construction, one dependent
   * load slower. Neither a call of {@link #findChannel} nor a loop around it, which both made C2
   * compile the hot path worse.
   */
  private Optional<ChannelConfig> findChannelInSnapshot(long key) {
    CacheSnapshot current = this.current;
    Optional<ChannelConfig> found = current.get(key);
    if (found != null) {
      LookupCounts.hit(lookups);
      return found;
    }
    if (current.complete) {
      LookupCounts.miss(lookups);
      return Optional.empty();
    }
    return findChannelInStore(ChannelId.of(key));
  }

  @Override
  public List<ChannelConfig> findChannels(GuildId guildId) {
    CacheSnapshot current = current();
    if (current.complete) {
      return current.channelsOf(Objects.requireNonNull(guildId, "guildId"));
    }
    requireStarted();
    return fallback.read(
        new GuildChannelsKey(guildId),
        () -> {
          long since = writeSequence();
          List<ChannelConfig> found = store.findChannels(guildId);
          repairGuild(guildId, found, since);
          return found;
        });
  }

  @Override
  public Optional<GuildSettings> findSettings(GuildId guildId) {
    CacheSnapshot current = current();
    Optional<GuildSettings> found = current.settings(Objects.requireNonNull(guildId, "guildId"));
    if (found.isPresent() || current.complete) {
      return found;
    }
    return readThrough(
        new SettingsKey(guildId),
        () -> store.findSettings(guildId),
        (read, since) -> repairSettings(guildId, read, since));
  }

  @Override
  public Optional<LiveBoard> findBoard(GuildId guildId) {
    CacheSnapshot current = current();
    Optional<LiveBoard> found = current.board(Objects.requireNonNull(guildId, "guildId"));
    if (found.isPresent() || current.complete) {
      return found;
    }
    return readThrough(
        new BoardKey(guildId),
        () -> store.findBoard(guildId),
        (read, since) -> repairBoard(guildId, read, since));
  }

  private Optional<ChannelConfig> findChannelInStore(ChannelId channelId) {
    return readThrough(
        channelId,
        () -> store.findChannel(channelId),
        (read, since) -> repairChannel(channelId, read, since));
  }

  /**
   * A fallback read of one item: "not found" believed for the negative-cache TTL, what is found
   * recorded ({@code repair}) unless written meanwhile.
   */
  private <T> Optional<T> readThrough(
      Object key, Supplier<Optional<T>> storeRead, BiConsumer<Optional<T>, Long> repair) {
    requireStarted();
    if (fallback.knownAbsent(key)) {
      return Optional.empty();
    }
    return fallback.read(
        key,
        () -> {
          long since = writeSequence();
          Optional<T> read = storeRead.get();
          repair.accept(read, since);
          if (read.isEmpty()) {
            fallback.rememberAbsent(key);
          }
          return read;
        });
  }

  /**
   * Only a cache that was never started reaches the store for a lookup without having said so:
   * without this, it would quietly answer every lookup from the store, one request each.
   */
  private void requireStarted() {
    if (!started) {
      throw new IllegalStateException(
          "the config cache was not started: call start() before looking anything up (it loads"
              + " the snapshot that lookups are answered from)");
    }
  }

  /** Fallback keys: a guild's channel list and its settings are read apart. */
  private record GuildChannelsKey(GuildId guildId) {}

  private record SettingsKey(GuildId guildId) {}

  private record BoardKey(GuildId guildId) {}

  // --- Writes
  // --------------------------------------------------------------------------------------------

  @Override
  public ChannelConfig saveChannel(ChannelConfig config) {
    Objects.requireNonNull(config, "config");
    SnapshotHolder.Change<ChannelConfig> change =
        write(
            () -> store.saveChannel(config),
            (current, saved, writes) -> {
              writes.channelWritten(saved.channelId());
              return current.withChannel(saved);
            });
    listeners.channelChanged(config.channelId(), change.before(), change.after());
    return change.result();
  }

  @Override
  public ChannelConfig replaceChannel(ChannelConfig read, ChannelConfig changed) {
    Objects.requireNonNull(read, "read");
    Objects.requireNonNull(changed, "changed");
    SnapshotHolder.Change<ChannelConfig> change =
        write(
            () -> store.replaceChannel(read, changed),
            (current, saved, writes) -> {
              writes.channelWritten(saved.channelId());
              return current.withChannel(saved);
            });
    listeners.channelChanged(read.channelId(), change.before(), change.after());
    return change.result();
  }

  @Override
  public boolean deleteChannel(GuildId guildId, ChannelId channelId) {
    Objects.requireNonNull(guildId, "guildId");
    Objects.requireNonNull(channelId, "channelId");
    SnapshotHolder.Change<Boolean> change =
        write(
            () -> store.deleteChannel(guildId, channelId),
            (current, deleted, writes) -> {
              // Deleted: it was under this guild, so under no other. Not deleted: the store does
              // not have it under
              // this guild, so a copy held under this guild is out of date; one under another guild
              // may be right.
              boolean heldHere =
                  current.channel(channelId).map(c -> c.guildId().equals(guildId)).orElse(false);
              if (!deleted && !heldHere) {
                return current;
              }
              writes.channelWritten(channelId);
              return current.withoutChannel(channelId);
            });
    listeners.channelChanged(channelId, change.before(), change.after());
    return change.result();
  }

  @Override
  public GuildSettings saveSettings(GuildSettings settings) {
    Objects.requireNonNull(settings, "settings");
    SnapshotHolder.Change<GuildSettings> change =
        write(
            () -> store.saveSettings(settings),
            (current, saved, writes) -> {
              writes.settingsWritten(saved.guildId());
              return current.withSettings(saved.guildId(), saved);
            });
    listeners.settingsChanged(settings.guildId(), change.before(), change.after());
    return change.result();
  }

  @Override
  public GuildSettings replaceSettings(GuildSettings read, GuildSettings changed) {
    Objects.requireNonNull(read, "read");
    Objects.requireNonNull(changed, "changed");
    SnapshotHolder.Change<GuildSettings> change =
        write(
            () -> store.replaceSettings(read, changed),
            (current, saved, writes) -> {
              writes.settingsWritten(saved.guildId());
              return current.withSettings(saved.guildId(), saved);
            });
    listeners.settingsChanged(read.guildId(), change.before(), change.after());
    return change.result();
  }

  /**
   * From memory once a snapshot has loaded (a complete one lists every unreadable item); from the
   * store before that.
   */
  @Override
  public List<UnreadableItem> findUnreadable(GuildId guildId) {
    CacheSnapshot current = current();
    if (current.complete) {
      return current.unreadable(Objects.requireNonNull(guildId, "guildId"));
    }
    requireStarted();
    return store.findUnreadable(guildId);
  }

  @Override
  public Optional<UnreadableItem> findUnreadableChannel(ChannelId channelId) {
    CacheSnapshot current = current();
    if (current.complete) {
      return current.unreadableChannel(Objects.requireNonNull(channelId, "channelId"));
    }
    requireStarted();
    return store.findUnreadableChannel(channelId);
  }

  @Override
  public LiveBoard saveBoard(LiveBoard board) {
    Objects.requireNonNull(board, "board");
    return write(
            () -> store.saveBoard(board),
            (current, saved, writes) -> {
              writes.boardWritten(saved.guildId());
              return current.withBoard(saved.guildId(), saved);
            })
        .result();
  }

  @Override
  public boolean deleteBoard(GuildId guildId) {
    Objects.requireNonNull(guildId, "guildId");
    return write(
            () -> store.deleteBoard(guildId),
            (current, deleted, writes) -> {
              writes.boardWritten(guildId);
              return current.withBoard(guildId, null);
            })
        .result();
  }

  @Override
  public int deleteGuild(GuildId guildId) {
    Objects.requireNonNull(guildId, "guildId");
    SnapshotHolder.Change<Integer> change =
        write(
            () -> store.deleteGuild(guildId),
            (current, removed, writes) -> {
              writes.guildDeleted(guildId);
              return current.withoutGuild(guildId);
            });
    listeners.guildChanged(guildId, change.before(), change.after());
    return change.result();
  }

  // --- Lifecycle, status, stats
  // --------------------------------------------------------------------------

  @Override
  public CacheStatus start() {
    SyncLoop loop;
    synchronized (lifecycle) {
      if (closed) {
        throw new IllegalStateException("the config cache is closed; build a new one");
      }
      if (syncLoop != null) {
        throw new IllegalStateException("the config cache was already started");
      }
      ScheduledExecutorService scheduler = suppliedScheduler;
      if (scheduler == null) {
        ownScheduler =
            Executors.newSingleThreadScheduledExecutor(CachingConfigRepository::daemonThread);
        scheduler = ownScheduler;
      }
      loop = new SyncLoop(loader, status, scheduler, clock, delays, changePollInterval);
      syncLoop = loop;
    }
    loop.start();
    awaitFirstAttempt();
    RuntimeException failure = loader.failureBeforeFirstLoad();
    if (failure instanceof StoreNotFoundException && !waitForStore && !status.isLoaded()) {
      close(); // no retries in the background: nothing will come of them until someone acts
      throw new StoreNotFoundException(
          "the config cache cannot start: "
              + failure.getMessage()
              + " (to wait for it instead, build the cache with waitForStore(true))",
          failure);
    }
    started = true;
    return status();
  }

  private void awaitFirstAttempt() {
    try {
      loader.firstAttempt().get(initialLoadWait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      if (initialLoadWait.isZero()) {
        return;
      }
      log.info(
          "Config cache: first load not finished after {}; lookups read the store per key until it is",
          initialLoadWait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      throw new IllegalStateException("the first-load signal never fails", e);
    }
  }

  @Override
  public CompletableFuture<CacheStatus> refreshNow() {
    SyncLoop loop;
    synchronized (lifecycle) {
      loop = syncLoop;
    }
    if (loop == null) {
      throw new IllegalStateException("start() the config cache before refreshing it");
    }
    return loop.refreshNow();
  }

  @Override
  public CacheStatus status() {
    return status.current();
  }

  @Override
  public CacheStats stats() {
    CacheSnapshot current = current();
    return new CacheStats(
        LookupCounts.hits(lookups),
        LookupCounts.misses(lookups),
        fallback.reads(),
        store.calls(),
        loader.loads(),
        loader.failures(),
        loader.lastLoadDuration(),
        loader.totalLoadDuration(),
        current.channelCount(),
        current.settingsCount(),
        loader.changesApplied(),
        loader.gaps());
  }

  @Override
  public void close() {
    synchronized (lifecycle) {
      if (closed) {
        return;
      }
      closed = true;
      if (syncLoop != null) {
        syncLoop.stop();
      }
      if (ownScheduler != null) {
        ownScheduler.shutdownNow();
      }
    }
  }

  @Override
  public String toString() {
    return "ConfigCache{" + status().state() + ", " + current().channelCount() + " channels}";
  }

  /** How many lookups wait for another's fallback read of the same key; for tests. */
  int fallbackWaiters() {
    return fallback.waiting();
  }

  /** Everything the cache holds now; for tests that compare it with the store. */
  ConfigSnapshot snapshot() {
    CacheSnapshot current = current();
    ConfigSnapshot.Builder snapshot = ConfigSnapshot.builder();
    current.channelMap().values().forEach(snapshot::addChannel);
    current.settingsMap().values().forEach(snapshot::addSettings);
    current.boardMap().values().forEach(snapshot::addBoard);
    current.unreadable().forEach(snapshot::addUnreadable);
    return snapshot.build();
  }

  /**
   * Where the channel table and the guild index disagree (nothing, always); for the stress test.
   */
  List<String> inconsistencies() {
    return current().inconsistencies();
  }

  private static Thread daemonThread(Runnable task) {
    Thread thread = new Thread(task, "botconfig-cache");
    thread.setDaemon(true);
    return thread;
  }
}
