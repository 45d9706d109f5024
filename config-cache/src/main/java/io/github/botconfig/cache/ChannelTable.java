package io.github.botconfig.cache;

import io.github.botconfig.domain.ChannelConfig;
import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * An immutable open-addressing table from a channel's snowflake to its configuration, already
 * wrapped in the {@link Optional} that {@code findChannel} returns, so that a lookup neither boxes
 * a key nor allocates a result.
 *
 * <p>Linear probing over parallel arrays, sparse so that a miss — most lookups: messages in
 * untracked channels — usually ends at the first slot: at most a quarter full, and at most a
 * sixteenth while that takes no more than {@value #SPARSE_SLOTS} slots (32 KB of keys). Not half
 * full, even in large tables where it would save 31 bytes a channel: a miss in a table that full
 * probes a varying number of slots, and the mispredicted branches made a miss at 100,000 channels
 * 1.8 times slower (docs/performance.md). The slot where a lookup ends says everything: a key, a
 * {@link #FREE} slot (the channel is not tracked) or, in a table that is not {@link #complete}, an
 * {@link #UNKNOWN} one (the store must be asked). So the lookup of {@link #find} needs nothing but
 * the key array, which the cache keeps in a field of its own: one dependent load fewer than
 * reaching it through this object.
 *
 * <p>Changes copy the arrays: they happen on admin writes, a few per minute at most, while lookups
 * happen on every message. {@link java.util.HashMap} would box the key and {@link Optional#of}
 * would allocate on every hit. {@link CacheSnapshot} extends it rather than holding one, so that a
 * hit reaches the values with one dependent load fewer (measured: docs/performance.md).
 */
class ChannelTable {
  /** A free slot of a complete table. Snowflakes are positive, so no key is 0 or negative. */
  static final long FREE = 0;

  /** A free slot of a table that is not complete. */
  static final long UNKNOWN = -1;

  /**
   * What {@link #find} returns when the key is not in a complete table: the channel is not tracked.
   */
  static final int NOT_TRACKED = -1;

  /**
   * What {@link #find} returns when the key is not in a table that is not complete: ask the store.
   */
  static final int NOT_KNOWN = -2;

  static final int SPARSE_SLOTS = 4096;

  /**
   * 2^64 / golden ratio: multiplying by it spreads snowflakes, whose low bits vary little, over the
   * high bits.
   */
  private static final long SPREAD = 0x9E3779B97F4A7C15L;

  private static final ChannelTable UNKNOWN_EMPTY =
      new ChannelTable(emptyKeys(2, false), new Object[2], 0, false);

  private final long[] keys;

  /** {@code Optional<ChannelConfig>} at the slot of its key; null at free slots. */
  private final @Nullable Object[] values;

  private final int size;

  /**
   * Whether a key that is not here is not tracked (true) or not known (false): the free slots say
   * it too.
   */
  final boolean complete;

  private ChannelTable(long[] keys, @Nullable Object[] values, int size, boolean complete) {
    this.keys = keys;
    this.values = values;
    this.size = size;
    this.complete = complete;
  }

  /** A table sharing the arrays of {@code table} (both are immutable). */
  ChannelTable(ChannelTable table) {
    this(table.keys, table.values, table.size, table.complete);
  }

  /** An empty table that is not complete: every lookup must ask the store. */
  static ChannelTable unknown() {
    return UNKNOWN_EMPTY;
  }

  /** A complete table of these channels (ids must be distinct). */
  static ChannelTable of(Collection<ChannelConfig> channels) {
    ChannelTable table = sized(capacityFor(channels.size()), true);
    for (ChannelConfig channel : channels) {
      table.insert(channel.channelId().value(), Optional.of(channel));
    }
    return new ChannelTable(table.keys, table.values, channels.size(), true);
  }

  /**
   * The per-message lookup: the slot of {@code key} in {@code keys}, or {@link #NOT_TRACKED} or
   * {@link #NOT_KNOWN}. Static, over the key array alone, so that the cache can call it without
   * reaching this object first.
   */
  static int find(long[] keys, long key) {
    int mask = keys.length - 1;
    for (int i = home(key, mask); ; i = (i + 1) & mask) {
      long k = keys[i];
      if (k == key) {
        return i;
      }
      if (k == FREE) {
        return NOT_TRACKED;
      }
      if (k == UNKNOWN) {
        return NOT_KNOWN;
      }
    }
  }

  /** This table's key array: what {@link #find} probes. */
  final long[] keys() {
    return keys;
  }

  /**
   * The configuration at a slot that {@link #find} returned for {@code probed}, or null if {@code
   * probed} is not this table's key array (the cache swapped tables between the two reads).
   */
  // Null (not here) is a third answer beside a stored Optional, without allocating on the hot path.
  @SuppressWarnings({"unchecked", "NullableOptional"})
  final @Nullable Optional<ChannelConfig> valueAt(long[] probed, int slot) {
    return probed == keys ? (Optional<ChannelConfig>) values[slot] : null;
  }

  /** Returns the configuration stored for this snowflake, or null. */
  @SuppressWarnings("NullableOptional") // as valueAt: null is "not in the table"
  final @Nullable Optional<ChannelConfig> get(long key) {
    int slot = find(keys, key);
    return slot >= 0 ? valueAt(keys, slot) : null;
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
      copy = new ChannelTable(keys.clone(), values.clone(), 0, complete);
    } else {
      copy = sized(capacity, complete);
      forEach(c -> copy.insert(c.channelId().value(), Optional.of(c)));
    }
    copy.insert(key, Optional.of(channel));
    return new ChannelTable(copy.keys, copy.values, adds ? size + 1 : size, complete);
  }

  /** Returns a table without this snowflake (this table itself if it does not hold it). */
  final ChannelTable without(long key) {
    if (get(key) == null) {
      return this;
    }
    long[] newKeys = keys.clone();
    @Nullable Object[] newValues = values.clone();
    int mask = newKeys.length - 1;
    int hole = home(key, mask);
    while (newKeys[hole] != key) {
      hole = (hole + 1) & mask;
    }
    // Backward-shift deletion: move later members of the probe run into the hole, so no lookup
    // stops early.
    for (int i = (hole + 1) & mask; newKeys[i] > 0; i = (i + 1) & mask) {
      int home = home(newKeys[i], mask);
      boolean homeOutsideGap = hole <= i ? (home <= hole || home > i) : (home <= hole && home > i);
      if (homeOutsideGap) {
        newKeys[hole] = newKeys[i];
        newValues[hole] = newValues[i];
        hole = i;
      }
    }
    newKeys[hole] = free(complete);
    newValues[hole] = null;
    return new ChannelTable(newKeys, newValues, size - 1, complete);
  }

  @SuppressWarnings("unchecked")
  final void forEach(Consumer<ChannelConfig> action) {
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] > 0) {
        action.accept(((Optional<ChannelConfig>) values[i]).orElseThrow());
      }
    }
  }

  /** The number of slots; for tests of the growth policy. */
  final int capacity() {
    return keys.length;
  }

  /** The slot where a lookup of {@code key} starts; for tests that build colliding keys. */
  final int slot(long key) {
    return home(key, keys.length - 1);
  }

  /**
   * The slots needed for {@code size} entries: a power of two, see the class comment (at least 2).
   */
  static int capacityFor(int size) {
    if (size > 1 << 28) {
      throw new IllegalArgumentException("too many channels for one table: " + size);
    }
    int quarterFull = powerOfTwoAtLeast(size * 4);
    int sixteenthFull = powerOfTwoAtLeast(size * 16);
    return Math.max(quarterFull, Math.min(sixteenthFull, SPARSE_SLOTS));
  }

  private static int powerOfTwoAtLeast(int atLeast) {
    return Math.max(2, Integer.highestOneBit(Math.max(1, atLeast - 1)) << 1);
  }

  /** The high half of the product: its bits are the best mixed. */
  static int home(long key, int mask) {
    return (int) ((key * SPREAD) >>> 32) & mask;
  }

  private void insert(long key, Optional<ChannelConfig> value) {
    int mask = keys.length - 1;
    int i = home(key, mask);
    while (keys[i] > 0 && keys[i] != key) {
      i = (i + 1) & mask;
    }
    keys[i] = key;
    values[i] = value;
  }

  private static ChannelTable sized(int capacity, boolean complete) {
    return new ChannelTable(emptyKeys(capacity, complete), new Object[capacity], 0, complete);
  }

  private static long[] emptyKeys(int capacity, boolean complete) {
    long[] keys = new long[capacity];
    if (!complete) {
      Arrays.fill(keys, UNKNOWN);
    }
    return keys;
  }

  private static long free(boolean complete) {
    return complete ? FREE : UNKNOWN;
  }
}
