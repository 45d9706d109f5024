package io.github.botconfig.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.botconfig.app.json.ConfigJson;
import io.github.botconfig.app.wiring.AppComponent;
import io.github.botconfig.domain.ConfigSnapshot;
import io.github.botconfig.domain.UnreadableItem;
import io.github.botconfig.dynamodb.LoadReport;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * {@code botconfig doctor}: every check an operator would make by hand, each with OK or the problem
 * and a fix that works when followed. A check that fails does not stop the others: every problem
 * that can be found is reported. Exit 0 when all pass, 1 when a check found a problem, 3 when the
 * table could not be reached or does not exist.
 */
@Command(
    name = "doctor",
    description = {
      "Check the connection, the table, its index and its items, and say how to fix each problem.",
      "Every check runs, whatever the others found. Exit 0 all passed, 1 problems found, 3 the table"
          + " is missing or DynamoDB cannot be reached."
    },
    mixinStandardHelpOptions = true)
final class DoctorCommand extends StoreCommand implements Callable<Integer> {
  @Option(names = "--json", description = "Print the checks as one JSON document.")
  boolean json;

  /** One check's outcome. */
  record Check(String name, boolean ok, String detail, @Nullable String fix) {}

  private final List<Check> checks = new ArrayList<>();
  private boolean unreachable;

  @Override
  public Integer call() {
    AppComponent graph = context().graph();
    String table = context().options().table();
    if (connectionAndTable(graph, table)) {
      tableDefinition(graph, table);
      indexKeys(graph);
      items(graph);
      changeMarker(graph);
    }
    return report(table, context().where().location());
  }

  /** Whether the table exists and answers: the other checks need it. */
  private boolean connectionAndTable(AppComponent graph, String table) {
    try {
      graph.client().describeTable(request -> request.tableName(table));
      ok("connection", "DynamoDB answers at " + context().where().location());
      return true;
    } catch (ResourceNotFoundException e) {
      ok("connection", "DynamoDB answers at " + context().where().location());
      unreachable = true;
      problem(
          "table",
          "table " + table + " does not exist at " + context().where().location(),
          context().where().createCommand()
              + " (or, for an existing table, check the name: --table / BOTCONFIG_TABLE)");
      return false;
    } catch (RuntimeException e) {
      unreachable = true;
      problem(
          "connection",
          Failures.of(e, context().where()).message(),
          "check AWS_ENDPOINT_URL_DYNAMODB / AWS_REGION and the credentials, then run"
              + " botconfig doctor again");
      return false;
    }
  }

  private void tableDefinition(AppComponent graph, String table) {
    List<String> definition;
    try {
      definition = graph.provisioner().verify();
    } catch (RuntimeException e) {
      problem("table and index", Failures.of(e, context().where()).message(), null);
      return;
    }
    if (definition.isEmpty()) {
      ok(
          "table and index",
          "keys, types, ChannelIndex and its projection are as botconfig needs them");
      return;
    }
    boolean keysWrong =
        definition.stream().anyMatch(p -> p.startsWith("table '" + table + "' has keys"));
    problem(
        "table and index",
        String.join("; ", definition),
        keysWrong
            ? "this table is not botconfig's (its keys differ): point botconfig at a table of its"
                + " own, e.g. --table discord-bot-config, and create it with botconfig table create"
                + " --table discord-bot-config"
            : "move the items to a new table: botconfig export --out backup.json; botconfig table"
                + " create --table NEW; botconfig --table NEW import backup.json; then use --table"
                + " NEW (or set BOTCONFIG_TABLE=NEW)");
  }

