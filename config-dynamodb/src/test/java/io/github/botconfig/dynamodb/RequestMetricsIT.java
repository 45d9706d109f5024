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
  void creatingAChannelIsAnOwnershipQueryTheWriteItsChangeRecordAndTheMarkerBump() {
    store.loadAll(); // as a running bot has: a store that never loaded first scans once for
    // channel items without index keys before its first lookup by channel id
    RequestStats before = metrics.snapshot();

    store.saveChannel(ChannelConfig.of(GUILD, CHANNEL));

    RequestStats used = metrics.snapshot().since(before);
    // UpdateItems: the position taken, the item, its change record, the marker
    assertThat(used.callsByOperation()).isEqualTo(Map.of("Query", 1L, "UpdateItem", 4L));
    assertThat(used.httpAttempts()).isEqualTo(5);
    assertThat(used.writeCapacityUnits()).isPositive();
    assertThat(used.failuresByOperation()).isEmpty();
  }

  @Test
  void updatingAChannelReadsItThenWritesWhatChangedWithoutAnOwnershipQuery() {
    ChannelConfig saved = store.saveChannel(ChannelConfig.of(GUILD, CHANNEL));
    RequestStats before = metrics.snapshot();

    store.replaceChannel(saved, saved.withPin(true));
    store.saveChannel(store.findChannels(GUILD).get(0).withImage(true));

    // the read of the stored item (the write port writes only what differs), then the four
    // UpdateItems
    assertThat(metrics.snapshot().since(before).callsByOperation())
        .as(
            "each: a consistent GetItem (the state the write is conditioned on), then four"
                + " UpdateItems: the position taken, the write, its change record, the marker")
        .isEqualTo(Map.of("GetItem", 2L, "UpdateItem", 8L, "Query", 1L));
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
        .as(
            "the ownership query, the position taken, the refused write (not retried), one GetItem"
                + " saying why, the position's record")
        .isEqualTo(5);
  }
}
