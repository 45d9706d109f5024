package io.github.botconfig.cache;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Counts hits and misses of the hot path without making threads contend.
 *
 * <p>Each thread counts in its own cache line of a {@code long[]}, chosen by its id, with plain
 * (opaque) stores: no atomic instruction and no shared line, where a {@link
 * java.util.concurrent.atomic.LongAdder} pays a locked instruction on every count (see
 * docs/performance.md). The price: two threads whose ids fall on the same stripe (ids {@value
 * #STRIPES} apart) may, if they count at the very same instant, lose one of the two counts. The
 * totals are statistics, not balances.
 *
 * <p>Static methods over an array the caller holds, rather than an object: the lookup then reaches
 * the array with one dependent load fewer, a tenth of its cost (docs/performance.md).
 */
final class LookupCounts {
  private static final int STRIPES = 64;

  /**
   * 16 longs = 128 bytes between stripes: no two threads share a cache line, nor its prefetched
   * neighbour.
   */
  private static final int STRIDE = 16;

  private static final int HITS = 0;
  private static final int MISSES = 1;
  private static final VarHandle CELLS = MethodHandles.arrayElementVarHandle(long[].class);

  private LookupCounts() {}

  /**
   * New, zeroed counts. Stripe 0 starts one stride in: the array header's line is not shared with a
   * stripe.
   */
  static long[] newCounts() {
    return new long[(STRIPES + 1) * STRIDE];
  }

  static void hit(long[] counts) {
    increment(counts, HITS);
  }

  static void miss(long[] counts) {
    increment(counts, MISSES);
  }

  static long hits(long[] counts) {
    return sum(counts, HITS);
  }

  static long misses(long[] counts) {
    return sum(counts, MISSES);
  }

  private static void increment(long[] counts, int which) {
    int index = (((int) Thread.currentThread().getId() & (STRIPES - 1)) + 1) * STRIDE + which;
    CELLS.setOpaque(counts, index, (long) CELLS.getOpaque(counts, index) + 1);
  }

  private static long sum(long[] counts, int which) {
    long total = 0;
    for (int stripe = 1; stripe <= STRIPES; stripe++) {
      total += (long) CELLS.getOpaque(counts, stripe * STRIDE + which);
    }
    return total;
  }
}
