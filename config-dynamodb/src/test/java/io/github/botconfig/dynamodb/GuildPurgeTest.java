package io.github.botconfig.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.StoreUnavailableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * What dynalite never does (throttle a delete, fail half-way), and the pace of the purge. The purge
 * against a real server: {@code LargeTableIT}, and under the bot's IAM policy: {@code IamPolicyIT}
 * (bot-app).
 */
class GuildPurgeTest {
  private static final GuildId GUILD = GuildId.of(42);
  private static final String TABLE = "t";

  private final ScriptedDynamoDb dynamo = new ScriptedDynamoDb();
  private final List<Duration> pauses = new ArrayList<>();
  private final AtomicInteger bumps = new AtomicInteger();
  private final GuildPurge purge =
      new GuildPurge(dynamo, new StoreErrors(TABLE, "http://127.0.0.1:1"), pauses::add);

  @Test
  void everyItemOfTheGuildIsDeletedByItsOwnDeleteItemAndTheMarkerMovesOnce() {
    dynamo.onQuery(request -> keys(1, 3));
    answerDeletes(3);

    assertThat(purge.deleteAll(GUILD, bumps::incrementAndGet)).isEqualTo(3);

    assertThat(dynamo.deletes).extracting(DeleteItemRequest::tableName).containsOnly(TABLE);
    assertThat(dynamo.deletes)
        .extracting(request -> request.key().get("SK").s())
        .containsExactly("CHANNEL#1", "CHANNEL#2", "CHANNEL#3");
    assertThat(dynamo.deletes)
        .extracting(request -> request.key().get("PK").s())
        .containsOnly("GUILD#42");
    assertThat(dynamo.deletes)
        .as("the purge deletes what it listed, whatever its state")
        .allSatisfy(request -> assertThat(request.conditionExpression()).isNull());
    assertThat(bumps).hasValue(1);
    assertThat(pauses).isEmpty();
  }

  @Test
  void deletesArePacedByBurstsOfTwentyFive() {
    dynamo.onQuery(request -> keys(1, 60));
    answerDeletes(60);

    assertThat(purge.deleteAll(GUILD, bumps::incrementAndGet)).isEqualTo(60);

    assertThat(dynamo.deletes).hasSize(60);
    assertThat(pauses).containsExactly(GuildPurge.BURST_PAUSE, GuildPurge.BURST_PAUSE);
    assertThat(bumps).hasValue(1);
  }

  @Test
  void eachPageOfKeysIsDeletedBeforeTheNextIsRead() {
    Map<String, AttributeValue> lastKey =
        Map.of("PK", AttributeValue.fromS("GUILD#42"), "SK", AttributeValue.fromS("CHANNEL#20"));
    List<Integer> deletedBeforeSecondPage = new ArrayList<>();
    dynamo.onQuery(request -> keys(1, 20).toBuilder().lastEvaluatedKey(lastKey).build());
    dynamo.onQuery(
        request -> {
          deletedBeforeSecondPage.add(dynamo.deletes.size());
          return keys(21, 25);
        });
    answerDeletes(25);

    assertThat(purge.deleteAll(GUILD, bumps::incrementAndGet)).isEqualTo(25);

    assertThat(dynamo.queries.get(1).exclusiveStartKey()).isEqualTo(lastKey);
    assertThat(deletedBeforeSecondPage).containsExactly(20);
    assertThat(bumps).hasValue(1);
  }

  @Test
  void aThrottledDeleteIsSentAgainWithBackoffUntilItGoesThrough() {
    dynamo.onQuery(request -> keys(1, 2));
    dynamo.onDelete(request -> ok());
    dynamo.onDelete(GuildPurgeTest::throttle);
    dynamo.onDelete(GuildPurgeTest::throttle);
    dynamo.onDelete(request -> ok());

    assertThat(purge.deleteAll(GUILD, bumps::incrementAndGet)).isEqualTo(2);

    assertThat(dynamo.deletes)
        .extracting(request -> request.key().get("SK").s())
        .containsExactly("CHANNEL#1", "CHANNEL#2", "CHANNEL#2", "CHANNEL#2");
    assertThat(pauses).containsExactly(Duration.ofMillis(50), Duration.ofMillis(100));
    assertThat(bumps).hasValue(1);
  }

  @Test
  void aDeleteThrottledEveryRoundIsAnUnavailableStoreThatSaysWhatWasDone() {
    dynamo.onQuery(request -> keys(1, 30));
    answerDeletes(28);
    for (int i = 0; i < GuildPurge.MAX_ROUNDS; i++) {
      dynamo.onDelete(GuildPurgeTest::throttle);
    }

    assertThatThrownBy(() -> purge.deleteAll(GUILD, bumps::incrementAndGet))
        .isInstanceOf(StoreUnavailableException.class)
        .hasMessage(
            "could not delete guild 42: DynamoDB throttled the deletes from table 't' for 8 rounds;"
                + " 28 items were deleted, run the deletion again later");
    assertThat(dynamo.deletes).hasSize(28 + GuildPurge.MAX_ROUNDS);
    assertThat(bumps).as("what was deleted is announced").hasValue(1);
  }

  @Test
  void anotherFailureStopsAtOnceAndSaysHowManyWereDeleted() {
    dynamo.onQuery(request -> keys(1, 5));
    answerDeletes(2);
    dynamo.onDelete(
        request -> {
          throw DynamoDbException.builder()
              .statusCode(500)
              .awsErrorDetails(AwsErrorDetails.builder().errorCode("InternalServerError").build())
              .build();
        });

    assertThatThrownBy(() -> purge.deleteAll(GUILD, bumps::incrementAndGet))
        .isInstanceOf(StoreUnavailableException.class)
        .hasMessageStartingWith(
            "could not delete guild 42 (2 items deleted so far): DynamoDB failed to serve table 't'");
    assertThat(dynamo.deletes).hasSize(3);
    assertThat(pauses).isEmpty();
    assertThat(bumps).hasValue(1);
  }

  @Test
  void aGuildWithNothingStoredDeletesNothingAndAnnouncesNothing() {
    dynamo.onQuery(request -> keys(1, 0));

    assertThat(purge.deleteAll(GUILD, bumps::incrementAndGet)).isZero();

    assertThat(dynamo.deletes).isEmpty();
    assertThat(bumps).hasValue(0);
  }

  @Test
  void theBackoffDoublesFrom50MsUpTo2s() {
    assertThat(IntStream.rangeClosed(1, 8).mapToObj(GuildPurge::backoff).map(Duration::toMillis))
        .containsExactly(50L, 100L, 200L, 400L, 800L, 1600L, 2000L, 2000L);
  }

  private void answerDeletes(int count) {
    Collections.nCopies(count, 0).forEach(i -> dynamo.onDelete(request -> ok()));
  }

  private static DeleteItemResponse ok() {
    return DeleteItemResponse.builder().build();
  }

  private static DeleteItemResponse throttle(DeleteItemRequest request) {
    throw ProvisionedThroughputExceededException.builder()
        .statusCode(400)
        .awsErrorDetails(
            AwsErrorDetails.builder().errorCode("ProvisionedThroughputExceededException").build())
        .build();
  }

  /** Keys {@code CHANNEL#from} to {@code CHANNEL#to} of guild 42. */
  private static QueryResponse keys(int from, int to) {
    return QueryResponse.builder()
        .items(
            IntStream.rangeClosed(from, to)
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
}
