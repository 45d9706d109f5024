package io.github.botconfig.app.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.botconfig.bot.testing.FakeDiscord;
import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.GuildSettings;
import io.github.botconfig.domain.SummaryPreferences;
import io.github.botconfig.dynamodb.DynamoDbConfigStore;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import net.dv8tion.jda.api.Permission;

/**
 * {@code botconfig run} processes, one per shard of one fake Discord, all on one table, seen only
 * from outside as an operator sees them: their output, and each one's own {@code /healthz}.
 */
final class BotFleet implements AutoCloseable {
  static final Duration START = Duration.ofSeconds(90);

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The token every process logs in with (the fake accepts any). */
  static final String TOKEN = "MTE4MDU4NjQxMjQzNDgxNzAyNA.GabcDE.the-secret-part-of-the-token";

  /** A member of every guild with the admins' role. */
  static final long ADMIN = 1_100_000_000_000_000_030L;

  private final Map<String, String> environment;
  private final int total;
  private final List<BotProcess> bots = new ArrayList<>();
  private final List<URI> health = new ArrayList<>();

  /** Processes of {@code total} shards, each started with {@code environment} and its shard. */
  BotFleet(Map<String, String> environment, int total) {
    this.environment = Map.copyOf(environment);
    this.total = total;
    for (int s = 0; s < total; s++) {
      bots.add(null);
      health.add(null);
    }
  }

  /** What every process of these tests is started with: one fake Discord, one table, health on. */
  static Map<String, String> environment(FakeDiscord discord, URI store, String table) {
    Map<String, String> environment = new HashMap<>();
    environment.put("DISCORD_TOKEN", TOKEN);
    environment.put("AWS_ENDPOINT_URL_DYNAMODB", store.toString());
    environment.put("BOTCONFIG_TABLE", table);
    environment.put("BOTCONFIG_DISCORD_REST_URL", discord.restConfig().getBaseUrl());
    environment.put("BOTCONFIG_DISCORD_GATEWAY_URL", discord.gatewayUrl());
    environment.put("BOTCONFIG_HEALTH_ENABLED", "true");
    environment.put("BOTCONFIG_HEALTH_PORT", "0");
    return environment;
  }

  /** The guild of shard {@code shard}: Discord routes a guild to shard (id >> 22) % total. */
  static long guild(int shard) {
    return (1_200_000_000_000L + shard) << 22;
  }

  /** Its reports channel, tracked from the start. */
  static long reports(int shard) {
    return guild(shard) + 10;
  }

  /** Its global channel, where its board and summaries go. */
  static long global(int shard) {
    return guild(shard) + 11;
  }

  /** Its channels a test starts tracking. */
  static long spare(int shard, int n) {
    return guild(shard) + 20 + n;
  }

  /**
   * Makes the guild of {@code shard} in the fake, with {@code spares} spare channels and an admin,
   * and stores its reports channel and its settings (global channel set, {@code daily} summaries or
   * none).
   */
  static void seedGuild(
      FakeDiscord discord, DynamoDbConfigStore table, int shard, int spares, boolean daily) {
    long role = guild(shard) + 5; // + 1 is the fake's own bot role
    var fake =
        discord
            .guild(guild(shard), "Guild " + shard)
            .textChannel(reports(shard), "reports")
            .textChannel(global(shard), "board")
            .role(role, "admins", Permission.MANAGE_SERVER)
            .member(ADMIN, "alice", role);
    for (int n = 0; n < spares; n++) {
      fake.textChannel(spare(shard, n), "spare-" + n);
    }
    table.saveChannel(ChannelConfig.of(GuildId.of(guild(shard)), ChannelId.of(reports(shard))));
    table.saveSettings(
        GuildSettings.defaults(GuildId.of(guild(shard)))
            .withGlobalChannelId(ChannelId.of(global(shard)))
            .withSummaryPreferences(SummaryPreferences.builder().dailySummary(daily).build()));
  }

  /** Sends {@code /config channel set} (threshold TP) in the guild of {@code shard}; its token. */
  static String trackAsync(FakeDiscord discord, int shard, long channel) {
    return discord
        .slashCommand("config", guild(shard), channel, ADMIN)
        .subcommand("channel", "set")
        .channel("channel", channel)
        .option("threshold", "TP")
        .send();
  }

  int total() {
    return total;
  }

  /** What every process is started with, but its shard: what a CLI run next to them needs. */
  Map<String, String> environment() {
    return environment;
  }

  List<Integer> allShards() {
    List<Integer> all = new ArrayList<>();
    for (int s = 0; s < total; s++) {
      all.add(s);
    }
    return all;
  }

