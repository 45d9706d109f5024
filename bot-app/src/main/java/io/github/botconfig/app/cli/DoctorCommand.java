package io.github.botconfig.app.cli;

import io.github.botconfig.app.wiring.AppComponent;
import io.github.botconfig.domain.ConfigSnapshot;
import io.github.botconfig.domain.StoreUnavailableException;
import io.github.botconfig.domain.UnreadableItem;
import io.github.botconfig.dynamodb.LoadReport;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code botconfig doctor}: every check an operator would make by hand, each with OK or the problem
 * and its fix. Exit 0 when all pass, 1 otherwise.
 */
@Command(
    name = "doctor",
    description =
        "Check the connection, the table, its index and its items; say how to fix each problem found.",
    mixinStandardHelpOptions = true)
final class DoctorCommand extends StoreCommand implements Callable<Integer> {
  private int problems;

  @Override
  public Integer call() {
    PrintWriter out = context().out();
    AppComponent graph = context().graph();
    String table = context().settings().table();
    out.printf("botconfig doctor — table '%s' at %s%n", table, location(graph.settings()));

    List<String> definition;
    try {
      definition = graph.provisioner().verify();
    } catch (StoreUnavailableException e) {
      problem(
          "connection",
          e.getMessage(),
          "check AWS_ENDPOINT_URL_DYNAMODB / AWS_REGION and the credentials, then run doctor again");
      return summary();
    }
    ok("connection", "DynamoDB answers");
    if (definition.stream().anyMatch(p -> p.contains("does not exist"))) {
      problem("table", String.join("; ", definition), "botconfig table create");
      return summary();
    }
    if (definition.isEmpty()) {
      ok(
          "table and index",
          "keys, types, ChannelIndex and its projection are as botconfig needs them");
    } else {
      problem(
          "table and index",
          String.join("; ", definition),
          "recreate the table with botconfig table create (export first, import after)");
    }
    int missing = graph.provisioner().countItemsMissingIndexKeys();
    // A full load gives channel items written without index keys (the seed's code) their keys.
    ConfigSnapshot snapshot = graph.store().loadAll();
    LoadReport report = graph.dynamoDbStore().lastLoadReport();
    int left = missing - report.indexKeysAdded();
    if (missing == 0) {
      ok("index keys", "every channel item can be found by channel id");
    } else if (left <= 0) {
      ok("index keys", missing + " channel item(s) lacked their index keys: added now");
    } else {
      problem(
          "index keys",
          left + " channel item(s) lack their index keys (found by key meanwhile)",
          "botconfig table backfill, with write access to the table");
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
          "botconfig channels remove --guild <the wrong one> --channel <id>");
    }
    long marker = graph.store().changeMarker();
    ok("change marker", marker == 0 ? "not written yet (no change so far)" : "at " + marker);
    return summary();
  }

  private static String location(io.github.botconfig.app.config.AppSettings settings) {
    return settings
        .endpoint()
        .map(Object::toString)
        .orElseGet(
            () -> settings.region().map(r -> "AWS region " + r).orElse("the AWS default region"));
  }

  private void ok(String check, String detail) {
    context().out().printf("  OK       %-16s %s%n", check, detail);
  }

  private void problem(String check, String detail, String fix) {
    problems++;
    context()
        .out()
        .printf("  PROBLEM  %-16s %s%n           %-16s fix: %s%n", check, detail, "", fix);
  }

  private int summary() {
    context().out().println(problems == 0 ? "all checks passed" : problems + " problem(s) found");
    return problems == 0 ? ExitCodes.OK : ExitCodes.FAILURE;
  }
}
