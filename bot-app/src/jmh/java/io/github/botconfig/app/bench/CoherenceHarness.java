package io.github.botconfig.app.bench;

import io.github.botconfig.app.simulate.CostModel;
import io.github.botconfig.cache.CacheListener;
import io.github.botconfig.cache.ConfigCache;
import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.ConfigKey;
import io.github.botconfig.domain.ConfigSnapshot;
import io.github.botconfig.domain.RecentChanges;
import io.github.botconfig.domain.testing.ForwardingConfigStore;
import io.github.botconfig.dynamodb.DynamoDbClients;
import io.github.botconfig.dynamodb.DynamoDbConfigStore;
import io.github.botconfig.dynamodb.RequestMetrics;
import io.github.botconfig.dynamodb.TableProvisioner;
import io.github.botconfig.dynamodb.testing.LocalDynamoDb;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Coherence between processes, today's design and the change feed side by side in the same run: at
 * 100 to 100,000 channels, with 2 and 4 processes on one dynalite table (each a cache over its own
 * client and {@link RequestMetrics}, as separate processes would be), one process changes channels
 * at random moments through its cache and every other process records when each change shows in its
 * cache. Reported per design: read units each other process used per change (Scan pages for a full
 * reload; GetItems for the feed), read units of one idle poll and what polling costs an idle
 * process a month, and the staleness distribution (p50, p99, max). Not a test: a harness, never run
 * by {@code mvn verify}.
 *
 * <pre>
 * mvn -B -Pbench -pl bot-app -am test-compile
 * java -cp "bot-app/target/test-classes:bot-app/target/classes:$(cat bot-app/target/bench.classpath)" \
 *   io.github.botconfig.app.bench.CoherenceHarness --sizes 100,10000,100000 --processes 2,4 \
 *   --changes 20 --csv coherence.csv
 * </pre>
 *
 * <p>"marker" is today's design before the feed: a store that offers no feed (the cache then reads
 * the change marker, strongly consistent, every 30 s and reloads everything when it moved). "feed"
 * is the default now: one eventually consistent Query every 5 s, one GetItem per changed key.
 */
public final class CoherenceHarness {
  private static final Duration MARKER_POLL = Duration.ofSeconds(30);
  private static final Duration FEED_POLL = Duration.ofSeconds(5);

  private CoherenceHarness() {}

  /** One design at one size and process count. */
  record Run(
      String design,
      int channels,
      int processes,
      int changes,
      double readUnitsPerChange,
      double idlePollReadUnits,
      double pollDollarsPerMonth,
      double p50,
      double p99,
      double max,
      long gaps,
      int unseen) {}

