package io.github.botconfig.dynamodb;

import io.github.botconfig.domain.ConfigConflictException;
import io.github.botconfig.domain.ConfigConflictException.Reason;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
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
 * Conditional writes: each UpdateItem sets the bookkeeping ({@code version}, {@code updatedAt},
 * {@code createdAt} when missing) and succeeds only if the stored item is in the state its writer
 * computed the update from. Thread-safe.
 *
 * <ul>
 *   <li>{@link #create}: only if nothing at all is stored under the key ({@code
 *       attribute_not_exists(PK)}: an item of another program, readable or not, is never written
 *       over);
 *   <li>{@link #replace}: a versioned item only at its version; an item without a version (the
 *       TypeScript bots write none) only if every attribute read a moment ago is still there with
 *       the same value, and none of the attributes this store models has appeared;
 *   <li>{@link #update}: the live board's older rule (version 0: no version stored yet), which only
 *       this store writes.
 * </ul>
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
   * @return the item's {@code createdAt}: kept from the stored item, or now for a new one
   * @throws ConfigConflictException if the stored version is not {@code expected}
   */
  Instant update(
      String what,
      Map<String, AttributeValue> key,
      Expressions update,
      long expected,
      Instant now) {
    bookkeeping(update, expected, now);
    if (expected == 0) {
      update.attributeNotExists(TableLayout.VERSION);
    } else {
      update.condition(
          update.name(TableLayout.VERSION) + " = " + update.value(TableLayout.n(expected)));
    }
    Map<String, AttributeValue> stored =
        send(
            what,
            key,
            update,
            e -> versionChanged(what, expected, e.hasItem() ? found(e.item()) : ""));
    return createdAt(stored, now);
  }

  /**
   * Creates the item with version 1, only if nothing is stored under {@code key}.
   *
   * @param whenStored the refusal to throw when something is stored: called with what is stored
   *     (read again, consistently), so that an unreadable item is refused as such
   * @return the item as stored
   */
  Map<String, AttributeValue> create(
      String what,
      Map<String, AttributeValue> key,
      Expressions update,
      Instant now,
      Function<Map<String, AttributeValue>, ConfigConflictException> whenStored) {
    bookkeeping(update, 0, now);
    update.attributeNotExists(TableLayout.PK);
    return send(
        what,
        key,
        update,
        e -> {
          Map<String, AttributeValue> stored = e.hasItem() ? e.item() : read(what, key);
          return stored.isEmpty()
              // Gone again in between: still someone else's doing, and the caller may retry.
              ? versionChanged(what, 0, ", found it deleted again")
              : whenStored.apply(stored);
        });
  }

  /**
   * Sends {@code update} (the attributes that changed) with the bookkeeping, on condition that the
   * item is still {@code stored}.
   *
   * @param stored the item as read, consistently, just before: the update was computed from it
   * @param modelled every attribute the item's decoder reads: one of them appearing meanwhile means
   *     the item is no longer what was read
   * @return the item as stored after the write
   */
  Map<String, AttributeValue> replace(
      String what,
      Map<String, AttributeValue> key,
      Expressions update,
      Map<String, AttributeValue> stored,
      long version,
      List<String> modelled,
      Instant now) {
    bookkeeping(update, version, now);
    if (version > 0) {
      update.condition(
          update.name(TableLayout.VERSION) + " = " + update.value(TableLayout.n(version)));
    } else {
      for (Map.Entry<String, AttributeValue> attribute : new TreeMap<>(stored).entrySet()) {
        unchanged(update, update.name(attribute.getKey()), attribute.getValue());
      }
      for (String name : modelled) {
        if (!stored.containsKey(name)) {
          update.attributeNotExists(name);
        }
      }
    }
    return send(
        what,
        key,
        update,
        e ->
            version > 0
                ? versionChanged(what, version, e.hasItem() ? found(e.item()) : "")
                : new ConfigConflictException(
                    Reason.VERSION_CHANGED,
                    what
                        + " was changed by another program since it was read (it has no version:"
                        + " every attribute was compared); read it again and retry"));
  }

  /**
   * Adds the condition that the attribute at {@code path} still holds {@code value}. Maps and lists
   * are compared element by element, with their size: dynalite compares an M or L value with {@code
   * =} by reference (never equal), and element-wise comparison means the same on DynamoDB.
   */
  private static void unchanged(Expressions update, String path, AttributeValue value) {
    if (Boolean.TRUE.equals(value.nul())) {
      update.condition(attributeType(update, path, "NULL"));
    } else if (value.hasM()) {
      update.condition(attributeType(update, path, "M"));
      update.condition("size(" + path + ") = " + update.value(TableLayout.n(value.m().size())));
      for (Map.Entry<String, AttributeValue> entry : new TreeMap<>(value.m()).entrySet()) {
        unchanged(update, path + '.' + update.name(entry.getKey()), entry.getValue());
      }
    } else if (value.hasL()) {
      update.condition(attributeType(update, path, "L"));
      update.condition("size(" + path + ") = " + update.value(TableLayout.n(value.l().size())));
      for (int i = 0; i < value.l().size(); i++) {
        unchanged(update, path + '[' + i + ']', value.l().get(i));
      }
    } else {
      update.condition(path + " = " + update.value(value));
    }
  }

  private static String attributeType(Expressions update, String path, String type) {
    return "attribute_type(" + path + ", " + update.value(AttributeValue.fromS(type)) + ")";
  }

  /** The item, read consistently; empty when none is stored. */
  Map<String, AttributeValue> read(String what, Map<String, AttributeValue> key) {
    try {
      var response =
          client.getItem(
              request ->
                  request
                      .tableName(errors.tableName())
                      .key(key)
                      .consistentRead(true)
                      .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
      return response.hasItem() ? response.item() : Map.of();
    } catch (SdkException e) {
      throw errors.unavailable("save " + what, e);
    }
  }

  private static void bookkeeping(Expressions update, long readVersion, Instant now) {
    update
        .set(TableLayout.VERSION, TableLayout.n(readVersion + 1))
        .set(TableLayout.UPDATED_AT, TableLayout.n(now.toEpochMilli()))
        .setIfNotExists(TableLayout.CREATED_AT, TableLayout.n(now.toEpochMilli()));
  }

  /**
   * Sends the update; returns the item after it. A failed condition is this write's own earlier
   * attempt (see {@link #ownEarlierAttempt}) or the conflict {@code refusal} makes of it.
   */
  private Map<String, AttributeValue> send(
      String what,
      Map<String, AttributeValue> key,
      Expressions update,
      Function<ConditionalCheckFailedException, ConfigConflictException> refusal) {
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
        throw refusal.apply(e);
      }
      return stored;
    } catch (SdkException e) {
      throw errors.unavailable("save " + what, e);
    }
    return response.attributes();
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
    Map<String, AttributeValue> stored = e.hasItem() ? e.item() : read(what, key);
    return update.isCarriedBy(stored) ? stored : Map.of();
  }

  static Instant createdAt(Map<String, AttributeValue> item, Instant now) {
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
  static ConfigConflictException versionChanged(String what, long expected, String found) {
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

  static String found(Map<String, AttributeValue> item) {
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
