package io.github.botconfig.cache;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Lookups while the store is down cost what they cost with it up: a batch of {@link
 * CacheOutageTest#BATCH} lookups (one in ten a tracked channel, as {@link CacheOutageTest} sends
 * them) against a cache whose store is healthy ({@code UP}) or has been down since the last poll
 * ({@code DOWN}, the cache {@code STALE}). Sampled, so JMH prints the percentiles (p0.99 is the
 * figure docs/performance.md gives). Run:
 *
 * <pre>
 * mvn -B -Pbench -pl config-cache -am test-compile
 * java -cp "config-cache/target/test-classes:config-cache/target/classes:$(cat config-cache/target/bench.classpath)" \
 *   org.openjdk.jmh.Main OutageLookupBenchmark -f 1 -wi 3 -w 1s -i 5 -r 1s -t 1
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class OutageLookupBenchmark {

  /** Whether the store answers. */
  public enum Store {
    UP,
    DOWN
  }

  @Param({"UP", "DOWN"})
  Store store;

  private CacheHarness harness;
  private ConfigCache cache;
  private int round;

  @Setup(Level.Trial)
  public void setUp() {
    harness = new CacheHarness();
    harness.seed(CacheOutageTest.CHANNELS);
    cache = harness.loadedCache();
    if (store == Store.DOWN) {
      harness.store.goDown();
      harness.scheduler.advance(CacheHarness.POLL); // the poll fails: the outage is noticed
      if (cache.status().state() != CacheStatus.State.STALE) {
        throw new IllegalStateException("the cache did not notice the outage: " + cache.status());
      }
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    harness.close();
  }

  @Benchmark
  public long batchOfLookups() {
    return CacheOutageTest.lookUpBatch(cache, round++ & 0xFF);
  }
}
