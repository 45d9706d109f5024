package io.github.botconfig.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

class DynamoDbClientsTest {

  @Test
  void onlyEndpointsOnThisMachineAreLocal() {
    assertThat(DynamoDbClients.isLocal(URI.create("http://127.0.0.1:4567"))).isTrue();
    assertThat(DynamoDbClients.isLocal(URI.create("http://localhost:8000"))).isTrue();
    assertThat(DynamoDbClients.isLocal(URI.create("http://[::1]:8000"))).isTrue();
    assertThat(DynamoDbClients.isLocal(URI.create("https://dynamodb.eu-west-3.amazonaws.com")))
        .isFalse();
    assertThat(DynamoDbClients.isLocal(URI.create("http://10.0.0.5:8000"))).isFalse();
  }

  @Test
  void everyLoopbackAddressIsLocalAndNoHostThatOnlyStartsLikeOne() {
    assertThat(DynamoDbClients.isLocal(URI.create("http://127.1.2.3:4567"))).isTrue();
    assertThat(DynamoDbClients.isLocal(URI.create("http://127.255.255.254:4567"))).isTrue();
    assertThat(DynamoDbClients.isLocal(URI.create("http://LOCALHOST:4567"))).isTrue();
    assertThat(DynamoDbClients.isLocal(URI.create("http://[0:0:0:0:0:0:0:1]:4567"))).isTrue();

    // Host names a DNS server (or an attacker's) answers for, which may be anywhere.
    assertThat(DynamoDbClients.isLocal(URI.create("http://127.0.0.1.example.com:4567"))).isFalse();
    assertThat(DynamoDbClients.isLocal(URI.create("http://127.evil.example:4567"))).isFalse();
    assertThat(DynamoDbClients.isLocal(URI.create("http://localhost.example.com:4567"))).isFalse();
    // Not a loopback address: out of range, too few parts, or not in 127.0.0.0/8.
    assertThat(DynamoDbClients.isLocal(URI.create("http://127.0.0.256:4567"))).isFalse();
    assertThat(DynamoDbClients.isLocal(URI.create("http://127.0.1:4567"))).isFalse();
    assertThat(DynamoDbClients.isLocal(URI.create("http://128.0.0.1:4567"))).isFalse();
    assertThat(DynamoDbClients.isLocal(URI.create("http://[::2]:4567"))).isFalse();
  }

  @Test
  void aHostThatOnlyLooksLocalGetsNoDummyCredentials() {
    try (DynamoDbClient client =
        DynamoDbClients.builder()
            .region(Region.EU_WEST_3)
            .endpointOverride(URI.create("http://127.0.0.1.example.com:4567"))
            .build()) {
      assertThat(client.serviceClientConfiguration().credentialsProvider())
          .isNotInstanceOf(StaticCredentialsProvider.class);
    }
  }

  @Test
  void aLocalEndpointNeedsNeitherRegionNorCredentials() {
    try (DynamoDbClient client =
        DynamoDbClients.builder().endpointOverride(URI.create("http://127.0.0.1:4567")).build()) {
      assertThat(client.serviceClientConfiguration().region().id()).isEqualTo("us-east-1");
      assertThat(client.serviceClientConfiguration().endpointOverride())
          .contains(URI.create("http://127.0.0.1:4567"));
    }
  }

  @Test
  void theTuningIsApplied() {
    RequestMetrics metrics = new RequestMetrics();
    try (DynamoDbClient client =
        DynamoDbClients.builder()
            .region(Region.EU_WEST_3)
            .endpointOverride(URI.create("http://127.0.0.1:4567"))
            .apiCallTimeout(Duration.ofSeconds(7))
            .apiCallAttemptTimeout(Duration.ofSeconds(2))
            .maxAttempts(4)
            .metrics(metrics)
            .build()) {
      var override = client.serviceClientConfiguration().overrideConfiguration();
      assertThat(client.serviceClientConfiguration().region().id()).isEqualTo("eu-west-3");
      assertThat(override.apiCallTimeout()).contains(Duration.ofSeconds(7));
      assertThat(override.apiCallAttemptTimeout()).contains(Duration.ofSeconds(2));
      assertThat(override.retryStrategy().orElseThrow().maxAttempts()).isEqualTo(4);
      assertThat(override.executionInterceptors()).contains(metrics.interceptor());
    }
  }

  @Test
  void badSettingsAreRefusedNamingTheValue() {
    assertThatThrownBy(
            () -> DynamoDbClients.builder().endpointOverride(URI.create("localhost:4567")))
        .hasMessage(
            "endpoint must be an absolute URL such as http://127.0.0.1:4567, got 'localhost:4567'");
    assertThatThrownBy(() -> DynamoDbClients.builder().maxAttempts(0))
        .hasMessage("maxAttempts must be from 1 to 10, got 0");
    assertThatThrownBy(() -> DynamoDbClients.builder().apiCallTimeout(Duration.ZERO))
        .hasMessage("apiCallTimeout must be positive, got PT0S");
    assertThatThrownBy(() -> DynamoDbConfigStore.builder().tableName("a b"))
        .hasMessage("table name must be 3 to 255 letters, digits, '_', '-' or '.', got 'a b'");
    assertThatThrownBy(() -> DynamoDbConfigStore.builder().scanSegments(0))
        .hasMessage("scanSegments must be from 1 to 64, got 0");
  }

  @Test
  void statsSinceAnEarlierOneAreTheDifference() {
    RequestStats before = new RequestStats(Map.of("GetItem", 2L), Map.of(), 2, 1.0, 0);
    RequestStats after =
        new RequestStats(Map.of("GetItem", 5L, "Scan", 1L), Map.of("Scan", 1L), 7, 3.5, 2);

    RequestStats delta = after.since(before);

    assertThat(delta)
        .isEqualTo(
            new RequestStats(Map.of("GetItem", 3L, "Scan", 1L), Map.of("Scan", 1L), 5, 2.5, 2));
    assertThat(delta.calls()).isEqualTo(4);
    assertThat(delta.calls("Query")).isZero();
  }
}
