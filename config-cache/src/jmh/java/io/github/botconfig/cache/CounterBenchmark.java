package io.github.botconfig.cache;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * What counting a hit costs: the cache's {@link LookupCounts} against {@link LongAdder} and {@link
 * AtomicLong}, shared by all benchmark threads (run with {@code -t 1} and {@code -t 2}). See
 * docs/performance.md.
 *
 * <pre>
 * java -cp "..." org.openjdk.jmh.Main CounterBenchmark -f 1 -wi 3 -w 1s -i 5 -r 1s -t 2
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CounterBenchmark {
  private final long[] lookupCounts = LookupCounts.newCounts();
  private final LongAdder longAdder = new LongAdder();
  private final AtomicLong atomicLong = new AtomicLong();

  @Benchmark
  public void lookupCounts() {
    LookupCounts.hit(lookupCounts);
  }

  @Benchmark
  public void longAdder() {
    longAdder.increment();
  }

  @Benchmark
  public long atomicLong() {
    return atomicLong.incrementAndGet();
  }
}
