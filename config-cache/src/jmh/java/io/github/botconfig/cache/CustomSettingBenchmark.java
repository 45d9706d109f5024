package io.github.botconfig.cache;

import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.CustomValues;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.SettingKey;
import io.github.botconfig.domain.SettingType;
import io.github.botconfig.domain.SettingsSchema;
import io.github.botconfig.domain.testing.InMemoryConfigStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
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
 * The message path with a project's own setting keys: {@link ConfigCache#findChannel} over channels
 * that each hold four custom values, against the same lookup over channels that hold none, and a
 * custom value read from the found channel against a built-in option read — all in one run, so the
 * figures compare on the same machine. Values are made as a store decodes them ({@link
 * CustomValues#builder}, the schema's order). Run (see docs/performance.md):
 *
 * <pre>
 * mvn -B -Pbench -pl config-cache -am test-compile
 * java -cp "config-cache/target/test-classes:config-cache/target/classes:$(cat config-cache/target/bench.classpath)" \
 *   org.openjdk.jmh.Main CustomSettingBenchmark -prof gc -f 1 -wi 3 -w 1s -i 5 -r 1s -t 1
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CustomSettingBenchmark {
  private static final GuildId GUILD = GuildId.of(1180586412434817024L);

  enum Language {
    EN,
    FR
  }

  static final SettingKey<Long> SLOWMODE =
      SettingKey.channel("slowmodeSeconds", SettingType.integer(0, 21_600))
          .defaultValue(0L)
          .build();
  static final SettingKey<Language> LANGUAGE =
      SettingKey.channel("language", SettingType.enumOf(Language.class))
          .defaultValue(Language.EN)
          .build();
  static final SettingKey<Boolean> FORWARD =
      SettingKey.channel("forward", SettingType.bool()).build();
  static final SettingKey<Optional<Long>> LOG_CHANNEL =
      SettingKey.channel("logChannel", SettingType.optional(SettingType.snowflake())).build();

  /** Declared, never stored: reads its default. */
  static final SettingKey<Duration> DELAY =
      SettingKey.channel("deleteAfter", SettingType.duration(Duration.ZERO, Duration.ofHours(1)))
          .defaultValue(Duration.ofSeconds(30))
          .build();

  static final SettingsSchema SCHEMA =
      SettingsSchema.of(SLOWMODE, LANGUAGE, FORWARD, LOG_CHANNEL, DELAY);

  @Param({"10000"})
  int entries;

  private ConfigCache plain;
  private ConfigCache custom;
  private long[] hits;
  private long[] misses;
  private int mask;

  /** Where one benchmark thread is in the key arrays. */
  @State(Scope.Thread)
  public static class Cursor {
    int next;

    int advance(int mask) {
      return next = (next + 1) & mask;
    }
  }

  @Setup(Level.Trial)
  public void setUp() {
    Random random = new Random(entries);
    List<Long> tracked = new ArrayList<>();
    InMemoryConfigStore plainStore = new InMemoryConfigStore();
    InMemoryConfigStore customStore = new InMemoryConfigStore();
    for (int i = 0; i < entries; i++) {
      long id = (1L << 60) + random.nextInt(1 << 30) * 1024L + i;
      tracked.add(id);
      plainStore.saveChannel(ChannelConfig.of(GUILD, ChannelId.of(id)));
      CustomValues values =
          CustomValues.builder(SCHEMA, SettingKey.Scope.CHANNEL)
              .stored(SLOWMODE, (long) (i % 600))
              .stored(LANGUAGE, i % 2 == 0 ? Language.EN : Language.FR)
              .stored(FORWARD, i % 3 == 0)
              .stored(LOG_CHANNEL, Optional.of(id + 1))
              .build();
      customStore.saveChannel(
          ChannelConfig.builder()
              .guildId(GUILD)
              .channelId(ChannelId.of(id))
              .pin(i % 2 == 0)
              .custom(values)
              .build());
    }
    plain = started(plainStore);
    custom = started(customStore);
    int length = Integer.highestOneBit(entries * 2 - 1) << 1;
    mask = length - 1;
    hits = new long[length];
    misses = new long[length];
    Collections.shuffle(tracked, random);
    for (int i = 0; i < length; i++) {
      hits[i] = tracked.get(i % entries);
      misses[i] = (1L << 61) + i;
    }
  }

  private static ConfigCache started(InMemoryConfigStore store) {
    ConfigCache cache = ConfigCache.builder(store).changePollInterval(Duration.ZERO).build();
    if (!cache.start().isLoaded()) {
      throw new IllegalStateException("the cache did not load: " + cache.status());
    }
    return cache;
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    plain.close();
    custom.close();
  }

  /** Baseline: the message path's lookup over channels without custom values. */
  @Benchmark
  public Optional<ChannelConfig> findChannelWithoutCustomKeys(Cursor cursor) {
    return plain.findChannel(hits[cursor.advance(mask)]);
  }

  @Benchmark
  public Optional<ChannelConfig> findChannelWithCustomKeys(Cursor cursor) {
    return custom.findChannel(hits[cursor.advance(mask)]);
  }

  @Benchmark
  public Optional<ChannelConfig> findChannelMissWithCustomKeys(Cursor cursor) {
    return custom.findChannel(misses[cursor.advance(mask)]);
  }

  /** Baseline: a built-in option of the found channel. */
  @Benchmark
  public boolean readBuiltInOption(Cursor cursor) {
    Optional<ChannelConfig> channel = custom.findChannel(hits[cursor.advance(mask)]);
    return channel.isPresent() && channel.get().pin();
  }

  @Benchmark
  public long readCustomValue(Cursor cursor) {
    Optional<ChannelConfig> channel = custom.findChannel(hits[cursor.advance(mask)]);
    return channel.isPresent() ? channel.get().get(SLOWMODE) : -1;
  }

  @Benchmark
  public Object readCustomEnumValue(Cursor cursor) {
    Optional<ChannelConfig> channel = custom.findChannel(hits[cursor.advance(mask)]);
    return channel.isPresent() ? channel.get().get(LANGUAGE) : Language.EN;
  }

  /** A declared key the channel never stored: its default. */
  @Benchmark
  public Object readCustomDefault(Cursor cursor) {
    Optional<ChannelConfig> channel = custom.findChannel(hits[cursor.advance(mask)]);
    return channel.isPresent() ? channel.get().get(DELAY) : Duration.ZERO;
  }
}
