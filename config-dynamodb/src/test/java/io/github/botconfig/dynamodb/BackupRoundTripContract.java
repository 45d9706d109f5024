package io.github.botconfig.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.botconfig.domain.testing.MutableClock;
import io.github.botconfig.dynamodb.internal.ImportPlan;
import io.github.botconfig.dynamodb.internal.TableBackup;
import io.github.botconfig.dynamodb.testing.LocalDynamoDbExtension;
import io.github.botconfig.dynamodb.testing.TableCorpus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Export then import of a table as the user's bots left it (issue 14, item 5): every item of both
 * TypeScript generations, the seed's Pattern 2, unreadable items, other software's items and
 * attributes of every type come back byte for byte; only this project's bookkeeping is its own
 * (version 1 on a new item, a channel's index keys). Run against each local server.
 */
abstract class BackupRoundTripContract {
  private final MutableClock clock = MutableClock.startingAt2026();

  abstract LocalDynamoDbExtension dynamodb();

  private RawTable corpusTable() {
    RawTable table = new RawTable(dynamodb().client(), dynamodb().newTable());
    TableCorpus.items().forEach(table::put);
    return table;
  }

  private TableBackup backupOf(String table) {
    return DynamoDbTooling.tableBackup(dynamodb().client(), table, clock);
  }

  @Test
  void anExportHoldsEveryItemExactlyAsStored() {
    RawTable source = corpusTable();

    List<Map<String, AttributeValue>> exported = backupOf(source.name()).exportItems();

    assertThat(exported).hasSize(TableCorpus.items().size());
    assertThat(exported).containsExactlyInAnyOrderElementsOf(TableCorpus.items());
  }

  @Test
  void anImportIntoAnEmptyTableRestoresEveryAttributeByteForByte() {
    RawTable source = corpusTable();
    List<Map<String, AttributeValue>> exported = backupOf(source.name()).exportItems();
    String target = dynamodb().newTable();

    TableBackup restore = backupOf(target);
    ImportPlan plan = restore.plan(exported);
    int written = restore.apply(plan, n -> {});

    assertThat(written).isEqualTo(exported.size());
    assertThat(plan.unreadable())
        .anySatisfy(line -> assertThat(line).contains("threshold").contains("a lot"))
        .anySatisfy(line -> assertThat(line).contains("timezone").contains("Mars/Olympus"));
    List<Map<String, AttributeValue>> restored = restore.exportItems();
    List<Map<String, AttributeValue>> expected = new ArrayList<>();
    exported.forEach(item -> expected.add(withBookkeeping(item)));
    assertThat(restored).isEqualTo(expected);
    assertThat(restore.plan(exported).changes()).as("a second import writes nothing").isEmpty();
  }

  @Test
  void restoringATableOverItselfOnlyGivesPattern2ItemsTheirIndexKeys() {
    RawTable source = corpusTable();
    TableBackup backup = backupOf(source.name());
    List<Map<String, AttributeValue>> exported = backup.exportItems();

    ImportPlan plan = backup.plan(exported);

    assertThat(plan.changes()).hasSize(1);
    ImportPlan.Change change = plan.changes().get(0);
    assertThat(change.describe())
        .isEqualTo("PK=GUILD#" + TableCorpus.SEED_GUILD + " SK=CHANNEL#1090000000000000021");
    assertThat(change.attributes())
        .extracting(ImportPlan.AttributeChange::name)
        .containsExactly("GSI_PK", "GSI_SK");
    assertThat(plan.unchanged()).isEqualTo(exported.size() - 1);
  }

  @Test
  void replacingAnUnversionedItemIsConditionalOnEveryAttributeMapsAndSetsIncluded() {
    RawTable table = corpusTable();
    TableBackup backup = backupOf(table.name());
    Map<String, AttributeValue> stored = TableCorpus.items().get(2); // the newer bot's settings
    Map<String, AttributeValue> restored = new HashMap<>(stored);
    restored.put("timezone", AttributeValue.fromS("Asia/Tokyo"));
    Map<String, AttributeValue> other = new HashMap<>(TableCorpus.items().get(11));
    other.put("flag", AttributeValue.fromBool(true));

    ImportPlan plan = backup.plan(List.of(restored, other));
    ImportPlan raced = backup.plan(List.of(restored));
    int written = backup.apply(plan, n -> {});
    Map<String, AttributeValue> theirs = new HashMap<>(stored);
    theirs.put("forward", AttributeValue.fromBool(false));

    assertThat(written).isEqualTo(2);
    assertThat(table.get(stored.get("PK").s(), "SETTINGS").get("timezone").s())
        .isEqualTo("Asia/Tokyo")
        .as("the plan's condition held: nothing had changed");
    assertThat(table.get(other.get("PK").s(), other.get("SK").s())).isEqualTo(other);
    table.put(theirs); // the TypeScript bot's whole-item Put, after the plan was made
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> backup.apply(raced, n -> {}))
        .isInstanceOf(io.github.botconfig.domain.ConfigConflictException.class);
    assertThat(table.get(stored.get("PK").s(), "SETTINGS")).isEqualTo(theirs);
  }

  /** What an import writes for an item of the file: version 1 when botconfig's, index keys. */
  private static Map<String, AttributeValue> withBookkeeping(Map<String, AttributeValue> item) {
    Map<String, AttributeValue> written = new HashMap<>(item);
    String sk = item.get("SK").s();
    boolean channel = sk.startsWith("CHANNEL#");
    if (channel || sk.equals("SETTINGS") || sk.equals("BOARD")) {
      written.put("version", AttributeValue.fromN("1"));
    }
    if (channel) {
      written.put("GSI_PK", AttributeValue.fromS(sk));
      written.put("GSI_SK", item.get("PK"));
    }
    return written;
  }
}
