package io.github.botconfig.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.ConfigSnapshot;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.testing.MutableClock;
import io.github.botconfig.dynamodb.testing.LocalDynamoDbExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * More than DynamoDB returns in one page (1 MB): every read path follows the pages, and deleting a
 * guild of many items goes batch by batch. The big table is filled once and only read.
 */
class LargeTableIT {
  @RegisterExtension
  static final LocalDynamoDbExtension DYNAMODB = LocalDynamoDbExtension.dynalite();

  private static final String G = "1180586412434817024";
  private static final GuildId GUILD = GuildId.of(G);
  private static final int CHANNELS = 300;

  /** 300 items of 4 KB: about 1.2 MB, more than one page of Scan or Query. */
  private static final String PADDING = "x".repeat(4_000);

  private static final RequestMetrics METRICS = new RequestMetrics();
  private static DynamoDbClient client;
  private static String tableName;

  private final MutableClock clock = MutableClock.startingAt2026();

  @BeforeAll
  static void fillTheTable() {
    client =
        DynamoDbClients.builder().endpointOverride(DYNAMODB.endpoint()).metrics(METRICS).build();
    tableName = DYNAMODB.newTable();
    fill(tableName, G, CHANNELS, PADDING);
  }

  /** Writes a guild as the running bot would: channels, settings, and its global message item. */
  private static void fill(String table, String guild, int channels, String padding) {
    List<WriteRequest> writes = new ArrayList<>();
    for (int i = 1; i <= channels; i++) {
      writes.add(
          put(
              Items.legacyChannel(guild, Long.toString(1180586500000000000L + i))
                  .s("padding", padding)));
    }
    writes.add(put(Items.legacySettings(guild)));
    writes.add(
        put(Items.item("GUILD#" + guild, "GLOBAL_MESSAGE").s("Type", "global_position_message")));
    for (int from = 0; from < writes.size(); from += 25) {
      List<WriteRequest> batch = writes.subList(from, Math.min(writes.size(), from + 25));
      client.batchWriteItem(request -> request.requestItems(Map.of(table, batch)));
    }
  }

  private static WriteRequest put(Items item) {
    return WriteRequest.builder()
        .putRequest(PutRequest.builder().item(item.build()).build())
        .build();
  }

  @AfterAll
  static void closeClient() {
    client.close();
  }

  private DynamoDbConfigStore store(int segments) {
    return DynamoDbConfigStore.builder()
        .client(client)
        .tableName(tableName)
        .clock(clock)
        .scanSegments(segments)
        .build();
  }

  @Test
  void aFullLoadReadsEveryPage() {
    RequestStats before = METRICS.snapshot();

    ConfigSnapshot snapshot = store(1).loadAll();

    RequestStats used = METRICS.snapshot().since(before);
    assertThat(snapshot.channelsOf(GUILD)).hasSize(CHANNELS);
    assertThat(snapshot.settings()).containsOnlyKeys(GUILD);
    assertThat(used.calls("Scan")).isGreaterThanOrEqualTo(2);
  }

  @Test
  void parallelSegmentsLoadTheSameSnapshot() {
    DynamoDbConfigStore parallel = store(4);

    ConfigSnapshot snapshot = parallel.loadAll();

    assertThat(snapshot).isEqualTo(store(1).loadAll());
    assertThat(parallel.lastLoadReport().pages()).isGreaterThanOrEqualTo(4);
    assertThat(parallel.lastLoadReport().itemsRead()).isEqualTo(CHANNELS + 2);
    assertThat(parallel.lastLoadReport().otherItems()).isEqualTo(1);
  }

  @Test
  void aGuildsChannelsAreListedPageByPageInIdOrder() {
    RequestStats before = METRICS.snapshot();

    List<ChannelConfig> channels = store(1).findChannels(GUILD);

    assertThat(METRICS.snapshot().since(before).calls("Query")).isGreaterThanOrEqualTo(2);
    assertThat(channels).hasSize(CHANNELS);
    assertThat(channels).extracting(ChannelConfig::channelId).isSorted();
    assertThat(channels.get(CHANNELS - 1).channelId())
        .isEqualTo(ChannelId.of(1180586500000000000L + CHANNELS));
  }

  @Test
  void deletingAGuildOfManyItemsRemovesThemAllOneDeleteItemEach() {
    String table = DYNAMODB.newTable();
    fill(table, G, 60, "");
    DynamoDbConfigStore store =
        DynamoDbConfigStore.builder().client(client).tableName(table).clock(clock).build();
    RequestStats before = METRICS.snapshot();

    assertThat(store.deleteGuild(GUILD)).isEqualTo(62);

    assertThat(METRICS.snapshot().since(before).calls("DeleteItem")).isEqualTo(62);
    assertThat(METRICS.snapshot().since(before).calls("BatchWriteItem")).isZero();
    assertThat(store.loadAll()).isEqualTo(ConfigSnapshot.empty());
    assertThat(store.lastLoadReport().itemsRead())
        .as("only the change marker and the purge's change record are left")
        .isEqualTo(2);
  }
}
