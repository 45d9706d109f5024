package io.github.botconfig.cache;

import io.github.botconfig.domain.ChannelConfig;
import java.util.Collection;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * An immutable open-addressing table from a channel's snowflake to its configuration, already wrapped in the
 * {@link Optional} that {@code findChannel} returns, so that a lookup neither boxes a key nor allocates a
 * result.
 *
 * <p>Linear probing over parallel arrays, at most a quarter full so that a miss — most lookups: messages in
 * untracked channels — usually ends at the first slot; key 0 marks a free slot (snowflakes are positive). 4 to 8
 * slots of 12 bytes a channel, plus its {@code Optional}: 64 to 112 bytes, against about 60 for a
 * {@code ConcurrentHashMap<Long, ChannelConfig>} — a few megabytes at 100,000 channels. Changes copy the arrays: they happen on admin writes, a few per minute at most, while lookups
 * happen on every message. {@link java.util.HashMap} would box the key and {@link java.util.Optional#of}
 * would allocate on every hit.
 *
 * <p>{@link Contents} extends it rather than holding one, so that a lookup reaches the arrays with one
 * dependent load fewer (measured: docs/performance.md).
 */
class ChannelTable {
  private static final ChannelTable EMPTY = new ChannelTable(new long[2], new Object[2], 0);
  /** 2^64 / golden ratio: multiplying by it spreads snowflakes, whose low bits vary little, over the top bits. */
  private static final long SPREAD = 0x9E3779B97F4A7C15L;

  private final long[] keys;
  /** {@code Optional<ChannelConfig>} at the slot of its key; null where the key is 0. */
  private final @Nullable Object[] values;
  private final int size;
  private final int shift;

  private ChannelTable(long[] keys, @Nullable Object[] values, int size) {
    this.keys = keys;
    this.values = values;
    this.size = size;
    this.shift = 64 - Integer.numberOfTrailingZeros(keys.length);
  }

  /** A table sharing the arrays of {@code table} (both are immutable). */
  ChannelTable(ChannelTable table) {
    this(table.keys, table.values, table.size);
  }

  static ChannelTable empty() {
    return EMPTY;
  }

  static ChannelTable of(Collection<ChannelConfig> channels) {
    int capacity = capacityFor(channels.size());
    ChannelTable table = new ChannelTable(new long[capacity], new Object[capacity], 0);
    for (ChannelConfig channel : channels) {
      table.insert(channel.channelId().value(), Optional.of(channel));
    }
    return new ChannelTable(table.keys, table.values, channels.size());
  }

  /** Returns the configuration stored for this snowflake, or null: the hot path, so no Optional of absence. */
  @SuppressWarnings("unchecked")
  final @Nullable Optional<ChannelConfig> get(long key) {
    long[] keys = this.keys;
    int mask = keys.length - 1;
    for (int i = slot(key); ; i = (i + 1) & mask) {
      long k = keys[i];
      if (k == key) {
        return (Optional<ChannelConfig>) values[i];
      }
      if (k == 0) {
        return null;
      }
    }
  }

  final int size() {
    return size;
  }

  /** Returns a table holding {@code channel} in place of any configuration stored for its id. */
  final ChannelTable with(ChannelConfig channel) {
    long key = channel.channelId().value();
    boolean adds = get(key) == null;
    int capacity = adds ? capacityFor(size + 1) : keys.length;
    ChannelTable copy;
    if (capacity == keys.length) {
      copy = new ChannelTable(keys.clone(), values.clone(), 0);
    } else {
      copy = new ChannelTable(new long[capacity], new Object[capacity], 0);
      forEach(c -> copy.insert(c.channelId().value(), Optional.of(c)));
    }
    copy.insert(key, Optional.of(channel));
    return new ChannelTable(copy.keys, copy.values, adds ? size + 1 : size);
  }

  /** Returns a table without this snowflake (this table itself if it does not hold it). */
  final ChannelTable without(long key) {
    if (get(key) == null) {
      return this;
    }
    long[] newKeys = keys.clone();
    @Nullable Object[] newValues = values.clone();
    int mask = newKeys.length - 1;
    int hole = slot(key);
    while (newKeys[hole] != key) {
      hole = (hole + 1) & mask;
    }
    // Backward-shift deletion: move later members of the probe run into the hole, so no lookup stops early.
    for (int i = (hole + 1) & mask; newKeys[i] != 0; i = (i + 1) & mask) {
      int home = slot(newKeys[i]);
      boolean homeOutsideGap = hole <= i ? (home <= hole || home > i) : (home <= hole && home > i);
      if (homeOutsideGap) {
        newKeys[hole] = newKeys[i];
        newValues[hole] = newValues[i];
        hole = i;
      }
    }
    newKeys[hole] = 0;
    newValues[hole] = null;
    return new ChannelTable(newKeys, newValues, size - 1);
  }

  @SuppressWarnings("unchecked")
  final void forEach(Consumer<ChannelConfig> action) {
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] != 0) {
        action.accept(((Optional<ChannelConfig>) values[i]).orElseThrow());
      }
    }
  }

  /** The number of slots; for tests of the growth policy. */
  final int capacity() {
    return keys.length;
  }

  private void insert(long key, Optional<ChannelConfig> value) {
    int mask = keys.length - 1;
    int i = slot(key);
    while (keys[i] != 0 && keys[i] != key) {
      i = (i + 1) & mask;
    }
    keys[i] = key;
    values[i] = value;
  }

  /** The slot where a lookup of {@code key} starts; for tests that build colliding keys. */
  final int slot(long key) {
    return (int) ((key * SPREAD) >>> shift);
  }

  /** The smallest power of two that keeps {@code size} entries at most a quarter of the slots (at least 2). */
  static int capacityFor(int size) {
    if (size > 1 << 28) {
      throw new IllegalArgumentException("too many channels for one table: " + size);
    }
    return Math.max(2, Integer.highestOneBit(Math.max(1, size * 4 - 1)) << 1);
  }
}
