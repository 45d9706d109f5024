package io.github.botconfig.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.ConfigSnapshot;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.GuildSettings;
import io.github.botconfig.domain.StoreUnavailableException;
import io.github.botconfig.domain.testing.MutableClock;
import io.github.botconfig.dynamodb.testing.LocalDynamoDb;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A server that goes away, or a table that is not there: every operation fails with a message
 * naming the table and the endpoint, and a failed write leaves the table as it was. Each test runs
 * its own server, since it stops it.
 */
class ServerFailureIT {
  private static final GuildId GUILD = GuildId.of(42);
  private static final ChannelId CHANNEL = ChannelId.of(4201);

  private final MutableClock clock = MutableClock.startingAt2026();
  private final RequestMetrics metrics = new RequestMetrics();

  @Test
  void aMissingTableIsNamedWithHowToCreateIt() {
    try (LocalDynamoDb server = LocalDynamoDb.startDynalite();
        DynamoDbClient client = server.newClient()) {
      DynamoDbConfigStore store =
          DynamoDbConfigStore.builder().client(client).tableName("no-such-table").build();

      assertThatThrownBy(store::loadAll)
          .isInstanceOf(StoreUnavailableException.class)
          .hasMessageStartingWith(
              "could not load the configuration: the DynamoDB table 'no-such-table' at "
                  + server.endpoint()
                  + " does not exist; create it (TableProvisioner.createIfMissing()");
      assertThatThrownBy(() -> store.saveChannel(ChannelConfig.of(GUILD, CHANNEL)))
          .isInstanceOf(StoreUnavailableException.class)
          .hasMessageContaining(
              "table 'no-such-table' at " + server.endpoint() + " does not exist");
    }
  }

  @Test
  void whenTheServerStopsEveryOperationFailsNamingTableAndEndpointAndWritesChangeNothing(
      @TempDir Path data) {
    String table;
    ConfigSnapshot before;
    String endpoint;
    ChannelConfig saved;
    GuildSettings settings;
    try (LocalDynamoDb server = LocalDynamoDb.startDynalite(data);
        DynamoDbClient client = fastFailingClient(server)) {
      endpoint = server.endpoint().toString();
      table = "server-failure";
      TableProvisioner.builder()
          .client(client)
          .tableName(table)
          .pollInterval(Duration.ofMillis(20))
          .build()
          .createIfMissing();
      DynamoDbConfigStore store = store(client, table);
      saved = store.saveChannel(ChannelConfig.of(GUILD, CHANNEL));
      settings = store.saveSettings(GuildSettings.defaults(GUILD));
      before = store.loadAll();

      server.close();

      Map<String, ThrowingCallable> operations = new LinkedHashMap<>();
      operations.put("find channel 4201", () -> store.findChannel(CHANNEL));
      operations.put("list the channels of guild 42", () -> store.findChannels(GUILD));
      operations.put("read the settings of guild 42", () -> store.findSettings(GUILD));
      operations.put("save channel 4201", () -> store.saveChannel(saved.withPin(true)));
      operations.put(
          "save settings of guild 42",
          () -> store.saveSettings(settings.withPositionDisplayEnabled(false)));
      operations.put("untrack channel 4201 of guild 42", () -> store.deleteChannel(GUILD, CHANNEL));
      operations.put("delete guild 42", () -> store.deleteGuild(GUILD));
      operations.put("load the configuration", store::loadAll);
      operations.put("read the change marker", store::changeMarker);
      RequestStats beforeFailures = metrics.snapshot();
      operations.forEach(
          (action, call) ->
              assertThatThrownBy(call)
                  .as(action)
                  .isInstanceOf(StoreUnavailableException.class)
                  .hasMessageStartingWith(
                      "could not "
                          + action
                          + ": DynamoDB could not be reached for table '"
                          + table
                          + "' at "
                          + endpoint
                          + " (3 attempts): "));
      RequestStats failed = metrics.snapshot().since(beforeFailures);
      assertThat(failed.httpAttempts()).as("3 attempts per call").isEqualTo(3 * failed.calls());
    }

    try (LocalDynamoDb restarted = LocalDynamoDb.startDynalite(data);
        DynamoDbClient client = restarted.newClient()) {
      assertThat(store(client, table).loadAll()).isEqualTo(before);
    }
  }

  private DynamoDbClient fastFailingClient(LocalDynamoDb server) {
    return DynamoDbClients.builder()
        .endpointOverride(server.endpoint())
        .apiCallAttemptTimeout(Duration.ofSeconds(2))
        .apiCallTimeout(Duration.ofSeconds(10))
        .metrics(metrics)
        .build();
  }

  private DynamoDbConfigStore store(DynamoDbClient client, String table) {
    return DynamoDbConfigStore.builder().client(client).tableName(table).clock(clock).build();
  }
}
