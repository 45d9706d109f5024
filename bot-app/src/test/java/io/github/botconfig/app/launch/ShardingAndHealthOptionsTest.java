package io.github.botconfig.app.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ShardingAndHealthOptionsTest {

  private static LaunchOptions load(Map<String, String> env) {
    return LaunchOptionsLoader.load(env, Map.of()).options();
  }

  @Test
  void byDefaultOneProcessRunsEveryShardDiscordRecommendsAndServesNoHealthEndpoint()
      throws Exception {
    LaunchOptions options = load(Map.of());

    assertThat(options.sharding()).isEqualTo(Sharding.auto());
    assertThat(options.sharding().runsAllShards()).isTrue();
    assertThat(options.sharding().describe()).isEqualTo("all shards (total from Discord)");
    assertThat(options.health().enabled()).isFalse();
    assertThat(options.health().address()).isEqualTo(InetAddress.getByName("127.0.0.1"));
    assertThat(options.health().port()).isEqualTo(8081);
  }

  @Test
  void aProcessCanRunARangeOfAFixedTotal() {
    Sharding sharding =
        load(Map.of("BOTCONFIG_SHARD_TOTAL", "8", "BOTCONFIG_SHARDS", "0-3")).sharding();

    assertThat(sharding.total()).isEqualTo(OptionalInt.of(8));
    assertThat(sharding.shards().orElseThrow()).containsExactly(0, 1, 2, 3);
    assertThat(sharding.describe()).isEqualTo("shards 0-3 of 8");
  }

  @Test
  void shardListsMixIdsAndRangesAndAreKeptInOrder() {
    Sharding sharding =
        load(Map.of("BOTCONFIG_SHARD_TOTAL", "16", "BOTCONFIG_SHARDS", "9, 0,2,5-7")).sharding();

    assertThat(sharding.shards().orElseThrow()).containsExactly(0, 2, 5, 6, 7, 9);
    assertThat(sharding.describe()).isEqualTo("shards 0,2,5-7,9 of 16");
    assertThat(
            load(Map.of("BOTCONFIG_SHARD_TOTAL", "2", "BOTCONFIG_SHARDS", "1"))
                .sharding()
                .describe())
        .isEqualTo("shard 1 of 2");
  }

  @Test
  void aFixedTotalWithoutARangeRunsEveryShardHere() {
    Sharding sharding = load(Map.of("BOTCONFIG_SHARD_TOTAL", "AUTO")).sharding();
    assertThat(sharding.total()).isEmpty();

    sharding = load(Map.of("BOTCONFIG_SHARD_TOTAL", "4")).sharding();
    assertThat(sharding.shards()).isEqualTo(Optional.empty());
    assertThat(sharding.describe()).isEqualTo("all shards of 4");
  }

  @Test
  void everyShardingProblemIsNamedWithItsValue() {
    assertThatThrownBy(() -> load(Map.of("BOTCONFIG_SHARD_TOTAL", "0", "BOTCONFIG_SHARDS", "3-1")))
        .isInstanceOfSatisfying(
            InvalidLaunchOptionsException.class,
            e ->
                assertThat(e.problems())
                    .containsExactly(
                        "BOTCONFIG_SHARD_TOTAL must be 'auto' or a number of shards from 1 to 99999, got '0'",
                        "BOTCONFIG_SHARDS must give ranges low to high, such as 0-3, got '3-1'"));
    assertThatThrownBy(() -> load(Map.of("BOTCONFIG_SHARDS", "0-3")))
        .hasMessage(
            "BOTCONFIG_SHARDS needs BOTCONFIG_SHARD_TOTAL set to a number (every process must agree on the total),"
                + " got '0-3'");
    assertThatThrownBy(() -> load(Map.of("BOTCONFIG_SHARD_TOTAL", "8", "BOTCONFIG_SHARDS", "6-9")))
        .hasMessage(
            "BOTCONFIG_SHARDS must name shards from 0 to 7 (BOTCONFIG_SHARD_TOTAL is 8), got '6-9'");
    assertThatThrownBy(() -> load(Map.of("BOTCONFIG_SHARD_TOTAL", "8", "BOTCONFIG_SHARDS", "0;1")))
        .hasMessage(
            "BOTCONFIG_SHARDS must be shard ids and ranges such as 0-3 or 0,2,5-7, got '0;1'");
    assertThatThrownBy(() -> load(Map.of("BOTCONFIG_SHARD_TOTAL", "8", "BOTCONFIG_SHARDS", "1,")))
        .hasMessage(
            "BOTCONFIG_SHARDS must be shard ids and ranges such as 0-3 or 0,2,5-7, got '1,'");
  }

  @Test
  void theHealthEndpointIsReadAndAWideBindingIsAWarning() throws Exception {
    LaunchOptionsLoader loader =
        LaunchOptionsLoader.load(
            Map.of(
                "BOTCONFIG_HEALTH_ENABLED", "TRUE",
                "BOTCONFIG_HEALTH_ADDRESS", "0.0.0.0",
                "BOTCONFIG_HEALTH_PORT", "9000"),
            Map.of());

    HealthEndpoint health = loader.options().health();
    assertThat(health.enabled()).isTrue();
    assertThat(health.address()).isEqualTo(InetAddress.getByName("0.0.0.0"));
    assertThat(health.port()).isEqualTo(9000);
    assertThat(loader.warnings())
        .containsExactly(
            "BOTCONFIG_HEALTH_ADDRESS 0.0.0.0 lets other machines read /healthz and /metrics: keep that port"
                + " behind a firewall or inside the container's network");
  }

  @Test
  void aLoopbackBindingIsNoWarningAndIPv6IsAccepted() throws Exception {
    LaunchOptionsLoader loader =
        LaunchOptionsLoader.load(
            Map.of("BOTCONFIG_HEALTH_ENABLED", "true", "BOTCONFIG_HEALTH_ADDRESS", "::1"),
            Map.of());

    assertThat(loader.options().health().address()).isEqualTo(InetAddress.getByName("::1"));
    assertThat(loader.warnings()).isEmpty();
  }

  @Test
  void everyHealthProblemIsNamedWithItsValue() {
    assertThatThrownBy(
            () ->
                load(
                    Map.of(
                        "BOTCONFIG_HEALTH_ENABLED", "maybe",
                        "BOTCONFIG_HEALTH_ADDRESS", "localhost",
                        "BOTCONFIG_HEALTH_PORT", "70000")))
        .isInstanceOfSatisfying(
            InvalidLaunchOptionsException.class,
            e ->
                assertThat(e.problems())
                    .containsExactly(
                        "BOTCONFIG_HEALTH_ENABLED must be true or false (or yes/no, on/off), got 'maybe'",
                        "BOTCONFIG_HEALTH_ADDRESS must be an IP address such as 127.0.0.1 or 0.0.0.0, got 'localhost'",
                        "BOTCONFIG_HEALTH_PORT must be a TCP port from 0 to 65535, got '70000'"));
    assertThatThrownBy(() -> load(Map.of("BOTCONFIG_HEALTH_ADDRESS", "256.1.1.1")))
        .hasMessage(
            "BOTCONFIG_HEALTH_ADDRESS must be an IP address such as 127.0.0.1 or 0.0.0.0, got '256.1.1.1'");
  }
}
