package io.github.botconfig.app.health;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.botconfig.app.json.ConfigJson;
import io.github.botconfig.cache.CacheStats;
import io.github.botconfig.cache.CacheStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import net.dv8tion.jda.api.JDA;

/**
 * What {@code /healthz} answers: the overall status and the three things it is made of.
 *
 * <ul>
 *   <li>{@link Status#UP}: the configuration is loaded and current, every shard of this process is
 *       connected, the table answers.
 *   <li>{@link Status#DEGRADED}: still serving — messages are answered from memory — but something
 *       needs a look: the cache is stale, a shard is (re)connecting, or the table does not answer.
 *   <li>{@link Status#DOWN}: not serving: no configuration loaded yet, or no shard connected.
 * </ul>
 *
 * <p>Immutable and thread-safe.
 *
 * @param status the overall status
 * @param cache the cache's status when the report was made
 * @param stats the cache's counters
 * @param shardTotal the bot's shard total, empty before login
 * @param shards the status of each shard of this process, by id
 * @param store whether the table answered its last check, and when that was
 */
public record HealthReport(
    Status status,
    CacheStatus cache,
    CacheStats stats,
    Optional<Integer> shardTotal,
    Map<Integer, JDA.Status> shards,
    StoreCheck store) {

  /** The overall status. */
  public enum Status {
    UP,
    DEGRADED,
    DOWN;

    /**
     * 200 while the bot serves (UP, DEGRADED), 503 when it does not (DOWN): what load balancers and
     * orchestrators read.
     */
    public int httpStatus() {
      return this == DOWN ? 503 : 200;
    }
  }

  /**
   * The last check that the table answers.
   *
   * @param reachable whether it answered
   * @param checkedAt when
   * @param took how long the check took
   * @param error why it did not answer; empty when it did
   */
  public record StoreCheck(
      boolean reachable, Instant checkedAt, Duration took, Optional<String> error) {}

  public HealthReport {
    shards = Map.copyOf(shards);
  }

  /** Puts together the overall status from its parts. */
  static HealthReport of(
      CacheStatus cache,
      CacheStats stats,
      Optional<Integer> shardTotal,
      Map<Integer, JDA.Status> shards,
      StoreCheck store) {
    long connected = shards.values().stream().filter(s -> s == JDA.Status.CONNECTED).count();
    Status status;
    if (!cache.isLoaded() || connected == 0) {
      status = Status.DOWN;
    } else if (cache.state() != CacheStatus.State.READY
        || connected < shards.size()
        || !store.reachable()) {
      status = Status.DEGRADED;
    } else {
      status = Status.UP;
    }
    return new HealthReport(status, cache, stats, shardTotal, shards, store);
  }

  /** The JSON document {@code /healthz} serves. */
  public String toJson() {
    ObjectNode root = ConfigJson.mapper().createObjectNode();
    root.put("status", status.name());
    ObjectNode cacheNode = root.putObject("cache");
    cacheNode.put("state", cache.state().name());
    cacheNode.put("loaded", cache.isLoaded());
    cacheNode.put("lastLoadedAt", cache.lastLoadedAt().map(Instant::toString).orElse(null));
    cacheNode.put("stalenessSeconds", cache.age().map(age -> age.toMillis() / 1000.0).orElse(null));
    cacheNode.put("failureStreak", cache.failureStreak());
    cacheNode.put("lastFailure", cache.lastFailure().orElse(null));
    cacheNode.put("channels", stats.channels());
    cacheNode.put("guildSettings", stats.guildSettings());
    cacheNode.put("loads", stats.loads());
    cacheNode.put("changesApplied", stats.changesApplied());
    cacheNode.put("changeGaps", stats.changeGaps());
    ObjectNode shardsNode = root.putObject("shards");
    shardsNode.put("total", shardTotal.orElse(null));
    ObjectNode statuses = shardsNode.putObject("thisProcess");
    shards.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> statuses.put(Integer.toString(e.getKey()), e.getValue().name()));
    ObjectNode storeNode = root.putObject("store");
    storeNode.put("reachable", store.reachable());
    storeNode.put("checkedAt", store.checkedAt().toString());
    storeNode.put("tookMillis", store.took().toMillis());
    storeNode.put("error", store.error().orElse(null));
    return root.toPrettyString();
  }
}
