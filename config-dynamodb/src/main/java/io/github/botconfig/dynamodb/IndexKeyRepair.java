package io.github.botconfig.dynamodb;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Channel items without their index keys ({@code GSI_PK}/{@code GSI_SK}), as the seed's Pattern 2
 * wrote them: finds them and gives them their keys, touching nothing else. Used by {@code table
 * backfill} and, without anyone asking, by the store's full loads. Thread-safe.
 */
final class IndexKeyRepair {
  private final DynamoDbClient client;
  private final StoreErrors errors;

  IndexKeyRepair(DynamoDbClient client, StoreErrors errors) {
    this.client = client;
    this.errors = errors;
  }

  /** Whether this is a channel item whose index keys are missing or wrong. */
  static boolean lacksIndexKeys(Map<String, AttributeValue> item) {
    return expectedIndexKeys(item).filter(keys -> !keys.matches(item)).isPresent();
  }

  /** Told after each page of a scan: pages and items so far, and how many of them lack keys. */
  @FunctionalInterface
  interface ScanProgress {
    void page(int pages, long items, int missing);
  }

  /** Every channel item lacking its index keys (or holding wrong ones): keys only. */
  List<Map<String, AttributeValue>> scanMissing(String action) {
    return scanMissing(action, (pages, items, missing) -> {});
  }

  /** {@link #scanMissing(String)}, telling {@code progress} after each page. */
  List<Map<String, AttributeValue>> scanMissing(String action, ScanProgress progress) {
    ScanRequest request =
        ScanRequest.builder()
            .tableName(errors.tableName())
            .consistentRead(true)
            .projectionExpression("#pk, #sk, #gpk, #gsk, #type")
            .expressionAttributeNames(
                Map.of(
                    "#pk", TableLayout.PK,
                    "#sk", TableLayout.SK,
                    "#gpk", TableLayout.GSI_PK,
                    "#gsk", TableLayout.GSI_SK,
                    "#type", TableLayout.TYPE))
            .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
            .build();
    List<Map<String, AttributeValue>> missing = new ArrayList<>();
    int pages = 0;
    long items = 0;
    try {
      for (ScanResponse page : client.scanPaginator(request)) {
        for (Map<String, AttributeValue> item : page.items()) {
          if (lacksIndexKeys(item)) {
            missing.add(item);
          }
        }
        pages++;
        items += page.items().size();
        progress.page(pages, items, missing.size());
      }
    } catch (SdkException e) {
      throw errors.unavailable(action, e);
    }
    return missing;
  }

  /** The index keys a channel item should carry; empty for other items and unreadable keys. */
  static Optional<IndexKeys> expectedIndexKeys(Map<String, AttributeValue> item) {
    if (ItemKind.of(item) != ItemKind.CHANNEL) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new IndexKeys(
              TableLayout.channelKey(ItemKeys.channelOf(item)),
              TableLayout.guildKey(ItemKeys.guildOf(item))));
    } catch (MalformedItemException e) {
      return Optional.empty();
    }
  }

  record IndexKeys(String gsiPk, String gsiSk) {
    boolean matches(Map<String, AttributeValue> item) {
      return gsiPk.equals(text(item.get(TableLayout.GSI_PK)))
          && gsiSk.equals(text(item.get(TableLayout.GSI_SK)));
    }
  }

  /**
   * Sets the item's index keys, if it still exists.
   *
   * @return whether it was repaired (false: deleted since it was read)
   * @throws io.github.botconfig.domain.StoreUnavailableException if the write fails
   */
  boolean repair(Map<String, AttributeValue> item) {
    IndexKeys keys = expectedIndexKeys(item).orElseThrow();
    String gsiPk = keys.gsiPk();
    String gsiSk = keys.gsiSk();
    Expressions update =
        new Expressions()
            .set(TableLayout.GSI_PK, TableLayout.s(gsiPk))
            .set(TableLayout.GSI_SK, TableLayout.s(gsiSk))
            // Never recreate an item deleted since the scan.
            .attributeExists(TableLayout.PK);
    try {
      client.updateItem(
          update
              .applyTo(UpdateItemRequest.builder())
              .tableName(errors.tableName())
              .key(
                  Map.of(
                      TableLayout.PK,
                      item.get(TableLayout.PK),
                      TableLayout.SK,
                      item.get(TableLayout.SK)))
              .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
              .build());
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    } catch (SdkException e) {
      throw errors.unavailable("backfill the index keys of " + ItemKeys.describe(item), e);
    }
  }

  private static @Nullable String text(@Nullable AttributeValue value) {
    return value == null ? null : value.s();
  }
}
