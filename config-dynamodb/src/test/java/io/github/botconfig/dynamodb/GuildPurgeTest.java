package io.github.botconfig.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.StoreUnavailableException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** What dynalite never does: leave batch items unprocessed (DynamoDB does when it throttles). */
class GuildPurgeTest {
  private static final GuildId GUILD = GuildId.of(42);
  private static final String TABLE = "t";

  private final ScriptedDynamoDb dynamo = new ScriptedDynamoDb();
  private final List<Integer> pauses = new ArrayList<>();
  private final AtomicInteger bumps = new AtomicInteger();
  private final GuildPurge purge =
      new GuildPurge(dynamo, new StoreErrors(TABLE, "http://127.0.0.1:1"), pauses::add);

  @Test
  void unprocessedItemsAreSentAgainWithBackoffUntilDone() {
    dynamo.onQuery(request -> keys(3));
    dynamo.onBatchWrite(request -> leaveUnprocessed(request, 2));
    dynamo.onBatchWrite(request -> leaveUnprocessed(request, 1));
    dynamo.onBatchWrite(request -> leaveUnprocessed(request, 0));

    assertThat(purge.deleteAll(GUILD, bumps::incrementAndGet)).isEqualTo(3);

    assertThat(dynamo.batchWrites).extracting(GuildPurgeTest::size).containsExactly(3, 2, 1);
    assertThat(pauses).containsExactly(1, 2);
    assertThat(bumps).hasValue(1);
  }

  @Test
  void itemsAreDeletedByBatchesOfTwentyFive() {
    dynamo.onQuery(request -> keys(60));
    for (int i = 0; i < 3; i++) {
      dynamo.onBatchWrite(request -> leaveUnprocessed(request, 0));
    }

    assertThat(purge.deleteAll(GUILD, bumps::incrementAndGet)).isEqualTo(60);

    assertThat(dynamo.batchWrites).extracting(GuildPurgeTest::size).containsExactly(25, 25, 10);
    assertThat(pauses).isEmpty();
  }

  @Test
  void itemsStillUnprocessedAfterEveryRoundAreAnUnavailableStoreThatSaysWhatWasDone() {
    dynamo.onQuery(request -> keys(30));
    dynamo.onBatchWrite(request -> leaveUnprocessed(request, 0));
    for (int i = 0; i < GuildPurge.MAX_ROUNDS; i++) {
      dynamo.onBatchWrite(request -> leaveUnprocessed(request, 2));
    }

    assertThatThrownBy(() -> purge.deleteAll(GUILD, bumps::incrementAndGet))
        .isInstanceOf(StoreUnavailableException.class)
        .hasMessage(
            "could not delete guild 42: DynamoDB left 2 items of table 't' unprocessed after 8 rounds (it is"
                + " throttling); 28 items were deleted, run the deletion again later");
    assertThat(bumps).as("what was deleted is announced").hasValue(1);
  }

  @Test
  void aGuildWithNothingStoredDeletesNothingAndAnnouncesNothing() {
    dynamo.onQuery(request -> keys(0));

    assertThat(purge.deleteAll(GUILD, bumps::incrementAndGet)).isZero();

    assertThat(dynamo.batchWrites).isEmpty();
    assertThat(bumps).hasValue(0);
  }

  @Test
  void keysAreReadPageByPage() {
    Map<String, AttributeValue> lastKey =
        Map.of("PK", AttributeValue.fromS("GUILD#42"), "SK", AttributeValue.fromS("CHANNEL#20"));
    dynamo.onQuery(request -> keys(20).toBuilder().lastEvaluatedKey(lastKey).build());
    dynamo.onQuery(request -> keys(5));
    dynamo.onBatchWrite(request -> leaveUnprocessed(request, 0));

    assertThat(purge.deleteAll(GUILD, bumps::incrementAndGet)).isEqualTo(25);

    assertThat(dynamo.queries.get(1).exclusiveStartKey()).isEqualTo(lastKey);
  }

  private static QueryResponse keys(int count) {
    return QueryResponse.builder()
        .items(
            IntStream.rangeClosed(1, count)
                .mapToObj(
                    i ->
                        Map.of(
                            "PK",
                            AttributeValue.fromS("GUILD#42"),
                            "SK",
                            AttributeValue.fromS("CHANNEL#" + i)))
                .toList())
        .build();
  }

  private static BatchWriteItemResponse leaveUnprocessed(BatchWriteItemRequest request, int count) {
    List<WriteRequest> sent = request.requestItems().get(TABLE);
    return BatchWriteItemResponse.builder()
        .unprocessedItems(count == 0 ? Map.of() : Map.of(TABLE, sent.subList(0, count)))
        .build();
  }

  private static int size(BatchWriteItemRequest request) {
    return request.requestItems().get(TABLE).size();
  }
}
