package io.github.botconfig.cache;

import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.GuildSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

/**
 * What a write through the cache costs the cache (the store's own time aside): a new snapshot with
 * one channel updated, copied from the current one. Channels are spread over guilds of 20. See
 * docs/performance.md.
 *
 * <pre>
 * java -cp "..." org.openjdk.jmh.Main SnapshotWriteBenchmark -f 1 -wi 3 -w 1s -i 5 -r 1s
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SnapshotWriteBenchmark {
  @Param({"100", "10000", "100000"})
  int entries;

  private CacheSnapshot current;
  private ChannelConfig update;

  @Setup(Level.Trial)
  public void setUp() {
    List<ChannelConfig> channels = new ArrayList<>();
    for (int i = 1; i <= entries; i++) {
      channels.add(
          ChannelConfig.of(GuildId.of(1 + i / 20), ChannelId.of(1_000_000L + i)).withVersion(1));
    }
    current =
        CacheSnapshot.complete(
            channels,
            Map.of(GuildId.of(1), GuildSettings.defaults(GuildId.of(1))),
            Map.of(),
            List.of());
    update = channels.get(entries / 2).withPin(true).withVersion(2);
  }

  @Benchmark
  public CacheSnapshot saveOneChannel() {
    return current.withChannel(update);
  }
}
