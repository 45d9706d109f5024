package io.github.botconfig.dynamodb;

import io.github.botconfig.domain.ConfigConflictException;
import io.github.botconfig.domain.ConfigConflictException.Reason;
import io.github.botconfig.domain.InvalidConfigException;
import io.github.botconfig.domain.StoreUnavailableException;
import io.github.botconfig.dynamodb.internal.ImportPlan;
import io.github.botconfig.dynamodb.internal.TableBackup;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * {@link TableBackup} on the DynamoDB table: a scan to export and to plan, one conditional PutItem
 * per item that differs to apply.
 *
 * <p>What an import writes is the file's item with this project's bookkeeping: {@code version} 1
 * for a new channel, settings or board item and the stored version + 1 for a replaced one (the
 * file's version is ignored: it would choose which of two copies wins), and a channel's index keys
 * (from its keys; the seed's Pattern 2 forgot them). Every other attribute is written as the file
 * has it, type and value.
 */
final class DynamoDbTableBackup implements TableBackup {
  private static final int MAX_REFUSALS_SHOWN = 50;

  private final DynamoDbClient client;
  private final StoreErrors errors;
  private final ChangeMarker marker;

  DynamoDbTableBackup(DynamoDbClient client, String tableName, Clock clock) {
    this.client = client;
    this.errors = new StoreErrors(client, TableLayout.requireTableName(tableName));
    this.marker = new ChangeMarker(client, errors, clock);
  }

  @Override
  public List<Map<String, AttributeValue>> exportItems() {
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    for (Map<String, AttributeValue> item : scanAll("export the table")) {
      if (key(item, TableLayout.PK).startsWith(TableLayout.GUILD_PREFIX)) {
        items.add(item);
      }
    }
    items.sort(BY_KEY);
    return List.copyOf(items);
  }

  @Override
  public ImportPlan plan(List<Map<String, AttributeValue>> items) {
    ImportChecks checks = new ImportChecks();
    Map<String, Map<String, AttributeValue>> stored = new HashMap<>();
    for (Map<String, AttributeValue> item : scanAll("read the table before importing")) {
      stored.put(keyText(item), item);
      checks.stored(item);
    }
    ImportChecks.Refusals refusals = new ImportChecks.Refusals();
    Map<String, Integer> seen = new HashMap<>();
    List<PlannedImport.Write> writes = new ArrayList<>();
    List<String> unreadable = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      Map<String, AttributeValue> item = items.get(i);
      int number = i + 1;
      var problems = refusals.of(number, item);
      Map<String, AttributeValue> current = stored.get(keyText(item));
      ItemKind byKeys = ItemKind.ofKeys(item);
      Map<String, AttributeValue> written = withBookkeeping(item, byKeys, current);
      ItemKind kind = checks.check(item, written, number, problems);
      Integer first = seen.putIfAbsent(keyText(item), number);
      if (first != null) {
        problems.accept("the same key as item " + first);
      }
      // The checks made its Type agree with its keys: the store's decoder reads it as they say.
      ItemDecoder.problem(item)
          .map(Quoted::oneLine)
          .ifPresent(why -> unreadable.add(Quoted.oneLine(ItemKeys.describe(item)) + ": " + why));
      writes.add(new PlannedImport.Write(written, current, kind));
    }
    List<String> refused = refusals.lines();
    if (!refused.isEmpty()) {
      int shown = Math.min(refused.size(), MAX_REFUSALS_SHOWN);
      throw new InvalidConfigException(
          refused.size()
              + " problem(s) in the file, nothing was written:\n  "
              + String.join("\n  ", refused.subList(0, shown))
              + (shown < refused.size() ? "\n  … and " + (refused.size() - shown) + " more" : ""));
    }
    return PlannedImport.of(writes, unreadable);
  }

  /**
   * The item as an import writes it: this project's version and a channel's index keys, the rest as
   * the file has it.
   */
  private static Map<String, AttributeValue> withBookkeeping(
      Map<String, AttributeValue> item,
      ItemKind kind,
      @org.jspecify.annotations.Nullable Map<String, AttributeValue> current) {
    if (kind == ItemKind.OTHER) {
      return Map.copyOf(item);
    }
    Map<String, AttributeValue> written = new HashMap<>(item);
    written.put(
        TableLayout.VERSION, TableLayout.n(current == null ? 1 : storedVersion(current) + 1));
    if (kind == ItemKind.CHANNEL) {
      written.putAll(ImportChecks.ownIndexKeys(item));
    }
    return Map.copyOf(written);
  }

  /** The stored version; 0 for an unversioned item, or one whose version does not read. */
  private static long storedVersion(Map<String, AttributeValue> stored) {
    try {
      return AttributeReader.of(stored).version();
    } catch (MalformedItemException e) {
      return 0;
    }
  }

  @Override
  public int apply(ImportPlan plan, IntConsumer progress) {
    List<PlannedImport.Change> changes = PlannedImport.changesOf(plan);
    int written = 0;
    try {
      for (PlannedImport.Change change : changes) {
        put(change, written, changes.size());
        written++;
        progress.accept(written);
      }
    } catch (RuntimeException e) {
      if (written > 0) {
        // What was written before the failure must still reach the running caches.
        try {
          marker.bump();
        } catch (StoreUnavailableException notMoved) {
          e.addSuppressed(notMoved);
        }
      }
      throw e;
    }
    if (written > 0) {
      marker.bump();
    }
    return written;
  }

  private void put(PlannedImport.Change change, int writtenBefore, int total) {
    Expressions condition = new Expressions();
    Map<String, AttributeValue> stored = change.replaced();
    if (stored == null) {
      condition.attributeNotExists(TableLayout.PK);
    } else {
      unchanged(stored, condition);
    }
    try {
      client.putItem(
          condition
              .applyTo(PutItemRequest.builder())
              .tableName(errors.tableName())
              .item(change.item())
              .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
              .build());
    } catch (ConditionalCheckFailedException e) {
      throw new ConfigConflictException(
          Reason.VERSION_CHANGED,
          change.describe()
              + (stored == null ? " was created" : " changed")
              + " after the import was planned, so it was not written; "
              + soFar(writtenBefore, total)
              + ". Run the import again: it writes only what still differs");
    } catch (SdkException e) {
      throw errors.unavailable(
          "import " + change.describe() + " (" + soFar(writtenBefore, total) + ")", e);
    }
  }

  /**
   * The condition that the stored item is still exactly as the plan read it: its version when it
   * has one (every writer of this project moves it), else every attribute (the running TypeScript
   * bots write whole items without a version).
   */
  private static void unchanged(Map<String, AttributeValue> stored, Expressions condition) {
    AttributeValue version = stored.get(TableLayout.VERSION);
    if (version != null && version.n() != null) {
      condition.condition(condition.name(TableLayout.VERSION) + " = " + condition.value(version));
      return;
    }
    condition.attributeExists(TableLayout.PK);
    condition.attributeNotExists(TableLayout.VERSION);
    // Lists and maps are compared leaf by leaf (dynalite cannot compare a list of maps as a whole);
    // when that would pass DynamoDB's 4 KB expression limit, as wholes, which DynamoDB itself can.
    long terms = stored.values().stream().mapToLong(DynamoDbTableBackup::terms).sum();
    boolean byLeaves = terms * CHARS_PER_TERM < MAX_CONDITION_CHARS;
    stored.forEach(
        (name, value) -> {
          if (!name.equals(TableLayout.PK) && !name.equals(TableLayout.SK)) {
            if (byLeaves) {
              List<String> leaves = new ArrayList<>();
              equalByLeaves(condition.name(name), value, condition, leaves);
              condition.condition(String.join(" AND ", leaves));
            } else {
              condition.condition(condition.name(name) + " = " + condition.value(value));
            }
          }
        });
  }

  private static final int MAX_CONDITION_CHARS = 3_500;

  /** A generous length of one term ({@code size(#n3[12].#n4) = :v27}). */
  private static final int CHARS_PER_TERM = 40;

  /** How many terms {@link #equalByLeaves} makes of a value. */
  private static long terms(AttributeValue value) {
    if (value.hasM()) {
      return 2 + value.m().values().stream().mapToLong(DynamoDbTableBackup::terms).sum();
    }
    if (value.hasL()) {
      return 2 + value.l().stream().mapToLong(DynamoDbTableBackup::terms).sum();
    }
    return 1;
  }

  /** The terms saying that the value at {@code path} is {@code value}, leaves and sizes. */
  private static void equalByLeaves(
      String path, AttributeValue value, Expressions condition, List<String> terms) {
    if (value.hasM() || value.hasL()) {
      terms.add(
          "attribute_type("
              + path
              + ", "
              + condition.value(AttributeValue.fromS(value.hasM() ? "M" : "L"))
              + ")");
      int size = value.hasM() ? value.m().size() : value.l().size();
      terms.add("size(" + path + ") = " + condition.value(TableLayout.n(size)));
      if (value.hasM()) {
        value
            .m()
            .forEach(
                (key, v) -> equalByLeaves(path + "." + condition.name(key), v, condition, terms));
      } else {
        for (int i = 0; i < value.l().size(); i++) {
          equalByLeaves(path + "[" + i + "]", value.l().get(i), condition, terms);
        }
      }
    } else {
      terms.add(path + " = " + condition.value(value));
    }
  }

  private static String soFar(int written, int total) {
    return written == 0
        ? "nothing was written (" + total + " item(s) planned)"
        : written
            + " of "
            + total
            + " planned item(s) were written before it, in key order; none after it";
  }

  private List<Map<String, AttributeValue>> scanAll(String action) {
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    try {
      client
          .scanPaginator(
              ScanRequest.builder()
                  .tableName(errors.tableName())
                  .consistentRead(true)
                  .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
                  .build())
          .items()
          .forEach(items::add);
    } catch (SdkException e) {
      throw errors.unavailable(action, e);
    }
    return items;
  }

  static String keyText(Map<String, AttributeValue> item) {
    return key(item, TableLayout.PK) + '\u0000' + key(item, TableLayout.SK);
  }

  private static String key(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null || value.s() == null ? "" : value.s();
  }

  static final Comparator<Map<String, AttributeValue>> BY_KEY =
      Comparator.comparing((Map<String, AttributeValue> item) -> key(item, TableLayout.PK))
          .thenComparing(item -> key(item, TableLayout.SK));
}
