package io.github.botconfig.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.botconfig.domain.ConfigConflictException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/**
 * A conditional write the SDK retried may find its own earlier attempt stored (its answer was
 * lost): that is a success. Anything else that fails the condition is a conflict. (StoreFaultsIT
 * shows the first case on a server.)
 */
class VersionedWritesTest {
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  private static final Map<String, AttributeValue> KEY =
      Map.of("PK", AttributeValue.fromS("GUILD#1"), "SK", AttributeValue.fromS("CHANNEL#2"));

  private final ScriptedDynamoDb dynamo = new ScriptedDynamoDb();
  private final VersionedWrites writes =
      new VersionedWrites(dynamo, new StoreErrors("t", "http://127.0.0.1:1"));

  private static ConditionalCheckFailedException conditionFailed(int attempts) {
    return ConditionalCheckFailedException.builder()
        .message("The conditional request failed")
        .numAttempts(attempts)
        .build();
  }

  private static Map<String, AttributeValue> storedAfterOurWrite(boolean pin) {
    Map<String, AttributeValue> item = new HashMap<>(KEY);
    item.put("pin", AttributeValue.fromBool(pin));
    item.put("version", AttributeValue.fromN("4"));
    item.put("updatedAt", AttributeValue.fromN(Long.toString(NOW.toEpochMilli())));
    item.put("createdAt", AttributeValue.fromN("1700000000000"));
    return item;
  }

  @Test
  void aRetryThatFindsItsOwnEarlierAttemptStoredIsASuccess() {
    dynamo
        .onUpdate(
            r -> {
              throw conditionFailed(2);
            })
        .onGet(r -> GetItemResponse.builder().item(storedAfterOurWrite(true)).build());

    Instant createdAt =
        writes.update(
            "channel 2", KEY, new Expressions().set("pin", AttributeValue.fromBool(true)), 3, NOW);

    assertThat(createdAt).isEqualTo(Instant.ofEpochMilli(1_700_000_000_000L));
  }

  @Test
  void aRetryThatFindsSomethingElseStoredIsAConflict() {
    dynamo
        .onUpdate(
            r -> {
              throw conditionFailed(2);
            })
        .onGet(r -> GetItemResponse.builder().item(storedAfterOurWrite(false)).build());

    assertThatThrownBy(
            () ->
                writes.update(
                    "channel 2",
                    KEY,
                    new Expressions().set("pin", AttributeValue.fromBool(true)),
                    3,
                    NOW))
        .isInstanceOf(ConfigConflictException.class)
        .hasMessageStartingWith(
            "channel 2 was changed or deleted by someone else (expected version 3");
  }

  @Test
  void aFirstAttemptThatFailsItsConditionIsAConflictWithoutAnotherRead() {
    dynamo.onUpdate(
        r -> {
          throw conditionFailed(1);
        });

    assertThatThrownBy(
            () ->
                writes.update(
                    "channel 2",
                    KEY,
                    new Expressions().set("pin", AttributeValue.fromBool(true)),
                    3,
                    NOW))
        .isInstanceOf(ConfigConflictException.class);
  }

  @Test
  void anUpdateIsCarriedByAnItemOnlyWithEverySetValueAndNoRemovedOne() {
    Expressions update =
        new Expressions()
            .set("pin", AttributeValue.fromBool(true))
            .setNested("summaryPreferences", "weeklySummary", AttributeValue.fromBool(true))
            .remove("departedAt");
    Map<String, AttributeValue> item = new HashMap<>(KEY);
    item.put("pin", AttributeValue.fromBool(true));
    item.put(
        "summaryPreferences",
        AttributeValue.fromM(Map.of("weeklySummary", AttributeValue.fromBool(true))));

    assertThat(update.isCarriedBy(item)).isTrue();
    item.put("departedAt", AttributeValue.fromN("1"));
    assertThat(update.isCarriedBy(item)).isFalse();
    item.remove("departedAt");
    item.put("summaryPreferences", AttributeValue.fromM(Map.of()));
    assertThat(update.isCarriedBy(item)).isFalse();
  }
}
