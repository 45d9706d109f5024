package io.github.botconfig.dynamodb;

import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ConfigConflictException;
import io.github.botconfig.domain.ConfigConflictException.Reason;
import io.github.botconfig.domain.InvalidConfigException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * Backup and restore of every guild's items, whole: channels and settings with every attribute,
 * modelled or not, and the items of other types kept under a guild (the running bot's {@code
 * global_position_message}, …).
 *
 * <p>Restoring is in two steps: {@link #plan} checks every item first and compares it with the
 * table (nothing is written when any item is wrong), then {@link #apply} writes only what differs.
 * Applying the same backup twice writes nothing the second time. A restored channel or settings
 * item that replaces a stored one gets a version above the stored one, so that running caches take
 * it as the newer value; each write is conditional on the version seen while planning, so an edit
 * made meanwhile is never overwritten silently.
 *
 * <p>Thread-safe. Every call scans the whole table: meant for backups and migrations, not for a
 * bot's work.
 */
public final class TableBackup {
  private final DynamoDbClient client;
  private final StoreErrors errors;
  private final ChangeMarker marker;

  private TableBackup(DynamoDbClient client, String tableName, java.time.Clock clock) {
    this.client = client;
    this.errors = new StoreErrors(client, TableLayout.requireTableName(tableName));
    this.marker = new ChangeMarker(client, errors, clock);
  }

  /** A backup tool for {@code tableName}; the client is not closed by it. */
  public static TableBackup of(DynamoDbClient client, String tableName, java.time.Clock clock) {
    return new TableBackup(Objects.requireNonNull(client, "client"), tableName, clock);
  }

  /**
   * Every item under a {@code GUILD#} key, in key order. The change marker and foreign partitions
   * are left out.
   */
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

  /**
   * Checks every item and compares it with the table.
   *
   * @throws InvalidConfigException listing every problem (up to 20) when any item is wrong: keys
   *     missing or not under a guild, a duplicate key, a channel or settings item that does not
   *     read, a channel already tracked by another guild in the table
   */
  public ImportPlan plan(List<Map<String, AttributeValue>> items) {
    Map<String, Map<String, AttributeValue>> stored = new HashMap<>();
    Map<String, String> storedOwners = new HashMap<>();
    for (Map<String, AttributeValue> item : scanAll("read the table before importing")) {
      stored.put(keyText(item), item);
      if (ItemKind.of(item) == ItemKind.CHANNEL) {
        storedOwners.put(key(item, TableLayout.SK), key(item, TableLayout.PK));
      }
    }
    List<String> problems = new ArrayList<>();
    Map<String, Map<String, AttributeValue>> seen = new LinkedHashMap<>();
    for (int i = 0; i < items.size(); i++) {
      Map<String, AttributeValue> item = items.get(i);
      String problem = problemWith(item, storedOwners);
      if (problem == null && seen.containsKey(keyText(item))) {
        problem = "the same key appears twice";
      }
      if (problem != null) {
        problems.add("item " + (i + 1) + " (" + ItemKeys.describe(item) + "): " + problem);
      } else {
        seen.put(keyText(item), item);
      }
    }
    if (!problems.isEmpty()) {
      int shown = Math.min(problems.size(), 20);
      throw new InvalidConfigException(
          problems.size()
              + " item(s) cannot be imported, nothing was written:\n  "
              + String.join("\n  ", problems.subList(0, shown))
              + (shown < problems.size()
                  ? "\n  … and " + (problems.size() - shown) + " more"
                  : ""));
    }
    List<ImportPlan.Change> changes = new ArrayList<>();
    int unchanged = 0;
    for (Map<String, AttributeValue> item : seen.values()) {
      Map<String, AttributeValue> current = stored.get(keyText(item));
      if (current == null) {
        changes.add(new ImportPlan.Change(ImportPlan.Action.CREATE, item, null));
      } else if (withoutVersion(current).equals(withoutVersion(item))) {
        unchanged++;
      } else {
        changes.add(new ImportPlan.Change(ImportPlan.Action.REPLACE, item, current));
      }
    }
    return new ImportPlan(changes, unchanged);
  }

  /**
   * Writes what the plan says, in key order.
   *
   * @return how many items were written
   * @throws ConfigConflictException if an item changed since the plan was made; the items before it
   *     were written
   */
  public int apply(ImportPlan plan) {
    int written = 0;
    try {
      for (ImportPlan.Change change : plan.changes()) {
        put(change);
        written++;
      }
    } finally {
      if (written > 0) {
        marker.bump();
      }
    }
    return written;
  }

  private void put(ImportPlan.Change change) {
    Map<String, AttributeValue> item = new HashMap<>(change.item());
    Expressions condition = new Expressions();
    Map<String, AttributeValue> current = change.replaced();
    if (current == null) {
      condition.attributeNotExists(TableLayout.PK);
    } else if (current.containsKey(TableLayout.VERSION)) {
      long storedVersion = AttributeReader.of(current).version();
      condition.condition(
          condition.name(TableLayout.VERSION)
              + " = "
              + condition.value(TableLayout.n(storedVersion)));
      if (ItemKind.of(item) != ItemKind.OTHER) {
        long restored = AttributeReader.of(item).version();
        item.put(TableLayout.VERSION, TableLayout.n(Math.max(restored, storedVersion + 1)));
      }
    } else {
      condition.attributeNotExists(TableLayout.VERSION);
    }
    try {
      client.putItem(
          condition
              .applyTo(PutItemRequest.builder())
              .tableName(errors.tableName())
              .item(item)
              .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
              .build());
    } catch (ConditionalCheckFailedException e) {
      throw new ConfigConflictException(
          Reason.VERSION_CHANGED,
          ItemKeys.describe(item)
              + " changed while importing; nothing after it was written. Run the import again");
    } catch (SdkException e) {
      throw errors.unavailable("import " + ItemKeys.describe(item), e);
    }
  }

  private static @Nullable String problemWith(
      Map<String, AttributeValue> item, Map<String, String> storedOwners) {
    String pk = key(item, TableLayout.PK);
    String sk = key(item, TableLayout.SK);
    if (pk.isEmpty() || sk.isEmpty()) {
      return "PK and SK must both be strings";
    }
    try {
      ItemKeys.guildOf(item);
      switch (ItemKind.of(item)) {
        case CHANNEL -> {
          ChannelConfig channel = ChannelItems.read(item);
          String index = indexKeysProblem(item, channel);
          if (index != null) {
            return index;
          }
          String owner = storedOwners.get(sk);
          if (owner != null && !owner.equals(pk)) {
            return "channel "
                + channel.channelId()
                + " is tracked by guild "
                + owner.substring(TableLayout.GUILD_PREFIX.length())
                + " in the table";
          }
          return null;
        }
        case SETTINGS -> {
          SettingsItems.read(item);
          return null;
        }
        case BOARD -> {
          BoardItems.read(item);
          return null;
        }
        default -> {
          return null;
        }
      }
    } catch (MalformedItemException e) {
      return e.getMessage();
    }
  }

  /**
   * Index keys, when present, must name the item's own channel and guild: lying ones would make the
   * channel findable under another id, and make the store believe another channel is tracked by
   * this guild.
   */
  private static @Nullable String indexKeysProblem(
      Map<String, AttributeValue> item, ChannelConfig channel) {
    String expectedPk = TableLayout.channelKey(channel.channelId());
    String expectedSk = TableLayout.guildKey(channel.guildId());
    if (item.containsKey(TableLayout.GSI_PK) && !expectedPk.equals(key(item, TableLayout.GSI_PK))) {
      return TableLayout.GSI_PK + ": must be " + expectedPk + " for this channel";
    }
    if (item.containsKey(TableLayout.GSI_SK) && !expectedSk.equals(key(item, TableLayout.GSI_SK))) {
      return TableLayout.GSI_SK + ": must be " + expectedSk + " for this channel";
    }
    return null;
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

  private static Map<String, AttributeValue> withoutVersion(Map<String, AttributeValue> item) {
    Map<String, AttributeValue> copy = new HashMap<>(item);
    copy.remove(TableLayout.VERSION);
    return copy;
  }

  private static String keyText(Map<String, AttributeValue> item) {
    return key(item, TableLayout.PK) + '\u0000' + key(item, TableLayout.SK);
  }

  private static String key(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null || value.s() == null ? "" : value.s();
  }

  private static final Comparator<Map<String, AttributeValue>> BY_KEY =
      Comparator.comparing((Map<String, AttributeValue> item) -> key(item, TableLayout.PK))
          .thenComparing(item -> key(item, TableLayout.SK));
}
