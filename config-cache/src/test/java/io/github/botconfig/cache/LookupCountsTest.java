package io.github.botconfig.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class LookupCountsTest {

  @Test
  void countsHitsAndMissesApart() {
    long[] counts = LookupCounts.newCounts();
    for (int i = 0; i < 1000; i++) {
      LookupCounts.hit(counts);
    }
    LookupCounts.miss(counts);

    assertThat(LookupCounts.hits(counts)).isEqualTo(1000);
    assertThat(LookupCounts.misses(counts)).isEqualTo(1);
  }

  @Test
  void threadsOnDifferentStripesLoseNoCount() throws InterruptedException {
    long[] counts = LookupCounts.newCounts();
    CountDownLatch start = new CountDownLatch(1);
    Runnable count =
        () -> {
          try {
            start.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          for (int i = 0; i < 1_000_000; i++) {
            LookupCounts.hit(counts);
          }
        };
    // Two threads created one after the other have consecutive ids, hence different stripes.
    Thread a = new Thread(count);
    Thread b = new Thread(count);
    a.start();
    b.start();
    start.countDown();
    a.join();
    b.join();

    assertThat(LookupCounts.hits(counts)).isEqualTo(2_000_000);
  }
}
