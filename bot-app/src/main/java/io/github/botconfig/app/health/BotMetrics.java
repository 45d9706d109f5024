package io.github.botconfig.app.health;

import io.github.botconfig.cache.CacheStats;
import io.github.botconfig.cache.CacheStatus;
import io.github.botconfig.cache.ConfigCache;
import io.github.botconfig.dynamodb.RequestMetrics;
import io.github.botconfig.dynamodb.RequestStats;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;
import net.dv8tion.jda.api.JDA;
import org.jspecify.annotations.Nullable;

/**
 * The bot's meters, in Prometheus text format: the cache's counters and status, DynamoDB request
 * accounting (calls and failures per operation, HTTP attempts, consumed capacity — what the bill is
 * made of), Discord shard statuses, and the JVM's memory, GC, threads and CPU.
 *
 * <p>Every value is read when scraped, from counters the cache and the DynamoDB client keep anyway:
 * nothing is added to the message path. Thread-safe.
 */
public final class BotMetrics implements AutoCloseable {
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final RequestMetrics requests;
  private final ShardView shards;
  private final JvmGcMetrics gc = new JvmGcMetrics();

  /**
   * Operations and shards appear as the bot runs: each gets its meters on the first scrape that
   * sees it.
   */
  private final Set<String> operations = ConcurrentHashMap.newKeySet();

  private final Set<Integer> knownShards = ConcurrentHashMap.newKeySet();

  public BotMetrics(ConfigCache cache, RequestMetrics requests, ShardView shards) {
    this.requests = requests;
    this.shards = shards;
    cacheMeters(cache);
    FunctionCounter.builder(
            "botconfig.dynamodb.attempts", requests, r -> r.snapshot().httpAttempts())
        .description("HTTP requests sent to DynamoDB, retries included")
        .register(registry);
    FunctionCounter.builder(
            "botconfig.dynamodb.consumed.read.units",
            requests,
            r -> r.snapshot().readCapacityUnits())
        .description("read capacity units DynamoDB reported as consumed")
        .register(registry);
    FunctionCounter.builder(
            "botconfig.dynamodb.consumed.write.units",
            requests,
            r -> r.snapshot().writeCapacityUnits())
        .description("write capacity units DynamoDB reported as consumed")
        .register(registry);
    new JvmMemoryMetrics().bindTo(registry);
    gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
  }

  private void cacheMeters(ConfigCache cache) {
    counter(
        cache,
        "botconfig.cache.lookups",
        "result",
        "hit",
        CacheStats::hits,
        "channel lookups answered from memory");
    counter(
        cache,
        "botconfig.cache.lookups",
        "result",
        "miss",
        CacheStats::misses,
        "channel lookups answered from memory");
    counter(
        cache,
        "botconfig.cache.fallback.reads",
        null,
        null,
        CacheStats::fallbackReads,
        "lookups sent to the table because no snapshot had loaded yet");
    counter(
        cache,
        "botconfig.cache.store.calls",
        null,
        null,
        CacheStats::storeCalls,
        "calls the cache made to the table: loads, change checks, fallback reads, writes");
    counter(
        cache, "botconfig.cache.loads", null, null, CacheStats::loads, "complete snapshots loaded");
    counter(
        cache,
        "botconfig.cache.failed.loads",
        null,
        null,
        CacheStats::failedLoads,
        "loads and change checks that failed");
    counter(
        cache,
        "botconfig.cache.changes.applied",
        null,
        null,
        CacheStats::changesApplied,
        "keys other processes changed, read from the table's change feed without a full load");
    counter(
        cache,
        "botconfig.cache.change.gaps",
        null,
        null,
        CacheStats::changeGaps,
        "full loads made because a change may have been missed (a record missing or pruned)");
    Gauge.builder("botconfig.cache.channels", cache, c -> c.stats().channels())
        .description("tracked channels held in memory")
        .register(registry);
    Gauge.builder("botconfig.cache.guild.settings", cache, c -> c.stats().guildSettings())
        .description("guilds whose settings are held in memory")
        .register(registry);
    Gauge.builder(
            "botconfig.cache.last.load", cache, c -> c.stats().lastLoadDuration().toNanos() / 1e9)
        .baseUnit("seconds")
        .description("how long the last successful load took")
        .register(registry);
    Gauge.builder(
            "botconfig.cache.staleness",
            cache,
            c -> c.status().age().map(age -> age.toNanos() / 1e9).orElse(Double.NaN))
        .baseUnit("seconds")
        .description("age of the snapshot in memory; NaN before the first load")
        .register(registry);
    for (CacheStatus.State state : CacheStatus.State.values()) {
      Gauge.builder("botconfig.cache.state", cache, c -> c.status().state() == state ? 1 : 0)
          .tag("state", state.name())
          .description("1 for the cache's current state")
          .register(registry);
    }
  }

  private void counter(
      ConfigCache cache,
      String name,
      @Nullable String tag,
      @Nullable String value,
      ToDoubleFunction<CacheStats> read,
      String description) {
    FunctionCounter.Builder<ConfigCache> builder =
        FunctionCounter.builder(name, cache, c -> read.applyAsDouble(c.stats()))
            .description(description);
    if (tag != null && value != null) {
      builder.tag(tag, value);
    }
    builder.register(registry);
  }

  /** Every meter, in Prometheus text format (version 0.0.4). */
  public String scrape() {
    RequestStats now = requests.snapshot();
    now.callsByOperation().keySet().forEach(this::operationMeters);
    shards.statuses().keySet().forEach(this::shardMeter);
    return registry.scrape();
  }

  private void operationMeters(String operation) {
    if (!operations.add(operation)) {
      return;
    }
    FunctionCounter.builder(
            "botconfig.dynamodb.requests", requests, r -> r.snapshot().calls(operation))
        .tag("operation", operation)
        .description("DynamoDB API calls, failed ones included")
        .register(registry);
    FunctionCounter.builder(
            "botconfig.dynamodb.request.failures",
            requests,
            r -> r.snapshot().failuresByOperation().getOrDefault(operation, 0L))
        .tag("operation", operation)
        .description("DynamoDB API calls that ended in an error")
        .register(registry);
  }

  private void shardMeter(int shard) {
    if (!knownShards.add(shard)) {
      return;
    }
    Gauge.builder(
            "botconfig.discord.shard.connected",
            shards,
            view ->
                view.statuses().getOrDefault(shard, JDA.Status.SHUTDOWN) == JDA.Status.CONNECTED
                    ? 1
                    : 0)
        .tag("shard", Integer.toString(shard))
        .description("1 when this process's shard is connected to Discord's gateway")
        .register(registry);
  }

  @Override
  public void close() {
    gc.close();
    registry.close();
  }
}
