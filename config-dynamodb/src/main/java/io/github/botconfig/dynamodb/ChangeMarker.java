package io.github.botconfig.dynamodb;

import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The item every writer bumps after a successful write ({@code PK META}, {@code SK CHANGES}): a
 * cache polls it (one small GetItem) to learn that another process changed the table. Thread-safe.
 */
final class ChangeMarker {
  private static final Logger LOG = LoggerFactory.getLogger(DynamoDbConfigStore.class);

  private final DynamoDbClient client;
  private final StoreErrors errors;
  private final Clock clock;

  ChangeMarker(DynamoDbClient client, StoreErrors errors, Clock clock) {
    this.client = client;
    this.errors = errors;
    this.clock = clock;
  }

  /**
   * The counter; 0 when nothing was ever written. Strongly consistent: it must not lag the write it
   * counts.
   */
  long read() {
    GetItemResponse response;
    try {
      response =
          client.getItem(
              request ->
                  request
                      .tableName(errors.tableName())
                      .key(TableLayout.markerItemKey())
                      .consistentRead(true)
                      .projectionExpression("#c")
                      .expressionAttributeNames(Map.of("#c", TableLayout.COUNTER))
                      .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
    } catch (SdkException e) {
      throw errors.unavailable("read the change marker", e);
    }
    AttributeValue counter = response.hasItem() ? response.item().get(TableLayout.COUNTER) : null;
    return counter == null || counter.n() == null ? 0 : Long.parseLong(counter.n());
  }

  /**
   * Adds one to the counter. Called after a write succeeded, so a failure here is logged, not
   * thrown: the write did happen, and telling its caller otherwise would make it drop a change that
   * is stored. Other processes then see the change at their next full refresh instead of their next
   * poll.
   */
  void bump() {
    Expressions update =
        new Expressions()
            .add(TableLayout.COUNTER, TableLayout.n(1))
            .set(TableLayout.TYPE, TableLayout.s(TableLayout.MARKER_TYPE))
            .set(TableLayout.UPDATED_AT, TableLayout.n(clock.millis()));
    try {
      client.updateItem(
          update
              .applyTo(UpdateItemRequest.builder())
              .tableName(errors.tableName())
              .key(TableLayout.markerItemKey())
              .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
              .build());
    } catch (SdkException e) {
      LOG.warn(
          "A write to DynamoDB table '{}' succeeded but its change marker could not be bumped; other processes"
              + " will see the change at their next full refresh: {}",
          errors.tableName(),
          e.getMessage());
    }
  }
}
