package io.github.botconfig.app.bench;

import io.github.botconfig.app.simulate.CostModel;
import io.github.botconfig.cache.CacheStatus;
import io.github.botconfig.cache.ConfigCache;
import io.github.botconfig.dynamodb.DynamoDbClients;
import io.github.botconfig.dynamodb.DynamoDbConfigStore;
import io.github.botconfig.dynamodb.RequestMetrics;
import io.github.botconfig.dynamodb.RequestStats;
import io.github.botconfig.dynamodb.TableProvisioner;
import io.github.botconfig.dynamodb.testing.LocalDynamoDb;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Start-up at 100 to 100,000 tracked channels (plus the settings of their guilds, three channels a
 * guild): the time from {@link ConfigCache#start()} to {@code READY}, loading from dynalite with 1,
 * 2 and 4 parallel scan segments, and what it asked DynamoDB for (Scan pages, read units, as {@link
 * RequestMetrics} counts them). Also the read units of one change-marker poll, what the default
 * 30-minute refresh and 30-second poll cost a month at that size (read units and on-demand dollars,
 * {@link CostModel}), and the heap the loaded cache retains. Not a test: a harness, never run by
 * {@code mvn verify}.
 *
 * <pre>
 * mvn -B -Pbench -pl bot-app -am test-compile
 * java -cp "bot-app/target/test-classes:bot-app/target/classes:$(cat bot-app/target/bench.classpath)" \
 *   io.github.botconfig.app.bench.StartupHarness --sizes 100,10000,100000 --segments 1,2,4 --rounds 3 \
 *   --csv startup.csv
 * </pre>
 *
 * <p>Each size gets its own table, filled once; then every round starts one cache per segment
 * count, in turn, so that a slow moment of the machine does not fall on one segment count only.
 */
public final class StartupHarness {
  /** The defaults a month's cost is computed for (docs/configuration.md). */
  private static final Duration REFRESH = Duration.ofMinutes(30);

  private static final Duration POLL = Duration.ofSeconds(30);

  private StartupHarness() {}

  /** One start of a cache. */
  record Run(
      int channels,
      int guilds,
      int segments,
      int round,
      double seconds,
      long scanPages,
      double readUnits,
      double pollReadUnits,
      long retainedBytes) {}

  public static void main(String[] args) throws IOException {
    int[] sizes = {100, 10_000, 100_000};
    int[] segments = {1, 2, 4};
    int rounds = 3;
    Path csv = null;
    for (int i = 0; i < args.length; i += 2) {
      switch (args[i]) {
        case "--sizes" -> sizes = ints(args[i + 1]);
        case "--segments" -> segments = ints(args[i + 1]);
        case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
        case "--csv" -> csv = Path.of(args[i + 1]);
        default ->
            throw new IllegalArgumentException(
                "unknown option "
                    + args[i]
                    + " (--sizes 100,10000 --segments 1,2,4 --rounds 3 --csv FILE)");
      }
    }
    List<Run> runs = new ArrayList<>();
    RequestMetrics metrics = new RequestMetrics();
    try (LocalDynamoDb dynamo = LocalDynamoDb.startDynalite();
        DynamoDbClient client =
            DynamoDbClients.builder()
                .endpointOverride(dynamo.endpoint())
                .metrics(metrics)
                .apiCallAttemptTimeout(Duration.ofMinutes(2))
                .apiCallTimeout(Duration.ofMinutes(5))
                .build()) {
      for (int size : sizes) {
        String table = "startup-" + size;
        TableProvisioner.builder().client(client).tableName(table).build().createIfMissing();
        long fillStart = System.nanoTime();
        int items = SyntheticTable.fill(client, table, size);
        System.out.printf(
            Locale.ROOT,
            "%s: %,d items written in %.1f s%n",
            table,
            items,
            (System.nanoTime() - fillStart) / 1e9);
        for (int round = 1; round <= rounds; round++) {
          for (int segmentCount : segments) {
            Run run = start(client, metrics, table, size, segmentCount, round);
            runs.add(run);
            System.out.printf(
                Locale.ROOT,
                "  %,7d channels, %d segment(s), round %d: READY in %.3f s, %d Scan pages, %.1f read units%n",
                size,
                segmentCount,
                round,
                run.seconds(),
                run.scanPages(),
                run.readUnits());
          }
        }
      }
    }
    summarize(runs);
    if (csv != null) {
      writeCsv(csv, runs);
    }
  }

  private static Run start(
      DynamoDbClient client,
      RequestMetrics metrics,
      String table,
      int channels,
      int segments,
      int round) {
    DynamoDbConfigStore store =
        DynamoDbConfigStore.builder()
            .client(client)
            .tableName(table)
            .scanSegments(segments)
            .build();
    long heapBefore = round == 1 ? usedHeapAfterGc() : 0;
    ConfigCache cache =
        ConfigCache.builder(store)
            .changePollInterval(Duration.ZERO)
            .refreshInterval(Duration.ofDays(1))
            .initialLoadWait(Duration.ofMinutes(5))
            .build();
    try {
      RequestStats before = metrics.snapshot();
      long started = System.nanoTime();
      CacheStatus status = cache.start();
      double seconds = (System.nanoTime() - started) / 1e9;
      RequestStats load = metrics.snapshot().since(before);
      if (status.state() != CacheStatus.State.READY || cache.stats().channels() != channels) {
        throw new IllegalStateException(
            "the cache did not load " + channels + " channels: " + status + ", " + cache.stats());
      }
      long retained = round == 1 ? usedHeapAfterGc() - heapBefore : 0;
      RequestStats beforePoll = metrics.snapshot();
      store.changeMarker();
      double pollUnits = metrics.snapshot().since(beforePoll).readCapacityUnits();
      return new Run(
          channels,
          SyntheticTable.guildsFor(channels),
          segments,
          round,
          seconds,
          load.calls("Scan"),
          load.readCapacityUnits(),
          pollUnits,
          retained);
    } finally {
      cache.close();
    }
  }

  /** Heap in use after collections settle: what is still reachable. */
  private static long usedHeapAfterGc() {
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 4; i++) {
      System.gc();
      used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }
    return used;
  }

  private static void summarize(List<Run> runs) {
    System.out.println();
    System.out.println(
        "channels  guilds  segments  READY s (mean ± sd, min)  Scan pages  read units  poll units"
            + "  refresh $/month  poll $/month  retained B/channel");
    runs.stream()
        .map(r -> List.of(r.channels(), r.segments()))
        .distinct()
        .forEach(
            key -> {
              List<Run> same =
                  runs.stream()
                      .filter(r -> r.channels() == key.get(0) && r.segments() == key.get(1))
                      .toList();
              double[] seconds = same.stream().mapToDouble(Run::seconds).toArray();
              double mean = Arrays.stream(seconds).average().orElse(0);
              double sd =
                  Math.sqrt(
                      Arrays.stream(seconds).map(s -> (s - mean) * (s - mean)).sum()
                          / Math.max(1, seconds.length - 1));
              Run first = same.get(0);
              System.out.printf(
                  Locale.ROOT,
                  "%,8d  %,6d  %8d  %7.3f ± %.3f, %.3f  %10d  %10.1f  %10.1f  %15.4f  %12.4f  %18s%n",
                  first.channels(),
                  first.guilds(),
                  first.segments(),
                  mean,
                  sd,
                  Arrays.stream(seconds).min().orElse(0),
                  first.scanPages(),
                  first.readUnits(),
                  first.pollReadUnits(),
                  CostModel.reads(first.readUnits() * CostModel.perMonth(REFRESH)),
                  CostModel.reads(first.pollReadUnits() * CostModel.perMonth(POLL)),
                  first.retainedBytes() == 0
                      ? ""
                      : String.format(
                          Locale.ROOT, "%.0f", (double) first.retainedBytes() / first.channels()));
            });
  }

  private static void writeCsv(Path csv, List<Run> runs) throws IOException {
    try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(csv))) {
      out.println(
          "channels,guilds,segments,round,seconds,scan_pages,read_units,poll_read_units,retained_bytes");
      for (Run r : runs) {
        out.printf(
            Locale.ROOT,
            "%d,%d,%d,%d,%.4f,%d,%.1f,%.1f,%d%n",
            r.channels(),
            r.guilds(),
            r.segments(),
            r.round(),
            r.seconds(),
            r.scanPages(),
            r.readUnits(),
            r.pollReadUnits(),
            r.retainedBytes());
      }
    }
  }

  private static int[] ints(String list) {
    return Arrays.stream(list.split(",")).mapToInt(Integer::parseInt).toArray();
  }
}
