package io.github.botconfig.dynamodb;

import io.github.botconfig.dynamodb.internal.ImportPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The {@link ImportPlan} of {@link DynamoDbTableBackup}: what to write, and what it replaces. */
record PlannedImport(List<Change> writes, int unchanged, List<String> unreadable)
    implements ImportPlan {
  PlannedImport {
    writes = List.copyOf(writes);
    unreadable = List.copyOf(unreadable);
  }

  @Override
  public List<ImportPlan.Change> changes() {
    return List.copyOf(writes);
  }

  /** One item of the file as it would be written, beside the stored item of the same key. */
  record Write(
      Map<String, AttributeValue> item,
      @Nullable Map<String, AttributeValue> stored,
      ItemKind kind) {}

  /** One write: the item to put, and the stored item it must still find (none for a create). */
  record Change(
      Action action,
      Map<String, AttributeValue> item,
      @Nullable Map<String, AttributeValue> replaced,
      List<AttributeChange> attributes)
      implements ImportPlan.Change {
    @Override
    public String describe() {
      return Quoted.oneLine(ItemKeys.describe(item));
    }
  }

  record Attribute(String name, Optional<AttributeValue> before, Optional<AttributeValue> after)
      implements AttributeChange {}

  static PlannedImport of(List<Write> writes, List<String> unreadable) {
    List<Write> inKeyOrder = new ArrayList<>(writes);
    inKeyOrder.sort((a, b) -> DynamoDbTableBackup.BY_KEY.compare(a.item(), b.item()));
    List<Change> changes = new ArrayList<>();
    int unchanged = 0;
    for (Write write : inKeyOrder) {
      List<AttributeChange> differences = differences(write);
      if (write.stored() == null) {
        changes.add(new Change(Action.CREATE, write.item(), null, differences));
      } else if (differences.isEmpty()) {
        unchanged++;
      } else {
        changes.add(new Change(Action.REPLACE, write.item(), write.stored(), differences));
      }
    }
    return new PlannedImport(changes, unchanged, unreadable);
  }

  /**
   * The attributes in which the item differs from the stored one, in name order; this project's
   * version aside (a replace always moves it), except on items of other software.
   */
  private static List<AttributeChange> differences(Write write) {
    Map<String, AttributeValue> before = write.stored() == null ? Map.of() : write.stored();
    TreeSet<String> names = new TreeSet<>(before.keySet());
    names.addAll(write.item().keySet());
    if (write.kind() != ItemKind.OTHER && write.stored() != null) {
      names.remove(TableLayout.VERSION);
    }
    List<AttributeChange> changes = new ArrayList<>();
    for (String name : names) {
      Optional<AttributeValue> old = Optional.ofNullable(before.get(name));
      Optional<AttributeValue> now = Optional.ofNullable(write.item().get(name));
      if (!old.equals(now)) {
        changes.add(new Attribute(name, old, now));
      }
    }
    return List.copyOf(changes);
  }

  /** The changes of a plan this store made. */
  static List<Change> changesOf(ImportPlan plan) {
    if (plan instanceof PlannedImport planned) {
      return planned.writes();
    }
    throw new IllegalArgumentException(
        "not a plan of this store: " + plan.getClass().getName() + "; make it with plan(items)");
  }
}
