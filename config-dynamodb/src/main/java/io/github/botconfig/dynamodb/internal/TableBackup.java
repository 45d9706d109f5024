package io.github.botconfig.dynamodb.internal;

import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Backup and restore of every guild's items, whole: channels, settings and boards with every
 * attribute, modelled or not, items that do not read, and the items of other software kept under a
 * guild (the running TypeScript bot's {@code global_position_message}, …).
 *
 * <p>Restoring is in two steps: {@link #plan} checks every item of the file against DynamoDB's
 * rules and the table's (nothing is written when any item is wrong) and compares it with the table;
 * {@link #apply} writes only what differs, each write conditional on the stored item being exactly
 * as the plan saw it. Importing the same file twice writes nothing the second time. An import never
 * deletes an item the file lacks.
 *
 * <p>Tooling (see the package): thread-safe; every call scans the whole table.
 */
public interface TableBackup {
  /**
   * Every item under a {@code GUILD#} key, in key order, exactly as stored. The change marker and
   * other partitions are left out.
   */
  List<Map<String, AttributeValue>> exportItems();

  /**
   * Checks every item and compares it with the table.
   *
   * @throws io.github.botconfig.domain.InvalidConfigException listing every refusal, one line each
   *     naming the item and the value, when any item cannot be imported
   * @throws io.github.botconfig.domain.StoreUnavailableException when the table cannot be read
   */
  ImportPlan plan(List<Map<String, AttributeValue>> items);

  /**
   * Writes what the plan says, in key order, and moves the change marker once if anything was
   * written.
   *
   * @param written called with the number of items written so far after each write
   * @return how many items were written
   * @throws io.github.botconfig.domain.ConfigConflictException if an item changed since the plan
   *     was made; the message says how many items were written before it and which
   * @throws io.github.botconfig.domain.StoreUnavailableException if the store failed; the message
   *     says the same
   */
  int apply(ImportPlan plan, IntConsumer written);
}
