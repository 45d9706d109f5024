package io.github.botconfig.cache;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Counts hits and misses of the hot path without making threads contend.
 *
 * <p>Each thread counts in its own cache line, chosen by its id, with plain (opaque) stores: no atomic
 * instruction and no shared line, which is what makes a {@link java.util.concurrent.atomic.LongAdder} cost
 * several times a lookup (see docs/performance.md). The price: two threads whose ids fall on the same stripe
 * (ids {@value #STRIPES} apart) may, if they count at the very same instant, lose one of the two counts. The
 * totals are statistics, not balances.
 */
final class LookupCounter {
  private static final int STRIPES = 64;
  /** 16 longs = 128 bytes between stripes: no two threads share a cache line, nor its prefetched neighbour. */
  private static final int STRIDE = 16;
  private static final int HITS = 0;
  private static final int MISSES = 1;
  private static final VarHandle CELLS = MethodHandles.arrayElementVarHandle(long[].class);

  private final long[] cells = new long[(STRIPES + 1) * STRIDE];

  void hit() {
    increment(HITS);
  }

  void miss() {
    increment(MISSES);
  }

  long hits() {
    return sum(HITS);
  }

  long misses() {
    return sum(MISSES);
  }

  private void increment(int which) {
    // Stripe 0 starts one stride in: the array header's line is not shared with a hot stripe.
    int index = (((int) Thread.currentThread().getId() & (STRIPES - 1)) + 1) * STRIDE + which;
    CELLS.setOpaque(cells, index, (long) CELLS.getOpaque(cells, index) + 1);
  }

  private long sum(int which) {
    long total = 0;
    for (int stripe = 1; stripe <= STRIPES; stripe++) {
      total += (long) CELLS.getOpaque(cells, stripe * STRIDE + which);
    }
    return total;
  }
}
