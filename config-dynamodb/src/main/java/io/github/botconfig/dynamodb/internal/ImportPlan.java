package io.github.botconfig.dynamodb.internal;

import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What importing a file would change: the items to create or replace, attribute by attribute, and
 * how many already match. Made by {@link TableBackup#plan}, immutable.
 */
public interface ImportPlan {
  /** The writes {@link TableBackup#apply} would make, in key order. */
  List<Change> changes();

  /** How many items of the file are already stored as they are (versions aside). */
  int unchanged();

  /**
   * Items of the file that are restored as they are although botconfig cannot read them, one line
   * each naming the item and why (they stay visible as "stored but unreadable").
   */
  List<String> unreadable();

  /** How many items would be created. */
  default long creates() {
    return changes().stream().filter(c -> c.action() == Action.CREATE).count();
  }

  /** How many items would be replaced. */
  default long replaces() {
    return changes().stream().filter(c -> c.action() == Action.REPLACE).count();
  }

  /** What happens to one item. */
  enum Action {
    CREATE,
    REPLACE
  }

  /** One write. */
  interface Change {
    Action action();

    /** The item's keys, as {@code PK=GUILD#1 SK=CHANNEL#2}. */
    String describe();

    /**
     * The attributes that change, in name order: every attribute of a created item, and those of a
     * replaced item that differ from the stored one (this project's {@code version} aside).
     */
    List<AttributeChange> attributes();
  }

  /** One attribute of one item, before and after. */
  interface AttributeChange {
    String name();

    /** The stored value; empty when the attribute is added. */
    Optional<AttributeValue> before();

    /** The value written; empty when the attribute goes (the file's item lacks it). */
    Optional<AttributeValue> after();
  }
}