  /**
   * Runs {@code botconfig channels set} next to the processes: the guild of {@code shard} tracks
   * {@code channel}, with {@code options}; fails with its output unless it exits 0.
   */
  void trackByCli(int shard, long channel, String... options)
      throws IOException, InterruptedException {
    List<String> args =
        new ArrayList<>(
            List.of(
                "channels",
                "set",
                "--guild",
                Long.toString(guild(shard)),
                "--channel",
                Long.toString(channel)));
    args.addAll(List.of(options));
    try (BotProcess cli = BotProcess.start(environment, args.toArray(String[]::new))) {
      int exit = cli.awaitExit(START);
      if (exit != 0) {
        throw new AssertionError("botconfig channels set exited " + exit + ":\n" + cli.output());
      }
    }
  }

  /** Starts the process of {@code shard}. */
  void launch(int shard) throws IOException {
    bots.set(shard, BotProcess.start(own(shard, Map.of()), "run"));
  }

  /** Starts the process of {@code shard} in {@code namespace}, with {@code overrides} set. */
  void launchIn(NetworkNamespace namespace, int shard, Map<String, String> overrides)
      throws IOException {
    bots.set(shard, BotProcess.startIn(namespace, own(shard, overrides), "run"));
  }

  private Map<String, String> own(int shard, Map<String, String> overrides) {
    Map<String, String> own = new HashMap<>(environment);
    own.put("BOTCONFIG_SHARDS", Integer.toString(shard));
    own.put("BOTCONFIG_SHARD_TOTAL", Integer.toString(total));
    own.putAll(overrides);
    return own;
  }

  /** Waits until the process of {@code shard} serves its health endpoint and runs its shard. */
  void awaitRunning(int shard) throws InterruptedException {
    BotProcess bot = bots.get(shard);
    String line = bot.awaitLine(l -> l.contains("Serving /healthz and /metrics on"), START);
    health.set(shard, URI.create(line.substring(line.indexOf("http://")).strip() + "/healthz"));
    String running = bot.awaitLine(l -> l.contains("botconfig is running as"), START);
    if (!running.contains("(shard " + shard + " of " + total + ")")) {
      throw new AssertionError("process of shard " + shard + " says: " + running);
    }
  }

  BotProcess process(int shard) {
    return bots.get(shard);
  }

  /** What the process of {@code shard} answers on {@code /healthz}. */
  JsonNode health(int shard) throws IOException, InterruptedException {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(health.get(shard)).timeout(Duration.ofSeconds(20)).build(),
            HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(response.body());
  }

  /** How many channels the cache of the process of {@code shard} holds. */
  int channelsHeld(int shard) throws IOException, InterruptedException {
    JsonNode channels = health(shard).path("cache").path("channels");
    if (!channels.isInt()) {
      throw new AssertionError("no channel count in /healthz of shard " + shard);
    }
    return channels.asInt();
  }

  /**
   * Waits until the {@code /healthz} of the process of {@code shard} satisfies {@code wanted};
   * returns how long it took.
   */
  Duration awaitHealth(int shard, Predicate<JsonNode> wanted, String what, Duration bound)
      throws IOException, InterruptedException {
    long start = System.nanoTime();
    JsonNode last = health(shard);
    while (!wanted.test(last)) {
      if (System.nanoTime() - start > bound.toNanos()) {
        throw new AssertionError(
            "process of shard "
                + shard
                + ": "
                + what
                + " not seen within "
                + bound
                + "; its /healthz:\n"
                + last.toPrettyString()
                + "\nits output:\n"
                + bots.get(shard).output());
      }
      Thread.sleep(100);
      last = health(shard);
    }
    return Duration.ofNanos(System.nanoTime() - start);
  }

  /**
   * Waits until each of {@code shards}' processes holds {@code channels} channels; returns how long
   * the slowest took.
   */
  Duration awaitEveryProcessHolds(int channels, List<Integer> shards, Duration bound)
      throws IOException, InterruptedException {
    long start = System.nanoTime();
    for (int s : shards) {
      Duration left = bound.minusNanos(System.nanoTime() - start);
      awaitHealth(
          s,
          h -> h.path("cache").path("channels").asInt(-1) == channels,
          "holding the table's " + channels + " channels",
          left.isNegative() ? Duration.ZERO : left);
    }
    return Duration.ofNanos(System.nanoTime() - start);
  }

  /** How many messages were posted to {@code channel} (by any process). */
  static int posts(FakeDiscord discord, long channel) {
    return (int)
        discord.restCalls().stream()
            .filter(c -> c.is("POST", "channels/" + channel + "/messages"))
            .count();
  }

  /** Waits until {@code count} messages were posted to {@code channel}. */
  static void awaitPosts(FakeDiscord discord, long channel, int count, Duration bound)
      throws InterruptedException {
    long deadline = System.nanoTime() + bound.toNanos();
    while (posts(discord, channel) < count) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no reply in channel " + channel + " within " + bound);
      }
      Thread.sleep(50);
    }
  }

  @Override
  public void close() {
    for (BotProcess bot : bots) {
      if (bot != null) {
        bot.close();
      }
    }
  }
}
