package io.github.botconfig.dynamodb;

import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.StoreUnavailableException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Removes every item under {@code PK = GUILD#g}, of any type: a paginated Query for the keys, then
 * BatchWriteItem by 25 (DynamoDB's limit), sending again what DynamoDB left unprocessed, with
 * backoff. Thread-safe.
 */
final class GuildPurge {
  static final int BATCH_SIZE = 25;
  static final int MAX_ROUNDS = 8;

  /** Waits before sending unprocessed items again; a test passes one that does not wait. */
  interface Backoff {
    /** Waits before round {@code round} (1 for the first resend). */
    void pause(int round) throws InterruptedException;

    /** 50 ms, doubling, at most 2 s. */
    Backoff EXPONENTIAL = round -> Thread.sleep(Math.min(2_000L, 50L << Math.min(round - 1, 6)));
  }

  private final DynamoDbClient client;
  private final StoreErrors errors;
  private final Backoff backoff;

  GuildPurge(DynamoDbClient client, StoreErrors errors, Backoff backoff) {
    this.client = client;
    this.errors = errors;
    this.backoff = backoff;
  }

  /**
   * Deletes every item of the guild, in batches.
   *
   * @param afterFirstDeletion called once, as soon as anything was deleted (even if the rest then
   *     fails)
   * @return how many items were deleted
   */
  int deleteAll(GuildId guildId, Runnable afterFirstDeletion) {
    String action = "delete guild " + guildId;
    List<Map<String, AttributeValue>> keys = keysOf(guildId, action);
    int deleted = 0;
    try {
      for (int from = 0; from < keys.size(); from += BATCH_SIZE) {
        List<Map<String, AttributeValue>> batch =
            keys.subList(from, Math.min(keys.size(), from + BATCH_SIZE));
        int left = deleteBatch(batch, action, keys.size() - deleted);
        deleted += batch.size() - left;
        if (left > 0) {
          throw new StoreUnavailableException(
              "could not "
                  + action
                  + ": DynamoDB left "
                  + left
                  + " items of table '"
                  + errors.tableName()
                  + "' unprocessed after "
                  + MAX_ROUNDS
                  + " rounds (it is throttling); "
                  + deleted
                  + " items were deleted, run the deletion again later");
        }
      }
    } finally {
      if (deleted > 0) {
        afterFirstDeletion.run();
      }
    }
    return deleted;
  }

  private List<Map<String, AttributeValue>> keysOf(GuildId guildId, String action) {
    QueryRequest request =
        QueryRequest.builder()
            .tableName(errors.tableName())
            .consistentRead(true)
            .keyConditionExpression("#pk = :pk")
            .projectionExpression("#pk, #sk")
            .expressionAttributeNames(Map.of("#pk", TableLayout.PK, "#sk", TableLayout.SK))
            .expressionAttributeValues(Map.of(":pk", TableLayout.s(TableLayout.guildKey(guildId))))
            .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
            .build();
    List<Map<String, AttributeValue>> keys = new ArrayList<>();
    try {
      client.queryPaginator(request).items().forEach(keys::add);
    } catch (SdkException e) {
      throw errors.unavailable(action, e);
    }
    return keys;
  }

  /**
   * Deletes one batch, resending unprocessed items; returns how many are still left after the last
   * round.
   */
  private int deleteBatch(List<Map<String, AttributeValue>> batch, String action, int remaining) {
    List<WriteRequest> pending = new ArrayList<>();
    for (Map<String, AttributeValue> key : batch) {
      pending.add(
          WriteRequest.builder().deleteRequest(DeleteRequest.builder().key(key).build()).build());
    }
    for (int round = 0; round < MAX_ROUNDS && !pending.isEmpty(); round++) {
      if (round > 0) {
        pause(round, action);
      }
      BatchWriteItemResponse response;
      try {
        List<WriteRequest> requests = pending;
        response =
            client.batchWriteItem(
                request ->
                    request
                        .requestItems(Map.of(errors.tableName(), requests))
                        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
      } catch (SdkException e) {
        throw errors.unavailable(action + " (" + remaining + " items left)", e);
      }
      pending =
          new ArrayList<>(response.unprocessedItems().getOrDefault(errors.tableName(), List.of()));
    }
    return pending.size();
  }

  private void pause(int round, String action) {
    try {
      backoff.pause(round);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreUnavailableException("could not " + action + ": interrupted", e);
    }
  }
}
