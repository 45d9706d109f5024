package io.github.botconfig.dynamodb;

import io.github.botconfig.domain.ConfigConflictException;
import io.github.botconfig.domain.ConfigConflictException.Reason;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * Optimistic locking: an UpdateItem that sets the metadata and succeeds only if the stored version
 * is the one its writer read. Thread-safe.
 */
final class VersionedWrites {
  private final DynamoDbClient client;
  private final StoreErrors errors;

  VersionedWrites(DynamoDbClient client, StoreErrors errors) {
    this.client = client;
    this.errors = errors;
  }

  /**
   * Adds the metadata and the version condition to {@code update} and sends it.
   *
   * @param what the item, for messages ("channel 123")
   * @param expected the version the writer read: 0 for an item that must not have a version yet
   *     (missing, or written by the running bot, which writes none)
   * @return the item's {@code createdAt}: kept from the stored item, or now for a new one
   * @throws ConfigConflictException if the stored version is not {@code expected}
   */
  Instant update(
      String what,
      Map<String, AttributeValue> key,
      Expressions update,
      long expected,
      Instant now) {
    update
        .set(TableLayout.VERSION, TableLayout.n(expected + 1))
        .set(TableLayout.UPDATED_AT, TableLayout.n(now.toEpochMilli()))
        .setIfNotExists(TableLayout.CREATED_AT, TableLayout.n(now.toEpochMilli()));
    if (expected == 0) {
      update.attributeNotExists(TableLayout.VERSION);
    } else {
      update.condition(
          update.name(TableLayout.VERSION) + " = " + update.value(TableLayout.n(expected)));
    }
    UpdateItemResponse response;
    try {
      response =
          client.updateItem(
              update
                  .applyTo(UpdateItemRequest.builder())
                  .tableName(errors.tableName())
                  .key(key)
                  .returnValues(ReturnValue.ALL_NEW)
                  .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                  .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
                  .build());
    } catch (ConditionalCheckFailedException e) {
      Map<String, AttributeValue> stored = ownEarlierAttempt(what, key, update, e);
      if (stored.isEmpty()) {
        // DynamoDB says what it found; dynalite does not.
        throw versionChanged(what, expected, e.hasItem() ? found(e.item()) : "");
      }
      return createdAt(stored, now);
    } catch (SdkException e) {
      throw errors.unavailable("save " + what, e);
    }
    return createdAt(response.attributes(), now);
  }

  /**
   * When the SDK retried the call, an earlier attempt may have been carried out with its answer
   * lost (a reset connection, a timeout): the retry then finds the version it moved itself and
   * fails its condition. That is this write, done, not someone else's: reporting a conflict would
   * leave the caller's cache on the old version and the change marker unbumped while the table
   * holds the new one. Returns the stored item when it is exactly what this update makes (its new
   * version and time included), else an empty map.
   */
  private Map<String, AttributeValue> ownEarlierAttempt(
      String what,
      Map<String, AttributeValue> key,
      Expressions update,
      ConditionalCheckFailedException e) {
    if (e.numAttempts() == null || e.numAttempts() <= 1) {
      return Map.of();
    }
    Map<String, AttributeValue> stored;
    try {
      stored =
          e.hasItem()
              ? e.item()
              : client
                  .getItem(
                      request ->
                          request
                              .tableName(errors.tableName())
                              .key(key)
                              .consistentRead(true)
                              .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL))
                  .item();
    } catch (SdkException failure) {
      throw errors.unavailable("check whether " + what + " was saved", failure);
    }
    return stored != null && update.isCarriedBy(stored) ? stored : Map.of();
  }

  private static Instant createdAt(Map<String, AttributeValue> item, Instant now) {
    try {
      return AttributeReader.of(item).instant(TableLayout.CREATED_AT).orElse(now);
    } catch (MalformedItemException e) {
      // The running bot's createdAt is kept as it is, even unreadable; it is only informative.
      return Instant.EPOCH;
    }
  }

  /** Refuses early a write whose writer read another version than {@code stored} has. */
  static void refuseIfStale(String what, Map<String, AttributeValue> stored, long expected) {
    if (storedVersion(stored) != expected) {
      throw versionChanged(what, expected, found(stored));
    }
  }

  /**
   * @param found what was found instead, as {@code ", found version 3"}, or empty when unknown
   */
  private static ConfigConflictException versionChanged(String what, long expected, String found) {
    String message =
        expected == 0
            ? what + " was stored by someone else meanwhile (expected nothing stored" + found + ")"
            : what
                + " was changed or deleted by someone else (expected version "
                + expected
                + found
                + ")";
    return new ConfigConflictException(
        Reason.VERSION_CHANGED, message + "; read it again and retry");
  }

  private static String found(Map<String, AttributeValue> item) {
    if (item.isEmpty()) {
      return ", found nothing";
    }
    long version = storedVersion(item);
    return version < 0 ? ", found an unreadable version" : ", found version " + version;
  }

  /**
   * The stored version; -1 for one that cannot be read, which no writer can expect, so it is a
   * conflict.
   */
  private static long storedVersion(Map<String, AttributeValue> item) {
    try {
      return AttributeReader.of(item).version();
    } catch (MalformedItemException e) {
      return -1;
    }
  }
}
