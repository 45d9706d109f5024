package io.github.botconfig.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.botconfig.app.json.ConfigJson;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.InvalidConfigException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/** {@code botconfig guild …}: whole-guild operations. */
@Command(
    name = "guild",
    description = "Whole-guild operations.",
    mixinStandardHelpOptions = true,
    subcommands = GuildCommand.Purge.class)
final class GuildCommand {

  @Command(
      name = "purge",
      description = {
        "Delete everything stored for a guild: its channels, settings and every other item under it.",
        "On a terminal it lists what will go and asks first; scripts pass --yes. --dry-run lists what"
            + " would go and deletes nothing."
      },
      mixinStandardHelpOptions = true)
  static final class Purge extends StoreCommand implements Callable<Integer> {
    @Option(
        names = "--guild",
        required = true,
        paramLabel = "GUILD",
        description = "The guild whose items are deleted.")
    GuildId guild;

    @Option(names = "--yes", description = "Delete without asking (for scripts).")
    boolean yes;

    @Option(names = "--dry-run", description = "List what would be deleted; delete nothing.")
    boolean dryRun;

    @Option(names = "--json", description = "Print the outcome as one JSON document.")
    boolean json;

    @Override
    public Integer call() {
      List<String[]> items = itemsOf(guild);
      PrintWriter out = context().out();
      if (dryRun || items.isEmpty()) {
        print(out, items, 0, true);
        return ExitCodes.OK;
      }
      if (!yes) {
        var answer = context().confirm(describe(items) + " Delete them? [y/N] ");
        if (answer.isEmpty()) {
          throw new InvalidConfigException(
              "guild purge would delete "
                  + describe(items)
                  + " and standard input is not a terminal to ask: pass --yes to delete, or"
                  + " --dry-run to list them");
        }
        if (!answer.get()) {
          context().err().println("nothing deleted");
          return ExitCodes.OK;
        }
      }
      int removed = context().store().deleteGuild(guild);
      print(out, items, removed, false);
      return ExitCodes.OK;
    }

    private String describe(List<String[]> items) {
      return items.size()
          + " item"
          + (items.size() == 1 ? "" : "s")
          + " of guild "
          + guild
          + " ("
          + String.join(", ", items.stream().map(i -> i[0]).toList())
          + ").";
    }

    private void print(PrintWriter out, List<String[]> items, int removed, boolean dry) {
      if (json) {
        ObjectNode document = ConfigJson.mapper().createObjectNode();
        document.put("guild", guild.toString());
        document.put("dryRun", dry);
        document.put("deleted", removed);
        ArrayNode array = document.putArray(dry ? "wouldDelete" : "items");
        for (String[] item : items) {
          array.addObject().put("sk", item[0]).put("type", item[1]);
        }
        Output.json(out, document);
        return;
      }
      if (dry) {
        out.printf(
            "guild %s: %d item%s would be deleted%s%n",
            guild, items.size(), items.size() == 1 ? "" : "s", items.isEmpty() ? "" : ":");
        items.forEach(i -> out.printf("  %-32s %s%n", i[0], i[1]));
      } else {
        out.printf("guild %s: %d item%s deleted%n", guild, removed, removed == 1 ? "" : "s");
      }
    }

    /** The sort key and type of every item under the guild's partition, as the purge sees them. */
    private List<String[]> itemsOf(GuildId guild) {
      List<String[]> items = new ArrayList<>();
      QueryRequest request =
          QueryRequest.builder()
              .tableName(context().options().table())
              .keyConditionExpression("#pk = :pk")
              .expressionAttributeNames(Map.of("#pk", "PK", "#sk", "SK", "#type", "Type"))
              .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("GUILD#" + guild)))
              .projectionExpression("#sk, #type")
              .build();
      context()
          .graph()
          .client()
          .queryPaginator(request)
          .items()
          .forEach(
              item -> {
                AttributeValue sk = item.get("SK");
                AttributeValue type = item.get("Type");
                items.add(
                    new String[] {
                      sk == null || sk.s() == null ? "?" : sk.s(),
                      type == null || type.s() == null ? "-" : type.s()
                    });
              });
      return items;
    }
  }
}
