package io.github.botconfig.dynamodb;

import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.StoreUnavailableException;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;

/**
 * Removes every item under {@code PK = GUILD#g}, of any type: a paginated Query for the keys, each
 * page deleted before the next is read (memory stays at one page), one DeleteItem per item.
 *
 * <p>DeleteItem, not BatchWriteItem: the bot's IAM role is granted DeleteItem anyway, and
 * BatchWriteItem would also let it put whole items unconditionally (docs/security.md). The deletes
 * are paced ({@link #BURST} in a row, then {@link #BURST_PAUSE}) so a large guild does not take a
 * provisioned table's capacity from the bot's own writes, and a throttled delete is sent again with
 * backoff for up to {@link #MAX_ROUNDS} rounds. Thread-safe.
 */
final class GuildPurge {
  /** Deletes sent in a row before a pause: as many as one BatchWriteItem of old. */
  static final int BURST = 25;

  /**
   * The pause after each burst: at most 250 deletes (write units) a second, well inside what a
   * provisioned table's burst capacity absorbs. A guild holds at most about 500 items (Discord's
   * channel limit), so a purge pauses 2 s in all; this process's other writes through the cache
   * wait for it (the cache's writer lock).
   */
  static final Duration BURST_PAUSE = Duration.ofMillis(100);

  /** How many times one throttled delete is sent, the SDK's own retries aside. */
  static final int MAX_ROUNDS = 8;

  /** Waits; a test passes one that records instead. */
  interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;

    Sleeper THREAD = duration -> Thread.sleep(duration.toMillis());
  }

  private final DynamoDbClient client;
  private final StoreErrors errors;
  private final Sleeper sleeper;

  GuildPurge(DynamoDbClient client, StoreErrors errors, Sleeper sleeper) {
    this.client = client;
    this.errors = errors;
    this.sleeper = sleeper;
  }

  /**
   * Before round {@code round} of a throttled delete (1 for the first resend): 50 ms doubling, at
   * most 2 s.
   */
  static Duration backoff(int round) {
    return Duration.ofMillis(Math.min(2_000L, 50L << Math.min(round - 1, 6)));
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
    int deleted = 0;
    try {
      for (QueryResponse page : pages(guildId)) {
        for (Map<String, AttributeValue> key : page.items()) {
          if (deleted > 0 && deleted % BURST == 0) {
            pause(BURST_PAUSE, action);
          }
          delete(key, action, deleted);
          deleted++;
        }
      }
    } catch (SdkException e) {
      // The Query of a page after the first, or the first.
      throw errors.unavailable(progress(action, deleted), e);
    } finally {
      if (deleted > 0) {
        afterFirstDeletion.run();
      }
    }
    return deleted;
  }

  private Iterable<QueryResponse> pages(GuildId guildId) {
    return client.queryPaginator(
        QueryRequest.builder()
            .tableName(errors.tableName())
            .consistentRead(true)
            .keyConditionExpression("#pk = :pk")
            .projectionExpression("#pk, #sk")
            .expressionAttributeNames(Map.of("#pk", TableLayout.PK, "#sk", TableLayout.SK))
            .expressionAttributeValues(Map.of(":pk", TableLayout.s(TableLayout.guildKey(guildId))))
            .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
            .build());
  }

  /** Deletes one item, sending it again while DynamoDB throttles. */
  private void delete(Map<String, AttributeValue> key, String action, int deleted) {
    for (int round = 0; ; round++) {
      if (round > 0) {
        pause(backoff(round), action);
      }
      try {
        client.deleteItem(
            request ->
                request
                    .tableName(errors.tableName())
                    .key(key)
                    .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        return;
      } catch (AwsServiceException e) {
        if (!e.isThrottlingException()) {
          throw errors.unavailable(progress(action, deleted), e);
        }
        if (round + 1 == MAX_ROUNDS) {
          throw new StoreUnavailableException(
              "could not "
                  + action
                  + ": DynamoDB throttled the deletes from table '"
                  + errors.tableName()
                  + "' for "
                  + MAX_ROUNDS
                  + " rounds; "
                  + deleted
                  + " items were deleted, run the deletion again later",
              e);
        }
      } catch (SdkException e) {
        throw errors.unavailable(progress(action, deleted), e);
      }
    }
  }

  /** What was being done, with how far it got once anything is gone. */
  private static String progress(String action, int deleted) {
    return deleted == 0 ? action : action + " (" + deleted + " items deleted so far)";
  }

  private void pause(Duration duration, String action) {
    try {
      sleeper.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreUnavailableException("could not " + action + ": interrupted", e);
    }
  }
}
