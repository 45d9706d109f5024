package io.github.botconfig.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.botconfig.app.json.ConfigJson;
import io.github.botconfig.application.port.in.Actor;
import io.github.botconfig.application.port.in.Outcome;
import io.github.botconfig.application.port.in.PurgeGuildUseCase;
import io.github.botconfig.application.port.out.GuildInventory;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.InvalidConfigException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

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

    /**
     * Parses, asks and renders; what is deleted, and who may delete it, is the {@link
     * PurgeGuildUseCase}'s.
     */
    @Override
    public Integer call() {
      PurgeGuildUseCase purge = context().admin();
      PurgeGuildUseCase.Command command = new PurgeGuildUseCase.Command(Actor.operator(), guild);
      Outcome<PurgeGuildUseCase.Plan> plan = purge.planPurge(command);
      if (!plan.succeeded()) {
        return AdminOutcomes.failure(context(), plan);
      }
      List<GuildInventory.Item> items = plan.get().items();
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
      Outcome<Integer> removed = purge.purgeGuild(command);
      if (!removed.succeeded()) {
        return AdminOutcomes.failure(context(), removed);
      }
      print(out, items, removed.get(), false);
      return ExitCodes.OK;
    }

    private String describe(List<GuildInventory.Item> items) {
      return items.size()
          + " item"
          + (items.size() == 1 ? "" : "s")
          + " of guild "
          + guild
          + " ("
          + String.join(", ", items.stream().map(GuildInventory.Item::key).toList())
          + ").";
    }

    private void print(PrintWriter out, List<GuildInventory.Item> items, int removed, boolean dry) {
      if (json) {
        ObjectNode document = ConfigJson.mapper().createObjectNode();
        document.put("guild", guild.toString());
        document.put("dryRun", dry);
        document.put("deleted", removed);
        ArrayNode array = document.putArray(dry ? "wouldDelete" : "items");
        for (GuildInventory.Item item : items) {
          array.addObject().put("sk", item.key()).put("type", item.type());
        }
        Output.json(out, document);
        return;
      }
      if (dry) {
        out.printf(
            "guild %s: %d item%s would be deleted%s%n",
            guild, items.size(), items.size() == 1 ? "" : "s", items.isEmpty() ? "" : ":");
        items.forEach(i -> out.printf("  %-32s %s%n", i.key(), i.type()));
      } else {
        out.printf("guild %s: %d item%s deleted%n", guild, removed, removed == 1 ? "" : "s");
      }
    }
  }
}
