package io.github.botconfig.app.shard;

import io.github.botconfig.app.launch.LaunchOptions;
import io.github.botconfig.app.launch.LaunchOptionsLoader;
import io.github.botconfig.app.wiring.AppComponent;
import io.github.botconfig.app.wiring.DiscordConnection;
import io.github.botconfig.app.wiring.Lifecycle;
import io.github.botconfig.bot.testing.EventProbe;
import io.github.botconfig.bot.testing.FakeDiscord;
import io.github.botconfig.cache.ConfigCache;
import io.github.botconfig.domain.testing.ManualScheduler;
import io.github.botconfig.domain.testing.MutableClock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import net.dv8tion.jda.api.sharding.ShardManager;

/**
 * One process of a bot split over several, as {@code botconfig run} wires it (the same Dagger
 * graph, the same shard manager), on a test's clock and a scheduler of its own: its tasks run only
 * when the test advances it (or, when another process moved the shared clock, runs what came due).
 */
public final class ShardProcess implements AutoCloseable {
  public static final Duration CHANGE_POLL = Duration.ofSeconds(30);

  public final AppComponent graph;
  public final ShardManager shards;
  public final EventProbe probe;
  private final ManualScheduler scheduler;

  private ShardProcess(
      AppComponent graph, ShardManager shards, EventProbe probe, ManualScheduler scheduler) {
    this.graph = graph;
    this.shards = shards;
    this.probe = probe;
    this.scheduler = scheduler;
  }

  /**
   * Starts the process that runs {@code shard} of the fake's shards: loads the table's
   * configuration, then logs in and waits for the shard's guilds.
   */
  public static ShardProcess start(
      int shard, FakeDiscord discord, MutableClock clock, Map<String, String> environment)
      throws InterruptedException {
    Map<String, String> env = new HashMap<>(environment);
    env.put("BOTCONFIG_SHARD_TOTAL", Integer.toString(discord.shardTotal()));
    env.put("BOTCONFIG_SHARDS", Integer.toString(shard));
    env.put("BOTCONFIG_CHANGE_POLL_INTERVAL", "30s");
    env.put(
        "BOTCONFIG_INITIAL_LOAD_WAIT",
        "0"); // the test runs the first load itself, on the manual scheduler
    env.put("BOTCONFIG_DISCORD_REST_URL", discord.restConfig().getBaseUrl());
    env.put("BOTCONFIG_DISCORD_GATEWAY_URL", discord.gatewayUrl());
    LaunchOptions options = LaunchOptionsLoader.load(env, Map.of()).options();

    ManualScheduler scheduler = new ManualScheduler(clock);
    AppComponent graph = AppComponent.create(options, clock, scheduler, new Lifecycle());
    try {
      ConfigCache cache = graph.cache();
      cache.start();
      scheduler.runDue();
      if (!cache.status().isLoaded()) {
        throw new AssertionError(
            "the cache of shard " + shard + " did not load: " + cache.status());
      }
      EventProbe probe = new EventProbe();
      ShardManager shards = DiscordConnection.open(graph, probe);
      shards.getShardById(shard).awaitReady();
      return new ShardProcess(graph, shards, probe, scheduler);
    } catch (RuntimeException | Error | InterruptedException e) {
      graph.close();
      throw e;
    }
  }

  /**
   * Moves the clock forward and runs what came due in this process: change polls, refreshes, the
   * daily sweep, summaries.
   */
  public void advance(Duration duration) {
    scheduler.advance(duration);
  }

  /**
   * Runs what came due in this process at the clock's time now (another process may have moved it).
   */
  public void runDue() {
    scheduler.runDue();
  }

  public ConfigCache cache() {
    return graph.cache();
  }

  @Override
  public void close() {
    graph.close(); // Discord first, then the bot's tasks, the cache and the DynamoDB client
  }
}
