package io.github.botconfig.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class LookupCounterTest {

  @Test
  void countsHitsAndMissesApart() {
    LookupCounter counter = new LookupCounter();
    for (int i = 0; i < 1000; i++) {
      counter.hit();
    }
    counter.miss();

    assertThat(counter.hits()).isEqualTo(1000);
    assertThat(counter.misses()).isEqualTo(1);
  }

  @Test
  void threadsOnDifferentStripesLoseNoCount() throws InterruptedException {
    LookupCounter counter = new LookupCounter();
    CountDownLatch start = new CountDownLatch(1);
    Runnable count = () -> {
      try {
        start.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      for (int i = 0; i < 1_000_000; i++) {
        counter.hit();
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

    assertThat(counter.hits()).isEqualTo(2_000_000);
  }
}
