package io.github.botconfig.cache;

import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.ConfigKey;
import io.github.botconfig.domain.ConfigSnapshot;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.GuildSettings;
import io.github.botconfig.domain.LiveBoard;
import io.github.botconfig.domain.UnreadableItem;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Holds the cache's current {@link CacheSnapshot} and its one rule of concurrency: readers take
 * {@link #current()} (a volatile read of an immutable value, no lock); everything that changes it
 * holds the writer lock and publishes a new snapshot. (Named for what it holds: the cache's state
 * is a snapshot, as the store's full load is a {@code ConfigSnapshot}.)
 *
 * <p>The per-message lookup reads {@link #channelKeys} instead, the key array of the same snapshot,
 * published after it: it probes that array without reaching the snapshot first (one dependent load
 * fewer, a fifth of a lookup's time), and on a hit takes the value from {@link #current}, which is
 * then the same snapshot or a newer one (see {@link ChannelTable#valueAt}).
 *
 * <p>A write through the cache holds the lock across its store call, so two writes reach the cache
 * in the order they reached the store and an older result can never replace a newer one. Writes are
 * rare (admin commands); a refresh or a repair waits for the write in progress, never a reader.
 *
 * <p>{@link CachingConfigRepository} extends it rather than holding one, so that a lookup reaches
 * the snapshot with one dependent load fewer (measured: docs/performance.md).
 */
abstract class SnapshotHolder {
  private final ReentrantLock writeLock = new ReentrantLock();
  private final LocalWrites writes = new LocalWrites();

  /** Read by lookups directly: the hot path. Changed only by {@link #publish}. */
  volatile CacheSnapshot current = CacheSnapshot.nothingYet();

  /** The key array of {@link #current}, written after it. Changed only by {@link #publish}. */
  volatile long[] channelKeys = current.keys();

  final CacheSnapshot current() {
    return current;
  }

  /**
   * Swaps in {@code next}: the snapshot first, then its keys, so a reader of the keys finds a
   * snapshot as new.
   */
  private void publish(CacheSnapshot next) {
    current = next;
    channelKeys = next.keys();
  }

  /** What one change did: the value it produced and the snapshot before and after. */
  record Change<R>(R result, CacheSnapshot before, CacheSnapshot after) {}

  /** How a successful store write changes the snapshot and what it records as written. */
  @FunctionalInterface
  interface Apply<R> {
    CacheSnapshot apply(CacheSnapshot current, R storeResult, LocalWrites writes);
  }

  /**
   * Runs {@code storeWrite} with other writers excluded and, if it returns, applies its result
   * before the lock is released. If it throws, nothing changes and the exception propagates.
   */
  final <R> Change<R> write(Supplier<R> storeWrite, Apply<R> apply) {
    writeLock.lock();
    try {
      R result = storeWrite.get();
      CacheSnapshot before = current;
      CacheSnapshot after = apply.apply(before, result, writes);
      publish(after);
      return new Change<>(result, before, after);
    } finally {
      writeLock.unlock();
    }
  }

  /**
   * The number of the last write applied; a read or scan that starts now sees all writes up to it
   * in the store. Without the lock: a fallback lookup must not wait for a write stuck in a slow
   * store.
   */
  final long writeSequence() {
    return writes.sequence();
  }

  /** Swaps in the snapshot of a scan that began at {@code scanStart}, keeping writes made since. */
  final Change<ConfigSnapshot> load(ConfigSnapshot scan, long scanStart) {
    writeLock.lock();
    try {
      CacheSnapshot before = current;
      CacheSnapshot after = writes.merge(scan, before, scanStart);
      publish(after);
      return new Change<>(scan, before, after);
    } finally {
      writeLock.unlock();
    }
  }

  /**
   * Applies what a read of {@code keys} that began at {@code since} found (a change feed's keys):
   * each key takes the stored value, readable or unreadable, or is removed when nothing was found
   * under it, unless this cache wrote it since (its value is then at least as new as the read). A
   * channel found under another guild than its key's is left alone: that is another key's change.
   */
  final Change<ConfigSnapshot> applyChanges(
      Collection<ConfigKey> keys, ConfigSnapshot found, long since) {
    writeLock.lock();
    try {
      CacheSnapshot before = current;
      CacheSnapshot after = before;
      for (ConfigKey key : keys) {
        after = applyOne(after, key, found, since);
      }
      if (after != before) {
        publish(after);
      }
      return new Change<>(found, before, after);
    } finally {
      writeLock.unlock();
    }
  }

  private CacheSnapshot applyOne(
      CacheSnapshot current, ConfigKey key, ConfigSnapshot found, long since) {
    GuildId guild = key.guildId().orElseThrow();
    return switch (key.kind()) {
      case CHANNEL -> applyChannel(current, guild, key.channelId().orElseThrow(), found, since);
      case SETTINGS ->
          writes.settingsWrittenSince(guild, since)
              ? current
              : current
                  .withSettings(guild, found.settings(guild).orElse(null))
                  .withUnreadable(key, found.unreadable(guild));
      case BOARD ->
          writes.boardWrittenSince(guild, since)
              ? current
              : current
                  .withBoard(guild, found.board(guild).orElse(null))
                  .withUnreadable(key, found.unreadable(guild));
      case GUILD, EVERYTHING -> {
        Set<ChannelId> channels = new LinkedHashSet<>();
        current.channelsOf(guild).forEach(c -> channels.add(c.channelId()));
        found.channelsOf(guild).forEach(c -> channels.add(c.channelId()));
        for (UnreadableItem item : current.unreadable(guild)) {
          item.channelId().ifPresent(channels::add);
        }
        for (UnreadableItem item : found.unreadable(guild)) {
          item.channelId().ifPresent(channels::add);
        }
        CacheSnapshot next = current;
        for (ChannelId channel : channels) {
          next = applyChannel(next, guild, channel, found, since);
        }
        next = applyOne(next, ConfigKey.settings(guild), found, since);
        yield applyOne(next, ConfigKey.board(guild), found, since);
      }
    };
  }

  private CacheSnapshot applyChannel(
      CacheSnapshot current, GuildId guild, ChannelId channelId, ConfigSnapshot found, long since) {
    if (writes.channelWrittenSince(channelId, guild, since)) {
      return current;
    }
    Optional<ChannelConfig> stored =
        found.channel(channelId).filter(c -> c.guildId().equals(guild));
    CacheSnapshot next;
    if (stored.isPresent()) {
      next =
          stored.get().equals(current.channel(channelId).orElse(null))
              ? current
              : current.withChannel(stored.get());
    } else {
      boolean heldHere =
          current.channel(channelId).filter(c -> c.guildId().equals(guild)).isPresent();
      next = heldHere ? current.withoutChannel(channelId) : current;
    }
    // Readable or not, what the store holds under the key now replaces what was held: an item
    // may have turned unreadable (a newer writer's value), or readable again, or been deleted.
    return next.withUnreadable(ConfigKey.channel(guild, channelId), found.unreadable(guild));
  }

  /**
   * Records what a fallback read that began at {@code since} found for one channel, unless a
   * snapshot has loaded or the channel was written since (the read may be older than the write).
   * Repairs are a saving, not a duty: one that would have to wait for the writer lock is skipped.
   */
  final void repairChannel(ChannelId channelId, Optional<ChannelConfig> found, long since) {
    if (!writeLock.tryLock()) {
      return; // a write is in progress, perhaps stuck in the store: skip this repair, a later
      // lookup repeats it
    }
    try {
      CacheSnapshot current = this.current;
      if (current.complete) {
        return;
      }
      GuildId guild =
          found.or(() -> current.channel(channelId)).map(ChannelConfig::guildId).orElse(null);
      if (guild == null || writes.channelWrittenSince(channelId, guild, since)) {
        return;
      }
      publish(found.map(current::withChannel).orElseGet(() -> current.withoutChannel(channelId)));
    } finally {
      writeLock.unlock();
    }
  }

  /** As {@link #repairChannel}, for the complete list of a guild's channels read from the store. */
  final void repairGuild(GuildId guildId, List<ChannelConfig> found, long since) {
    if (!writeLock.tryLock()) {
      return; // a write is in progress, perhaps stuck in the store: skip this repair, a later
      // lookup repeats it
    }
    try {
      if (current.complete) {
        return;
      }
      CacheSnapshot repaired = current;
      for (ChannelConfig held : current.channelsOf(guildId)) {
        if (!writes.channelWrittenSince(held.channelId(), guildId, since)) {
          repaired = repaired.withoutChannel(held.channelId());
        }
      }
      for (ChannelConfig channel : found) {
        if (!writes.channelWrittenSince(channel.channelId(), guildId, since)) {
          repaired = repaired.withChannel(channel);
        }
      }
      publish(repaired);
    } finally {
      writeLock.unlock();
    }
  }

  /** As {@link #repairChannel}, for a guild's settings. */
  final void repairSettings(GuildId guildId, Optional<GuildSettings> found, long since) {
    repairUnlessWritten(
        writes -> writes.settingsWrittenSince(guildId, since),
        c -> c.withSettings(guildId, found.orElse(null)));
  }

  /** As {@link #repairChannel}, for a guild's live board. */
  final void repairBoard(GuildId guildId, Optional<LiveBoard> found, long since) {
    repairUnlessWritten(
        writes -> writes.boardWrittenSince(guildId, since),
        c -> c.withBoard(guildId, found.orElse(null)));
  }

  private void repairUnlessWritten(
      Predicate<LocalWrites> writtenSince, UnaryOperator<CacheSnapshot> repair) {
    if (!writeLock.tryLock()) {
      return; // a write is in progress, perhaps stuck in the store: skip this repair, a later
      // lookup repeats it
    }
    try {
      if (!current.complete && !writtenSince.test(writes)) {
        publish(repair.apply(current));
      }
    } finally {
      writeLock.unlock();
    }
  }

  /** How many writes are remembered for the next merge; for tests. */
  final int rememberedWrites() {
    writeLock.lock();
    try {
      return writes.remembered();
    } finally {
      writeLock.unlock();
    }
  }
}
