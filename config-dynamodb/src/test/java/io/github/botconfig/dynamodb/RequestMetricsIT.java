package io.github.botconfig.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.ConfigConflictException;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.testing.MutableClock;
import io.github.botconfig.dynamodb.testing.LocalDynamoDbExtension;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What each store operation costs in requests and capacity: the figures the cost model builds on.
 */
class RequestMetricsIT {
  @RegisterExtension
  static final LocalDynamoDbExtension DYNAMODB = LocalDynamoDbExtension.dynalite();

  private static final GuildId GUILD = GuildId.of(42);
  private static final ChannelId CHANNEL = ChannelId.of(4201);

  private final RequestMetrics metrics = new RequestMetrics();
  private DynamoDbClient client;
  private DynamoDbConfigStore store;

  @BeforeEach
  void storeWithMetrics() {
    client =
        DynamoDbClients.builder().endpointOverride(DYNAMODB.endpoint()).metrics(metrics).build();
    store =
        DynamoDbConfigStore.builder()
            .client(client)
            .tableName(DYNAMODB.newTable())
            .clock(MutableClock.startingAt2026())
            .build();
  }

  @AfterEach
  void close() {
    client.close();
  }

  @Test
  void creatingAChannelIsAnOwnershipQueryTheWriteAndTheMarkerBump() {
    RequestStats before = metrics.snapshot();

    store.saveChannel(ChannelConfig.of(GUILD, CHANNEL));

    RequestStats used = metrics.snapshot().since(before);
    assertThat(used.callsByOperation()).isEqualTo(Map.of("Query", 1L, "UpdateItem", 2L));
    assertThat(used.httpAttempts()).isEqualTo(3);
    assertThat(used.writeCapacityUnits()).isPositive();
    assertThat(used.failuresByOperation()).isEmpty();
  }

  @Test
  void updatingAChannelNeedsNoOwnershipQuery() {
    ChannelConfig saved = store.saveChannel(ChannelConfig.of(GUILD, CHANNEL));
    RequestStats before = metrics.snapshot();

    store.saveChannel(saved.withPin(true));

    // The write port reads the stored item first, to write only what differs
    // (docs/dynamodb-table.md).
    assertThat(metrics.snapshot().since(before).callsByOperation())
        .isEqualTo(Map.of("GetItem", 1L, "UpdateItem", 2L));
  }

  @Test
  void aLoadIsOneScanAndPollingTheMarkerOneGetItem() {
    store.saveChannel(ChannelConfig.of(GUILD, CHANNEL));
    RequestStats before = metrics.snapshot();

    store.loadAll();
    store.changeMarker();

    RequestStats used = metrics.snapshot().since(before);
    assertThat(used.callsByOperation()).isEqualTo(Map.of("Scan", 1L, "GetItem", 1L));
    assertThat(used.readCapacityUnits()).isPositive();
    assertThat(used.writeCapacityUnits()).isZero();
  }

  @Test
  void aRefusedWriteIsCountedAsAFailure() {
    store.saveChannel(ChannelConfig.of(GUILD, CHANNEL));
    RequestStats before = metrics.snapshot();

    assertThatThrownBy(() -> store.saveChannel(ChannelConfig.of(GUILD, CHANNEL)))
        .isInstanceOf(ConfigConflictException.class);

    RequestStats used = metrics.snapshot().since(before);
    assertThat(used.failuresByOperation()).isEqualTo(Map.of("UpdateItem", 1L));
    assertThat(used.httpAttempts())
        .as("a condition failure is not retried")
        .isEqualTo(used.calls());
  }
}