  public static void main(String[] args) throws Exception {
    int[] sizes = {100, 10_000, 100_000};
    int[] processes = {2, 4};
    int changes = 20;
    List<String> designs = List.of("marker", "feed");
    Path csv = null;
    for (int i = 0; i < args.length; i += 2) {
      switch (args[i]) {
        case "--sizes" -> sizes = ints(args[i + 1]);
        case "--processes" -> processes = ints(args[i + 1]);
        case "--changes" -> changes = Integer.parseInt(args[i + 1]);
        case "--designs" -> designs = List.of(args[i + 1].split(","));
        case "--csv" -> csv = Path.of(args[i + 1]);
        default ->
            throw new IllegalArgumentException(
                "unknown option "
                    + args[i]
                    + " (--sizes 100,10000 --processes 2,4 --changes 20 --designs marker,feed"
                    + " --csv FILE)");
      }
    }
    List<Run> runs = new ArrayList<>();
    try (LocalDynamoDb dynamo = LocalDynamoDb.startDynalite()) {
      for (int size : sizes) {
        String table = "coherence-" + size;
        try (DynamoDbClient client = client(dynamo, new RequestMetrics())) {
          TableProvisioner.builder().client(client).tableName(table).build().createIfMissing();
          SyntheticTable.fill(client, table, size);
        }
        for (int p : processes) {
          for (String design : designs) {
            Run run = run(dynamo, table, size, p, design, changes);
            runs.add(run);
            System.out.println(line(run));
          }
        }
      }
    }
    System.out.println();
    System.out.println(
        "design  channels  processes  changes  RRU/change/process  idle poll RRU  poll $/month"
            + "  staleness p50 s  p99 s  max s  gaps  unseen");
    runs.forEach(r -> System.out.println(line(r)));
    if (csv != null) {
      try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(csv))) {
        out.println(
            "design,channels,processes,changes,read_units_per_change,idle_poll_read_units,"
                + "poll_dollars_per_month,p50_s,p99_s,max_s,gaps,unseen");
        for (Run r : runs) {
          out.printf(
              Locale.ROOT,
              "%s,%d,%d,%d,%.2f,%.2f,%.4f,%.3f,%.3f,%.3f,%d,%d%n",
              r.design(),
              r.channels(),
              r.processes(),
              r.changes(),
              r.readUnitsPerChange(),
              r.idlePollReadUnits(),
              r.pollDollarsPerMonth(),
              r.p50(),
              r.p99(),
              r.max(),
              r.gaps(),
              r.unseen());
        }
      }
    }
  }

  private static String line(Run r) {
    return String.format(
        Locale.ROOT,
        "%-6s  %,8d  %9d  %7d  %18.2f  %13.2f  %12.4f  %15.2f  %5.2f  %5.2f  %4d  %6d",
        r.design(),
        r.channels(),
        r.processes(),
        r.changes(),
        r.readUnitsPerChange(),
        r.idlePollReadUnits(),
        r.pollDollarsPerMonth(),
        r.p50(),
        r.p99(),
        r.max(),
        r.gaps(),
        r.unseen());
  }

  private static DynamoDbClient client(LocalDynamoDb dynamo, RequestMetrics metrics) {
    return DynamoDbClients.builder()
        .endpointOverride(dynamo.endpoint())
        .metrics(metrics)
        .apiCallAttemptTimeout(Duration.ofMinutes(2))
        .apiCallTimeout(Duration.ofMinutes(5))
        .build();
  }

  /** One process: its client, metrics, metered store and cache. */
  private static final class Process implements AutoCloseable {
    final RequestMetrics metrics = new RequestMetrics();
    final DynamoDbClient client;
    final MeteredStore store;
    final ConfigCache cache;

    /**
     * When each channel version showed here (System.nanoTime), in order: a version that a later one
     * replaced before this process looked is shown by the later one.
     */
    final List<long[]> seen = new CopyOnWriteArrayList<>();

    Process(LocalDynamoDb dynamo, String table, boolean feed) {
      client = client(dynamo, metrics);
      store =
          new MeteredStore(
              DynamoDbConfigStore.builder().client(client).tableName(table).build(), metrics, feed);
      cache =
          ConfigCache.builder(store)
              .changePollInterval(feed ? FEED_POLL : MARKER_POLL)
              .refreshInterval(Duration.ofHours(6))
              .initialLoadWait(Duration.ofMinutes(5))
              .listener(
                  new CacheListener() {
                    @Override
                    public void onChannelChanged(
                        ChannelId channelId,
                        Optional<ChannelConfig> before,
                        Optional<ChannelConfig> after) {
                      long now = System.nanoTime();
                      after.ifPresent(
                          c -> seen.add(new long[] {c.channelId().value(), c.version(), now}));
                    }
                  })
              .build();
      cache.start();
    }

    @Override
    public void close() {
      cache.close();
      client.close();
    }
  }

  private static Run run(
      LocalDynamoDb dynamo, String table, int channels, int processes, String design, int changes)
      throws InterruptedException {
    boolean feed = design.equals("feed");
    List<Process> all = new ArrayList<>();
    try {
      for (int i = 0; i < processes; i++) {
        all.add(new Process(dynamo, table, feed));
      }
      Process writer = all.get(0);
      List<Process> others = all.subList(1, all.size());
      // Idle: what one poll costs, with nothing to read.
      double idleUnits = others.get(0).store.pollUnitsOfOne();
      others.forEach(p -> p.store.reset());
      Random random = new Random(channels * 31L + processes);
      List<long[]> written = new ArrayList<>();
      for (int n = 0; n < changes; n++) {
        Thread.sleep(500 + random.nextInt(2_500));
        ChannelId id = ChannelId.of(SyntheticTable.channelId(random.nextInt(channels)));
        ChannelConfig current = writer.cache.findChannel(id).orElseThrow();
        ChannelConfig saved = writer.cache.saveChannel(current.withPin(!current.pin()));
        written.add(new long[] {saved.channelId().value(), saved.version(), System.nanoTime()});
      }
      Duration wait = (feed ? FEED_POLL.plusSeconds(12) : MARKER_POLL.plusSeconds(30));
      long deadline = System.nanoTime() + wait.toNanos();
      while (System.nanoTime() < deadline && !allSeen(others, written)) {
        Thread.sleep(100);
      }
      List<Double> staleness = new ArrayList<>();
      int unseen = 0;
      for (Process p : others) {
        for (long[] w : written) {
          Long at = shownAt(p, w);
          if (at == null) {
            unseen++;
          } else {
            staleness.add(Math.max(0, at - w[2]) / 1e9);
          }
        }
      }
      double changeUnits =
          others.stream().mapToDouble(p -> p.store.changeUnits).sum() / others.size() / changes;
      long gaps = others.stream().mapToLong(p -> p.cache.stats().changeGaps()).sum();
      double[] sorted = staleness.stream().mapToDouble(Double::doubleValue).sorted().toArray();
      Duration poll = feed ? FEED_POLL : MARKER_POLL;
      return new Run(
          design,
          channels,
          processes,
          changes,
          changeUnits,
          idleUnits,
          CostModel.reads(idleUnits * CostModel.perMonth(poll)),
          percentile(sorted, 0.50),
          percentile(sorted, 0.99),
          sorted.length == 0 ? 0 : sorted[sorted.length - 1],
          gaps,
          unseen);
    } finally {
      all.forEach(Process::close);
    }
  }

  private static boolean allSeen(List<Process> others, List<long[]> written) {
    return others.stream().allMatch(p -> written.stream().allMatch(w -> shownAt(p, w) != null));
  }

  /** When {@code p} first held this version of the channel, or a later one; null if never. */
  private static Long shownAt(Process p, long[] write) {
    for (long[] shown : p.seen) {
      if (shown[0] == write[0] && shown[1] >= write[1]) {
        return shown[2];
      }
    }
    return null;
  }

  /** Nearest rank. */
  private static double percentile(double[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    int rank = (int) Math.ceil(p * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  private static int[] ints(String list) {
    return Arrays.stream(list.split(",")).mapToInt(Integer::parseInt).toArray();
  }

  /**
   * The store as one process sees it, metering read units by purpose: polls (the feed or the
   * marker) and reads caused by changes (the changed keys, or whole reloads). With {@code feed}
   * false it hides the DynamoDB store's feed: the cache then works as it did before the feed. The
   * cache calls it from one thread, so a difference of snapshots around a call is that call's.
   */
  private static final class MeteredStore extends ForwardingConfigStore {
    private final DynamoDbConfigStore store;
    private final RequestMetrics metrics;
    private final boolean feed;
    volatile double changeUnits;
    volatile double pollUnits;
    private volatile boolean loaded;

    MeteredStore(DynamoDbConfigStore store, RequestMetrics metrics, boolean feed) {
      super(store);
      this.store = store;
      this.metrics = metrics;
      this.feed = feed;
    }

    void reset() {
      changeUnits = 0;
      pollUnits = 0;
    }

    double pollUnitsOfOne() {
      double before = metrics.snapshot().readCapacityUnits();
      if (feed) {
        long position = store.changeFeedPosition().orElseThrow();
        before = metrics.snapshot().readCapacityUnits();
        store.changesAfter(position);
        return metrics.snapshot().readCapacityUnits() - before;
      }
      return measure(store::changeMarker);
    }

    private double measure(Supplier<?> call) {
      double before = metrics.snapshot().readCapacityUnits();
      Object unused = call.get(); // only its read units matter
      return metrics.snapshot().readCapacityUnits() - before;
    }

    private <T> T poll(Supplier<T> call) {
      double before = metrics.snapshot().readCapacityUnits();
      T result = call.get();
      pollUnits += metrics.snapshot().readCapacityUnits() - before;
      return result;
    }

    private <T> T change(Supplier<T> call) {
      double before = metrics.snapshot().readCapacityUnits();
      T result = call.get();
      changeUnits += metrics.snapshot().readCapacityUnits() - before;
      return result;
    }

    @Override
    public Optional<RecentChanges> changesAfter(long position) {
      return feed ? poll(() -> store.changesAfter(position)) : Optional.empty();
    }

    @Override
    public ConfigSnapshot read(Collection<ConfigKey> keys) {
      return change(() -> store.read(keys));
    }

    @Override
    public ConfigSnapshot loadAll() {
      if (!loaded) {
        loaded = true;
        return store.loadAll(); // the first load is start-up, not a change
      }
      return change(store::loadAll);
    }

    @Override
    public OptionalLong changeFeedPosition() {
      return feed ? poll(store::changeFeedPosition) : OptionalLong.empty();
    }

    @Override
    public long changeMarker() {
      // Before each load the marker is read too; it is charged to polling either way.
      return poll(store::changeMarker);
    }
  }
}
