package io.github.botconfig.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.testing.InMemoryConfigStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
 * The per-message lookup: {@link ConfigCache#findChannel} against the maps one could use instead,
 * on the same keys — a hit (tracked channel) and a miss (untracked channel, most of the traffic).
 *
 * <p>Keys are visited in a shuffled order over all entries, so large tables pay their cache misses.
 * The maps are given freshly boxed {@code Long} keys, as a bot boxing {@code getIdLong()} would (a
 * key identical to the stored one would skip {@code equals}). Run (see docs/performance.md):
 *
 * <pre>
 * mvn -B -Pbench -pl config-cache -am test-compile
 * java -cp "config-cache/target/test-classes:config-cache/target/classes:$(cat config-cache/target/bench.classpath)" \
 *   org.openjdk.jmh.Main FindChannelBenchmark -prof gc -f 1 -wi 3 -w 1s -i 5 -r 1s -t 1
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class FindChannelBenchmark {
  private static final GuildId GUILD = GuildId.of(1180586412434817024L);

  @Param({"100", "10000", "100000"})
  int entries;

  private ConfigCache cache;
  private ChannelTable table;
  private Map<Long, ChannelConfig> hashMap;
  private ConcurrentHashMap<Long, ChannelConfig> concurrentHashMap;
  private Cache<Long, ChannelConfig> caffeine;
  private Cache<Long, ChannelConfig> caffeineBounded;

  /** Lookup keys, a power of two of them, each tracked id at least once, in shuffled order. */
  private ChannelId[] hitIds;

  private ChannelId[] missIds;
  private Long[] hitKeys;
  private Long[] missKeys;
  private long[] hitSnowflakes;
  private long[] missSnowflakes;
  private int mask;

  /** Where one benchmark thread is in the key arrays; threads start apart. */
  @State(Scope.Thread)
  public static class Cursor {
    private static int threads;
    int next;

    @Setup(Level.Trial)
    public void spread() {
      synchronized (Cursor.class) {
        next = (threads++) * 7919;
      }
    }

    int advance(int mask) {
      return next = (next + 1) & mask;
    }
  }

  @Setup(Level.Trial)
  public void setUp() {
    Random random = new Random(entries);
    Set<Long> tracked = new HashSet<>();
    while (tracked.size() < entries) {
      tracked.add(snowflake(random));
    }
    List<Long> untracked = new ArrayList<>();
    while (untracked.size() < entries) {
      long id = snowflake(random);
      if (!tracked.contains(id)) {
        untracked.add(id);
      }
    }

    InMemoryConfigStore store = new InMemoryConfigStore();
    hashMap = new HashMap<>();
    concurrentHashMap = new ConcurrentHashMap<>();
    caffeine = Caffeine.newBuilder().build();
    caffeineBounded = Caffeine.newBuilder().maximumSize(2L * entries).build();
    List<ChannelConfig> configs = new ArrayList<>();
    for (long id : tracked) {
      ChannelConfig config = store.saveChannel(ChannelConfig.of(GUILD, ChannelId.of(id)));
      configs.add(config);
      hashMap.put(id, config);
      concurrentHashMap.put(id, config);
      caffeine.put(id, config);
      caffeineBounded.put(id, config);
    }
    caffeineBounded.cleanUp();
    table = ChannelTable.of(configs);
    cache = ConfigCache.builder(store).changePollInterval(Duration.ZERO).build();
    if (!cache.start().isLoaded()) {
      throw new IllegalStateException("the cache did not load: " + cache.status());
    }

    int length = Integer.highestOneBit(entries * 2 - 1) << 1;
    mask = length - 1;
    hitIds = new ChannelId[length];
    missIds = new ChannelId[length];
    hitKeys = new Long[length];
    missKeys = new Long[length];
    hitSnowflakes = new long[length];
    missSnowflakes = new long[length];
    List<Long> hits = new ArrayList<>(tracked);
    Collections.shuffle(hits, random);
    Collections.shuffle(untracked, random);
    for (int i = 0; i < length; i++) {
      long hit = hits.get(i % entries);
      long miss = untracked.get(i % entries);
      hitIds[i] = ChannelId.of(hit);
      missIds[i] = ChannelId.of(miss);
      hitKeys[i] =
          Long.valueOf(hit); // snowflakes are far above Long's small-value cache: a new box each
      missKeys[i] = Long.valueOf(miss);
      hitSnowflakes[i] = hit;
      missSnowflakes[i] = miss;
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    cache.close();
  }

  /** A plausible snowflake: 2021–2026 timestamp bits, random low bits. */
  private static long snowflake(Random random) {
    long millisSinceDiscordEpoch =
        1_609_459_200_000L - 1_420_070_400_000L + (long) (random.nextDouble() * 1.6e11);
    return (millisSinceDiscordEpoch << 22) | random.nextInt(1 << 22);
  }

  @Benchmark
  public Optional<ChannelConfig> cacheHit(Cursor cursor) {
    return cache.findChannel(hitIds[cursor.advance(mask)]);
  }

  @Benchmark
  public Optional<ChannelConfig> cacheMiss(Cursor cursor) {
    return cache.findChannel(missIds[cursor.advance(mask)]);
  }

  /**
   * The bot's own call: the message path has the bare snowflake from JDA ({@code
   * findChannel(long)}).
   */
  @Benchmark
  public Optional<ChannelConfig> cacheHitBySnowflake(Cursor cursor) {
    return cache.findChannel(hitSnowflakes[cursor.advance(mask)]);
  }

  @Benchmark
  public Optional<ChannelConfig> cacheMissBySnowflake(Cursor cursor) {
    return cache.findChannel(missSnowflakes[cursor.advance(mask)]);
  }

  /**
   * The cache's table alone: no volatile read, no hit/miss counting. The difference is what those
   * cost.
   */
  @Benchmark
  public Optional<ChannelConfig> tableHit(Cursor cursor) {
    return table.get(hitIds[cursor.advance(mask)].value());
  }

  @Benchmark
  public Optional<ChannelConfig> tableMiss(Cursor cursor) {
    return table.get(missIds[cursor.advance(mask)].value());
  }

  @Benchmark
  public ChannelConfig hashMapHit(Cursor cursor) {
    return hashMap.get(hitKeys[cursor.advance(mask)]);
  }

  @Benchmark
  public ChannelConfig hashMapMiss(Cursor cursor) {
    return hashMap.get(missKeys[cursor.advance(mask)]);
  }

  @Benchmark
  public ChannelConfig concurrentHashMapHit(Cursor cursor) {
    return concurrentHashMap.get(hitKeys[cursor.advance(mask)]);
  }

  @Benchmark
  public ChannelConfig concurrentHashMapMiss(Cursor cursor) {
    return concurrentHashMap.get(missKeys[cursor.advance(mask)]);
  }

  @Benchmark
  public ChannelConfig caffeineHit(Cursor cursor) {
    return caffeine.getIfPresent(hitKeys[cursor.advance(mask)]);
  }

  @Benchmark
  public ChannelConfig caffeineMiss(Cursor cursor) {
    return caffeine.getIfPresent(missKeys[cursor.advance(mask)]);
  }

  @Benchmark
  public ChannelConfig caffeineBoundedHit(Cursor cursor) {
    return caffeineBounded.getIfPresent(hitKeys[cursor.advance(mask)]);
  }

  @Benchmark
  public ChannelConfig caffeineBoundedMiss(Cursor cursor) {
    return caffeineBounded.getIfPresent(missKeys[cursor.advance(mask)]);
  }
}
