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
import io.github.botconfig.dynamodb.testing.FaultProxy;
import io.github.botconfig.dynamodb.testing.FaultProxy.Fault;
import io.github.botconfig.dynamodb.testing.LocalDynamoDbExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The store behind a {@link FaultProxy}: DynamoDB's own errors, resets, hangs and lost answers.
 * What the SDK's retries absorb succeeds; what they do not is a {@link StoreUnavailableException}
 * saying what happened, and the table is as it was.
 */
class StoreFaultsIT {
  @RegisterExtension
  static final LocalDynamoDbExtension DYNAMODB = LocalDynamoDbExtension.dynalite();

  private static final GuildId GUILD = GuildId.of(42);
  private static final ChannelId CHANNEL = ChannelId.of(4201);

  private final MutableClock clock = MutableClock.startingAt2026();
  private final RequestMetrics metrics = new RequestMetrics();
  private FaultProxy proxy;
  private DynamoDbClient client;
  private DynamoDbConfigStore store;
  private RawTable table;

  @BeforeEach
  void storeBehindTheProxy() {
    proxy = FaultProxy.start(DYNAMODB.endpoint());
    // A client of its own per test: the SDK's retry quota is per client, and tests here spend it.
    client =
        DynamoDbClients.builder()
            .endpointOverride(proxy.endpoint())
            .apiCallAttemptTimeout(Duration.ofMillis(800))
            .apiCallTimeout(Duration.ofSeconds(10))
            .metrics(metrics)
            .build();
    String name = DYNAMODB.newTable();
    store = DynamoDbConfigStore.builder().client(client).tableName(name).clock(clock).build();
    table = new RawTable(DYNAMODB.client(), name);
  }

  @AfterEach
  void close() {
    client.close();
    proxy.close();
  }

  @ParameterizedTest
  @EnumSource(
      names = {
        "THROTTLING",
        "PROVISIONED_THROUGHPUT_EXCEEDED",
        "INTERNAL_SERVER_ERROR",
        "SERVICE_UNAVAILABLE",
        "CONNECTION_RESET"
      })
  void aWriteFailingFewerTimesThanTheAttemptsSucceeds(Fault fault) {
    ChannelConfig saved = store.saveChannel(ChannelConfig.of(GUILD, CHANNEL));
    RequestStats before = metrics.snapshot();
    proxy.failNext(2, fault).onlyFor("UpdateItem");

    ChannelConfig updated = store.saveChannel(saved.withPin(true));

    assertThat(updated.version()).isEqualTo(2);
    assertThat(store.findChannel(CHANNEL)).contains(updated);
    assertThat(proxy.injected()).isEqualTo(2);
    RequestStats retried = metrics.snapshot().since(before);
    assertThat(retried.httpAttempts() - retried.calls())
        .as("attempts beyond one per call")
        .isEqualTo(2);
  }

  @ParameterizedTest
  @EnumSource(
      names = {
        "THROTTLING",
        "PROVISIONED_THROUGHPUT_EXCEEDED",
        "INTERNAL_SERVER_ERROR",
        "SERVICE_UNAVAILABLE",
        "CONNECTION_RESET"
      })
  void aWriteFailingBeyondTheAttemptsIsAReadableErrorAndChangesNothing(Fault fault) {
    ChannelConfig saved = store.saveChannel(ChannelConfig.of(GUILD, CHANNEL));
    store.saveSettings(GuildSettings.defaults(GUILD));
    List<Map<String, AttributeValue>> before = table.scan();
    long updatesBefore = proxy.requests("UpdateItem");
    proxy.failAll(fault).onlyFor("UpdateItem");

    assertThatThrownBy(() -> store.saveChannel(saved.withPin(true)))
        .isInstanceOf(StoreUnavailableException.class)
        .hasMessageStartingWith("could not save channel 4201: ")
        .hasMessageContaining("table '" + store.tableName() + "' at " + proxy.endpoint())
        .hasMessageContaining(expectedReason(fault));
    assertThatThrownBy(
            () ->
                store.saveSettings(
                    store.findSettings(GUILD).orElseThrow().withPositionDisplayEnabled(false)))
        .isInstanceOf(StoreUnavailableException.class)
        .hasMessageStartingWith("could not save settings of guild 42: ");

    assertThat(proxy.requests("UpdateItem") - updatesBefore)
        .as("3 attempts per write")
        .isEqualTo(6);
    assertThat(table.scan()).isEqualTo(before);
  }