  private void indexKeys(AppComponent graph) {
    try {
      int missing = graph.provisioner().countItemsMissingIndexKeys();
      if (missing == 0) {
        ok("index keys", "every channel item can be found by channel id");
        return;
      }
      // A full load gives channel items written without index keys (the seed's code) their keys.
      graph.store().loadAll();
      int left = missing - graph.dynamoDbStore().lastLoadReport().indexKeysAdded();
      if (left <= 0) {
        ok("index keys", missing + " channel item(s) lacked their index keys: added now");
      } else {
        problem(
            "index keys",
            left + " channel item(s) lack their index keys (found by key meanwhile)",
            "botconfig table backfill" + tableOption() + ", with write access to the table");
      }
    } catch (RuntimeException e) {
      problem("index keys", Failures.of(e, context().where()).message(), null);
    }
  }

  private void items(AppComponent graph) {
    LoadReport report;
    ConfigSnapshot snapshot;
    try {
      snapshot = graph.store().loadAll();
      report = graph.dynamoDbStore().lastLoadReport();
    } catch (RuntimeException e) {
      problem("items", Failures.of(e, context().where()).message(), null);
      return;
    }
    if (report.malformedItems() == 0) {
      ok(
          "items",
          report.channels()
              + " channel(s), "
              + report.settings()
              + " guild settings, "
              + report.otherItems()
              + " item(s) of other types, none malformed");
    } else {
      List<String> lines = new ArrayList<>();
      for (UnreadableItem item : snapshot.unreadable()) {
        lines.add(item.what() + ": " + item.describe());
      }
      if (lines.size() < report.malformedItems()) {
        lines.addAll(report.malformed()); // items whose very keys cannot be read
      }
      problem(
          "items",
          report.malformedItems() + " item(s) stored but unreadable: " + String.join("; ", lines),
          "fix them with botconfig channels set / settings set, or remove them; the bot treats"
              + " such a channel as untracked and never writes over an unreadable item");
    }
    if (report.duplicateChannels() > 0) {
      problem(
          "items",
          report.duplicateChannels() + " channel(s) stored under two guilds",
          "botconfig channels remove --guild <the wrong one> --channel <id>" + tableOption());
    }
  }

  private void changeMarker(AppComponent graph) {
    try {
      long marker = graph.store().changeMarker();
      ok("change marker", marker == 0 ? "not written yet (no change so far)" : "at " + marker);
    } catch (RuntimeException e) {
      problem("change marker", Failures.of(e, context().where()).message(), null);
    }
  }

  private String tableOption() {
    return context().where().options();
  }

  private void ok(String check, String detail) {
    checks.add(new Check(check, true, detail, null));
  }

  /**
   * @param fix what to do; null when the detail (a failure's message) says it already
   */
  private void problem(String check, String detail, @Nullable String fix) {
    checks.add(new Check(check, false, detail, fix));
  }

  private int report(String table, String location) {
    long problems = checks.stream().filter(c -> !c.ok()).count();
    PrintWriter out = context().out();
    if (json) {
      ObjectNode document = ConfigJson.mapper().createObjectNode();
      document.put("table", table);
      document.put("location", location);
      ArrayNode array = document.putArray("checks");
      for (Check check : checks) {
        ObjectNode node = array.addObject();
        node.put("check", check.name());
        node.put("ok", check.ok());
        node.put("detail", check.detail());
        if (check.fix() != null) {
          node.put("fix", check.fix());
        }
      }
      document.put("problems", problems);
      Output.json(out, document);
    } else {
      out.printf("botconfig doctor — table '%s' at %s%n", table, location);
      for (Check check : checks) {
        out.printf(
            "  %-8s %-16s %s%n", check.ok() ? "OK" : "PROBLEM", check.name(), check.detail());
        if (check.fix() != null) {
          out.printf("  %-8s %-16s fix: %s%n", "", "", check.fix());
        }
      }
      out.println(problems == 0 ? "all checks passed" : problems + " problem(s) found");
    }
    if (unreachable) {
      return ExitCodes.STORE_UNAVAILABLE;
    }
    return problems == 0 ? ExitCodes.OK : ExitCodes.FAILURE;
  }
}
