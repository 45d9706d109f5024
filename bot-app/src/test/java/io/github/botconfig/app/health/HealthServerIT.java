package io.github.botconfig.app.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.botconfig.app.json.ConfigJson;
import io.github.botconfig.app.launch.HealthEndpoint;
import io.github.botconfig.app.shard.ShardProcess;
import io.github.botconfig.app.wiring.HealthEndpoints;
import io.github.botconfig.bot.testing.ErrorLogTrap;
import io.github.botconfig.bot.testing.FakeDiscord;
import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.testing.MutableClock;
import io.github.botconfig.dynamodb.DynamoDbConfigStore;
import io.github.botconfig.dynamodb.testing.LocalDynamoDbExtension;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The health endpoint of a running bot (dynalite, the fake Discord), asked over 127.0.0.1 as a
 * probe would.
 */
class HealthServerIT {
  @RegisterExtension
  static final LocalDynamoDbExtension DYNAMODB = LocalDynamoDbExtension.dynalite();

  @RegisterExtension final ErrorLogTrap errors = new ErrorLogTrap();

  private static final long GUILD = 1_100_000_000_000_000_000L;
  private static final long REPORTS = 1_100_000_000_000_000_010L;
  private static final long CHATTER = 1_100_000_000_000_000_011L;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private FakeDiscord discord;
  private ShardProcess bot;
  private URI base;
  private final ShardView shards = new ShardView();

  @BeforeEach
  void aRunningBotWithItsEndpoint() throws Exception {
    discord = FakeDiscord.start();
    discord.guild(GUILD, "Trading").textChannel(REPORTS, "reports").textChannel(CHATTER, "chatter");
    DynamoDbConfigStore table = DYNAMODB.newStore(Clock.systemUTC());
    table.saveChannel(ChannelConfig.of(GuildId.of(GUILD), ChannelId.of(REPORTS)));
    bot =
        ShardProcess.start(
            0,
            discord,
            MutableClock.startingAt2026(),
            Map.of(
                "DISCORD_TOKEN", "MTE4MDU4NjQxMjQzNDgxNzAyNA.GabcDE.secret",
                "AWS_ENDPOINT_URL_DYNAMODB", DYNAMODB.endpoint().toString(),
                "BOTCONFIG_TABLE", table.tableName(),
                "BOTCONFIG_HEALTH_ENABLED", "true",
                "BOTCONFIG_HEALTH_PORT", "0"));
    HealthServer server = HealthEndpoints.start(bot.graph, shards);
    assertThat(server.address().getAddress().getHostAddress()).isEqualTo("127.0.0.1");
    base = URI.create("http://127.0.0.1:" + server.address().getPort());
  }

  @AfterEach
  void stop() throws Exception {
    try {
      bot.close();
    } finally {
      discord.close();
    }
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(base.resolve(path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void healthzIsDownUntilDiscordIsReportedThenUpWithEachPart() throws Exception {
    HttpResponse<String> starting = get("/healthz");
    assertThat(starting.statusCode()).isEqualTo(503);
    assertThat(ConfigJson.mapper().readTree(starting.body()).get("status").asText())
        .isEqualTo("DOWN");

    shards.connected(bot.shards);
    bot.advance(Duration.ofSeconds(20)); // no poll is due yet: the snapshot ages

    HttpResponse<String> up = get("/healthz");
    assertThat(up.statusCode()).isEqualTo(200);
    assertThat(up.headers().firstValue("Content-Type")).contains("application/json; charset=utf-8");
    JsonNode json = ConfigJson.mapper().readTree(up.body());
    assertThat(json.get("status").asText()).isEqualTo("UP");
    assertThat(json.at("/cache/state").asText()).isEqualTo("READY");
    assertThat(json.at("/cache/stalenessSeconds").asDouble()).isEqualTo(20.0);
    assertThat(json.at("/cache/channels").asInt()).isEqualTo(1);
    assertThat(json.at("/shards/total").asInt()).isEqualTo(1);
    assertThat(json.at("/shards/thisProcess/0").asText()).isEqualTo("CONNECTED");
    assertThat(json.at("/store/reachable").asBoolean()).isTrue();
  }

  @Test
  void metricsCountLookupsAndDynamoDbRequestsInPrometheusTextFormat() throws Exception {
    shards.connected(bot.shards);
    bot.probe.awaitMessage(discord.postWebhookMessage(REPORTS, "Take profit +9%"));
    bot.probe.awaitMessage(discord.postWebhookMessage(CHATTER, "Take profit +2%"));

    HttpResponse<String> metrics = get("/metrics");

    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.headers().firstValue("Content-Type"))
        .contains("text/plain; version=0.0.4; charset=utf-8");
    assertThat(metrics.body())
        .contains("# TYPE botconfig_cache_lookups_total counter")
        .contains("botconfig_cache_lookups_total{result=\"hit\"} 1.0")
        .contains("botconfig_cache_lookups_total{result=\"miss\"} 1.0")
        .contains("botconfig_cache_channels 1.0")
        .contains("botconfig_cache_state{state=\"READY\"} 1.0")
        .contains("botconfig_cache_staleness_seconds ")
        .contains("botconfig_dynamodb_requests_total{operation=\"Scan\"}")
        .contains("botconfig_dynamodb_requests_total{operation=\"GetItem\"}")
        .contains("botconfig_dynamodb_consumed_read_units_total ")
        .contains("botconfig_discord_shard_connected{shard=\"0\"} 1.0")
        .contains("jvm_memory_used_bytes")
        .contains("process_cpu_usage");
  }

  @Test
  void aPortAlreadyTakenIsAnErrorThatNamesItAndTheSetting() {
    int taken = base.getPort();
    HealthEndpoint same = new HealthEndpoint(true, InetAddress.getLoopbackAddress(), taken);
    BotMetrics metrics = new BotMetrics(bot.cache(), bot.graph.metrics(), shards);
    HealthCheck check = new HealthCheck(bot.cache(), bot.graph.store(), shards, bot.graph.clock());

    assertThatThrownBy(() -> HealthServer.start(same, check, metrics))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageStartingWith("cannot serve the health endpoint on 127.0.0.1:" + taken + ": ")
        .hasMessageEndingWith("(set BOTCONFIG_HEALTH_PORT to a free port)");
    metrics.close();
  }

  @Test
  void otherPathsAre404AndOtherMethods405() throws Exception {
    assertThat(get("/").statusCode()).isEqualTo(404);
    assertThat(get("/healthz/extra").statusCode()).isEqualTo(404);
    HttpResponse<String> post =
        http.send(
            HttpRequest.newBuilder(base.resolve("/metrics"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(post.statusCode()).isEqualTo(405);
    assertThat(post.headers().firstValue("Allow")).contains("GET, HEAD");
  }
}
