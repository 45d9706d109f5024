package io.github.botconfig.app.cli;

import io.github.botconfig.app.json.DynamoJson;
import io.github.botconfig.dynamodb.internal.ImportPlan;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** What {@code botconfig import --dry-run} prints: each write, and each attribute it changes. */
final class ImportReport {
  private static final int SHOWN = 80;
  private static final java.util.regex.Pattern PLAIN =
      java.util.regex.Pattern.compile("[A-Za-z0-9_#.-]{1,64}");

  private ImportReport() {}

  static void dryRun(ImportPlan plan, PrintWriter out) {
    out.printf(
        "dry run: would create %d, replace %d, leave %d unchanged%n",
        plan.creates(), plan.replaces(), plan.unchanged());
    for (ImportPlan.Change change : plan.changes()) {
      out.printf("  %-7s %s%n", change.action().name().toLowerCase(Locale.ROOT), change.describe());
      if (change.action() == ImportPlan.Action.REPLACE) {
        for (ImportPlan.AttributeChange attribute : change.attributes()) {
          out.printf(
              "            %s: %s → %s%n",
              name(attribute.name()),
              shown(attribute.before(), "(absent)"),
              shown(attribute.after(), "(removed)"));
        }
      }
    }
    plan.unreadable()
        .forEach(line -> out.println("  restored as it is, but botconfig cannot read " + line));
    out.println("nothing is deleted: items the table has and the file lacks stay as they are");
  }

  private static String shown(Optional<AttributeValue> value, String absent) {
    return value.map(DynamoJson::compact).map(ImportReport::cut).orElse(absent);
  }

  /**
   * A plain name as it is; any other as a JSON string, so that a name with a line break, a control
   * character or a colon stays on its line and readable.
   */
  private static String name(String name) {
    return PLAIN.matcher(name).matches()
        ? name
        : com.fasterxml.jackson.databind.node.TextNode.valueOf(name).toString();
  }

  private static String cut(String text) {
    return text.length() <= SHOWN ? text : text.substring(0, SHOWN) + "…";
  }
}
