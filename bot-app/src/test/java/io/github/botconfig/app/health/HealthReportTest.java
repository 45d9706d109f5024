package io.github.botconfig.app.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.botconfig.app.health.HealthReport.Status;
import io.github.botconfig.app.health.HealthReport.StoreCheck;
import io.github.botconfig.cache.CacheStats;
import io.github.botconfig.cache.CacheStatus;
import io.github.botconfig.cache.CacheStatus.State;
import io.github.botconfig.cache.CacheValues;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import net.dv8tion.jda.api.JDA;
import org.junit.jupiter.api.Test;

class HealthReportTest {
  private static final Instant NOW = Instant.parse("2026-01-01T00:10:00Z");
  private static final CacheStats STATS =
      CacheValues.stats(
          5, 95, 0, 12, 3, 0, Duration.ofMillis(40), Duration.ofMillis(120), 60, 20, 0, 0);
  private static final StoreCheck REACHABLE =
      new StoreCheck(true, NOW, Duration.ofMillis(3), Optional.empty());
  private static final StoreCheck UNREACHABLE =
      new StoreCheck(false, NOW, Duration.ofMillis(900), Optional.of("DynamoDB did not answer"));
  private static final Map<Integer, JDA.Status> CONNECTED =
      Map.of(0, JDA.Status.CONNECTED, 1, JDA.Status.CONNECTED);

  private static CacheStatus cache(State state) {
    Optional<Instant> loaded =
        state == State.READY || state == State.STALE
            ? Optional.of(NOW.minusSeconds(90))
            : Optional.empty();
    int failures = state == State.STALE || state == State.UNAVAILABLE ? 2 : 0;
    return CacheValues.status(
        state,
        loaded,
        NOW,
        failures,
        failures == 0 ? Optional.empty() : Optional.of("Scan timed out"));
  }

  private static Status status(State cache, Map<Integer, JDA.Status> shards, StoreCheck store) {
    return HealthReport.of(cache(cache), STATS, Optional.of(2), shards, store).status();
  }

  @Test
  void upWhenLoadedCurrentConnectedAndReachable() {
    assertThat(status(State.READY, CONNECTED, REACHABLE)).isEqualTo(Status.UP);
    assertThat(Status.UP.httpStatus()).isEqualTo(200);
  }

  @Test
  void degradedWhileStillServingFromMemory() {
    assertThat(status(State.STALE, CONNECTED, REACHABLE)).isEqualTo(Status.DEGRADED);
    assertThat(status(State.READY, CONNECTED, UNREACHABLE)).isEqualTo(Status.DEGRADED);
    assertThat(
            status(
                State.READY,
                Map.of(0, JDA.Status.CONNECTED, 1, JDA.Status.WAITING_TO_RECONNECT),
                REACHABLE))
        .isEqualTo(Status.DEGRADED);
    assertThat(Status.DEGRADED.httpStatus())
        .as("still serving: not taken out of rotation")
        .isEqualTo(200);
  }

  @Test
  void downWithoutConfigurationOrWithoutAConnectedShard() {
    assertThat(status(State.STARTING, CONNECTED, REACHABLE)).isEqualTo(Status.DOWN);
    assertThat(status(State.UNAVAILABLE, CONNECTED, UNREACHABLE)).isEqualTo(Status.DOWN);
    assertThat(status(State.READY, Map.of(), REACHABLE))
        .as("not logged in yet")
        .isEqualTo(Status.DOWN);
    assertThat(status(State.READY, Map.of(0, JDA.Status.CONNECTING_TO_WEBSOCKET), REACHABLE))
        .isEqualTo(Status.DOWN);
    assertThat(Status.DOWN.httpStatus()).isEqualTo(503);
  }

  @Test
  void theJsonSaysWhatEachPartIsAndHowStaleTheCacheIs() throws Exception {
    HealthReport report =
        HealthReport.of(
            cache(State.STALE),
            STATS,
            Optional.of(2),
            Map.of(1, JDA.Status.CONNECTED, 0, JDA.Status.CONNECTED),
            UNREACHABLE);

    var json = io.github.botconfig.app.json.ConfigJson.mapper().readTree(report.toJson());

    assertThat(json.get("status").asText()).isEqualTo("DEGRADED");
    assertThat(json.at("/cache/state").asText()).isEqualTo("STALE");
    assertThat(json.at("/cache/stalenessSeconds").asDouble()).isEqualTo(90.0);
    assertThat(json.at("/cache/lastLoadedAt").asText()).isEqualTo("2026-01-01T00:08:30Z");
    assertThat(json.at("/cache/failureStreak").asInt()).isEqualTo(2);
    assertThat(json.at("/cache/lastFailure").asText()).isEqualTo("Scan timed out");
    assertThat(json.at("/cache/channels").asInt()).isEqualTo(60);
    assertThat(json.at("/shards/total").asInt()).isEqualTo(2);
    assertThat(json.at("/shards/thisProcess").toString())
        .isEqualTo("{\"0\":\"CONNECTED\",\"1\":\"CONNECTED\"}");
    assertThat(json.at("/store/reachable").asBoolean()).isFalse();
    assertThat(json.at("/store/error").asText()).isEqualTo("DynamoDB did not answer");
    assertThat(json.at("/store/tookMillis").asLong()).isEqualTo(900);
  }

  @Test
  void beforeTheFirstLoadStalenessIsNull() throws Exception {
    HealthReport report =
        HealthReport.of(cache(State.STARTING), STATS, Optional.empty(), Map.of(), REACHABLE);

    var json = io.github.botconfig.app.json.ConfigJson.mapper().readTree(report.toJson());

    assertThat(json.at("/cache/stalenessSeconds").isNull()).isTrue();
    assertThat(json.at("/shards/total").isNull()).isTrue();
    assertThat(json.at("/store/error").isNull()).isTrue();
  }
}
