package io.github.botconfig.dynamodb;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What importing a backup would change: the items to create or replace, and how many already match.
 *
 * @param changes the writes {@link TableBackup#apply} would make, in key order
 * @param unchanged how many items of the backup are already stored as they are (versions aside)
 */
public record ImportPlan(List<Change> changes, int unchanged) {
  public ImportPlan {
    changes = List.copyOf(changes);
  }

  /** What happens to one item. */
  public enum Action {
    CREATE,
    REPLACE
  }

  /**
   * One write.
   *
   * @param action create or replace
   * @param item the item from the backup
   * @param replaced the stored item it replaces, for {@link Action#REPLACE}
   */
  public record Change(
      Action action,
      Map<String, AttributeValue> item,
      @Nullable Map<String, AttributeValue> replaced) {
    /** The item's keys, as {@code PK=GUILD#1 SK=CHANNEL#2}. */
    public String describe() {
      return ItemKeys.describe(item);
    }
  }

  /** How many items would be created. */
  public long creates() {
    return changes.stream().filter(c -> c.action() == Action.CREATE).count();
  }

  /** How many items would be replaced. */
  public long replaces() {
    return changes.stream().filter(c -> c.action() == Action.REPLACE).count();
  }
}