  private static String expectedReason(Fault fault) {
    switch (fault) {
      case THROTTLING:
      case PROVISIONED_THROUGHPUT_EXCEEDED:
        return "DynamoDB is throttling requests to table";
      case INTERNAL_SERVER_ERROR:
      case SERVICE_UNAVAILABLE:
        return "DynamoDB failed to serve table";
      default:
        return "DynamoDB could not be reached for table";
    }
  }

  @Test
  void aServerThatNeverAnswersIsATimeoutAndAWriteChangesNothing() {
    ChannelConfig saved = store.saveChannel(ChannelConfig.of(GUILD, CHANNEL));
    List<Map<String, AttributeValue>> before = table.scan();
    proxy.failAll(Fault.NO_ANSWER);

    assertThatThrownBy(() -> store.saveChannel(saved.withPin(true)))
        .isInstanceOf(StoreUnavailableException.class)
        .hasMessageStartingWith("could not save channel 4201: ")
        .hasMessageContaining("did not answer in time");
    assertThatThrownBy(store::loadAll).isInstanceOf(StoreUnavailableException.class);

    proxy.heal();
    assertThat(table.scan()).isEqualTo(before);
  }

  @Test
  void addedLatencyBelowTheAttemptTimeoutOnlySlowsRequestsDown() {
    ChannelConfig saved = store.saveChannel(ChannelConfig.of(GUILD, CHANNEL));
    proxy.delay(Duration.ofMillis(200));

    ChannelConfig updated = store.saveChannel(saved.withImage(true));

    assertThat(store.loadAll().channel(CHANNEL)).contains(updated);
    assertThat(proxy.injected()).isZero();
  }

  @Test
  void
      aShareOfServerErrorsLeavesEveryWriteEitherDoneOrNotDoneAndTheTableAgreesWithWhatWasAcknowledged() {
    proxy.failShare(0.3, Fault.INTERNAL_SERVER_ERROR);
    ConfigSnapshot.Builder acknowledged = ConfigSnapshot.builder();
    int failed = 0;
    for (int i = 1; i <= 40; i++) {
      ChannelConfig channel = ChannelConfig.of(GUILD, ChannelId.of(5000 + i)).withPin(i % 2 == 0);
      try {
        acknowledged.addChannel(store.saveChannel(channel));
      } catch (StoreUnavailableException e) {
        failed++;
        assertThat(e).hasMessageContaining("DynamoDB failed to serve table");
      }
    }
    proxy.heal();

    assertThat(proxy.injected()).isPositive();
    ConfigSnapshot stored = store.loadAll();
    assertThat(stored.channels()).isEqualTo(acknowledged.build().channels());
    assertThat(stored.channels()).hasSize(40 - failed);
  }

  @Test
  void aWriteWhoseAnswerWasLostIsRecognisedAsDoneWhenTheRetryFindsItStored() {
    ChannelConfig saved = store.saveChannel(ChannelConfig.of(GUILD, CHANNEL));
    proxy.failNext(1, Fault.ANSWER_LOST).onlyFor("UpdateItem");

    ChannelConfig updated = store.saveChannel(saved.withPin(true));

    assertThat(updated.version()).isEqualTo(2);
    assertThat(store.findChannel(CHANNEL)).contains(updated);
    assertThat(store.changeMarker())
        .as("the marker moved for the write, so other processes see it")
        .isEqualTo(2);
  }

  @Test
  void settingsWhoseAnswerWasLostAreRecognisedAsDoneToo() {
    GuildSettings saved = store.saveSettings(GuildSettings.defaults(GUILD));
    proxy.failNext(1, Fault.ANSWER_LOST).onlyFor("UpdateItem");

    GuildSettings updated = store.saveSettings(saved.withPositionDisplayEnabled(false));

    assertThat(updated.version()).isEqualTo(2);
    assertThat(store.findSettings(GUILD)).contains(updated);
  }
}
