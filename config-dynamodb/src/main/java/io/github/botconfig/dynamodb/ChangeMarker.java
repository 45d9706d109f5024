package io.github.botconfig.dynamodb;

import io.github.botconfig.domain.ConfigKey;
import io.github.botconfig.domain.RecentChanges;
import java.time.Clock;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * The item every writer moves ({@code PK META}, {@code SK CHANGES}) and the change record each
 * write leaves beside it ({@link ChangeRecords}).
 *
 * <p>The item holds two counters. {@code taken}: a write first takes the next position by an atomic
 * ADD on it, then writes its item, then record {@code position} naming the key it changed, whether
 * the item write succeeded or not. {@code counter}: the change marker proper, moved by one after
 * each write that succeeded (so a refused write moves no marker, and caches of versions without a
 * feed keep working). A writer that dies after taking its position leaves a hole that readers see
 * ({@code taken} is past the records) and heal with a full load; a failed write leaves a record of
 * a key that did not change, which costs each reader one read. Thread-safe.
 */
final class ChangeMarker {
  private static final Logger LOG = LoggerFactory.getLogger(DynamoDbConfigStore.class);

  private final DynamoDbClient client;
  private final StoreErrors errors;
  private final Clock clock;
  private final ChangeRecords records;

  ChangeMarker(DynamoDbClient client, StoreErrors errors, Clock clock) {
    this.client = client;
    this.errors = errors;
    this.clock = clock;
    this.records = new ChangeRecords(client, errors, clock);
  }

  /**
   * The counter: the highest position taken; 0 when nothing was ever written. Strongly consistent:
   * it must not lag the write it counts.
   */
  long read() {
    return readCounter(TableLayout.COUNTER, "read the change marker");
  }

  private long readCounter(String attribute, String action) {
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
                      .expressionAttributeNames(Map.of("#c", attribute))
                      .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
    } catch (SdkException e) {
      throw errors.unavailable(action, e);
    }
    AttributeValue counter = response.hasItem() ? response.item().get(attribute) : null;
    return counter == null || counter.n() == null ? 0 : Long.parseLong(counter.n());
  }

  /** The records after {@code position}, with the counter (see {@link ChangeRecords#after}). */
  RecentChanges changesAfter(long position) {
    return records.after(position);
  }

  /** The highest position taken so far; strongly consistent (read before a full load). */
  long position() {
    return readCounter(TableLayout.TAKEN, "read the change feed's position");
  }

  /**
   * Runs {@code write} between taking a position and writing its record; moves the marker if {@code
   * changed} says the write's result changed something.
   *
   * @param action what the write does, for the error if no position can be taken ("save channel
   *     12")
   * @throws io.github.botconfig.domain.StoreUnavailableException if no position could be taken:
   *     then {@code write} did not run, nothing changed
   */
  <T> T recording(ConfigKey key, String action, Supplier<T> write, Predicate<T> changed) {
    long position = take(action);
    boolean moved = false;
    try {
      T result = write.get();
      moved = changed.test(result);
      return result;
    } finally {
      record(position, key);
      if (moved) {
        bumpCounter();
      }
    }
  }

  /**
   * Records a bulk change that only a full load catches (an import): called after it, so a failure
   * here is logged, not thrown; other processes then see the change at their next full refresh.
   */
  void bump() {
    long position;
    try {
      position = take("record a bulk change");
    } catch (RuntimeException e) {
      LOG.warn(
          "A write to DynamoDB table '{}' succeeded but its change marker could not be bumped; other processes"
              + " will see the change at their next full refresh: {}",
          errors.tableName(),
          e.getMessage());
      return;
    }
    record(position, ConfigKey.everything());
    bumpCounter();
  }

  /** Moves the change marker for a write that failed after changing some items (a purge). */
  void bumpAfterPartialWrite() {
    bumpCounter();
  }

  /**
   * Adds one to the change marker proper. After a write succeeded, so a failure here is logged, not
   * thrown: the write did happen, and its record tells the caches that follow the feed.
   */
  private void bumpCounter() {
    Expressions update =
        new Expressions()
            .add(TableLayout.COUNTER, TableLayout.n(1))
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
          "A write to DynamoDB table '{}' succeeded but its change marker could not be bumped; caches"
              + " without the change feed will see the change at their next full refresh: {}",
          errors.tableName(),
          e.getMessage());
    }
  }

  /** Adds one to {@code taken} and returns it: this write's position. */
  private long take(String action) {
    Expressions update =
        new Expressions()
            .add(TableLayout.TAKEN, TableLayout.n(1))
            .set(TableLayout.TYPE, TableLayout.s(TableLayout.MARKER_TYPE))
            .set(TableLayout.UPDATED_AT, TableLayout.n(clock.millis()));
    try {
      UpdateItemResponse response =
          client.updateItem(
              update
                  .applyTo(UpdateItemRequest.builder())
                  .tableName(errors.tableName())
                  .key(TableLayout.markerItemKey())
                  .returnValues(ReturnValue.UPDATED_NEW)
                  .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
                  .build());
      AttributeValue taken = response.attributes().get(TableLayout.TAKEN);
      if (taken == null || taken.n() == null) {
        throw new IllegalStateException(
            "DynamoDB returned no '" + TableLayout.TAKEN + "' after ADD");
      }
      return Long.parseLong(taken.n());
    } catch (SdkException e) {
      throw errors.unavailable(action, e);
    }
  }

  private void record(long position, ConfigKey key) {
    try {
      records.write(position, key);
    } catch (SdkException e) {
      LOG.warn(
          "Could not write change record {} ({}) to DynamoDB table '{}'; other processes will load"
              + " everything once they see the hole: {}",
          position,
          key,
          errors.tableName(),
          e.getMessage());
      return;
    }
    if (position % ChangeRecords.PRUNE_EVERY == 0) {
      records.pruneBefore(position);
    }
  }
}
