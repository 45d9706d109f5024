package io.github.botconfig.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.botconfig.app.json.ConfigJson;
import io.github.botconfig.app.json.DynamoJson;
import io.github.botconfig.domain.InvalidConfigException;
import io.github.botconfig.dynamodb.internal.ImportPlan;
import io.github.botconfig.dynamodb.internal.TableBackup;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** {@code botconfig export} and {@code botconfig import}: backups of every guild's items, whole. */
final class BackupCommands {
  static final String FORMAT = "botconfig-export";
  static final int FORMAT_VERSION = 1;

  private BackupCommands() {}

  @Command(
      name = "export",
      description = {
        "Write every guild's items as JSON, every attribute kept: a backup botconfig import restores.",
        "The items are channels, settings, and the items of other software under a guild, in DynamoDB's typed"
            + " JSON form."
      },
      mixinStandardHelpOptions = true)
  static final class Export extends StoreCommand implements Callable<Integer> {
    @Option(
        names = "--out",
        paramLabel = "FILE",
        description = "Write to FILE (default: standard output).")
    @Nullable Path out;

    @Override
    public Integer call() throws IOException {
      List<Map<String, AttributeValue>> items = context().graph().backup().exportItems();
      ObjectNode document = ConfigJson.mapper().createObjectNode();
      document.put("format", FORMAT);
      document.put("formatVersion", FORMAT_VERSION);
      document.put("table", context().options().table());
      document.put("exportedAt", Instant.now().toString());
      ArrayNode array = document.putArray("items");
      items.forEach(item -> array.add(DynamoJson.item(item)));
      if (out == null) {
        context().out().println(ConfigJson.mapper().writeValueAsString(document));
      } else {
        // Backups hold every guild's configuration: only their owner reads them, and a file is
        // either the whole export or untouched.
        PrivateFiles.write(
            out,
            "the export",
            stream -> {
              ConfigJson.mapper()
                  .writer()
                  .without(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                  .writeValue(stream, document);
              stream.write('\n');
            });
        context()
            .out()
            .printf("%d item%s exported to %s%n", items.size(), items.size() == 1 ? "" : "s", out);
      }
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "import",
      description = {
        "Restore a file written by botconfig export.",
        "Every item is checked before anything is written; only items that differ are written, so importing"
            + " twice changes nothing the second time. Items the table has and the file lacks are never"
            + " deleted."
      },
      mixinStandardHelpOptions = true)
  static final class Import extends StoreCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "The export file.")
    Path file;

    @Option(
        names = "--dry-run",
        description =
            "Check everything and say what would change, attribute by attribute; write nothing.")
    boolean dryRun;

    @Option(
        names = "--progress",
        description =
            "Say on stderr how far the import is (on a terminal it does for more than 100 items).")
    boolean progress;

    @Option(
        names = "--progress-every",
        paramLabel = "N",
        description = "With --progress: a line every N items written (default: ${DEFAULT-VALUE}).")
    int progressEvery = 100;

    @Override
    public Integer call() {
      List<Map<String, AttributeValue>> items = read(file);
      TableBackup backup = context().graph().backup();
      ImportPlan plan = backup.plan(items);
      var out = context().out();
      if (dryRun) {
        ImportReport.dryRun(plan, out);
        return ExitCodes.OK;
      }
      plan.unreadable()
          .forEach(
              line ->
                  context()
                      .err()
                      .println("warning: restored as it is, but botconfig cannot read " + line));
      int total = plan.changes().size();
      int every = progressEvery(total);
      int written =
          backup.apply(
              plan,
              n -> {
                if (every > 0 && (n % every == 0 || n == total)) {
                  context().err().printf("import: %d of %d item(s) written%n", n, total);
                  context().err().flush();
                }
              });
      out.printf(
          "imported %d item%s: created %d, replaced %d, %d unchanged%n",
          written, written == 1 ? "" : "s", plan.creates(), plan.replaces(), plan.unchanged());
      return ExitCodes.OK;
    }

    /** Every how many items to say how far it is: 0 for never. */
    // On the Java 17 this runs on, System.console() is null unless stdin and stdout are a terminal;
    // Java 22 would need Console.isTerminal(), which release 17 cannot call.
    @SuppressWarnings("SystemConsoleNull")
    private int progressEvery(int total) {
      if (progressEvery < 1) {
        throw new InvalidConfigException(
            "--progress-every must be at least 1, got " + progressEvery);
      }
      // A person watching a terminal wants to know it is moving; a script's log does not.
      boolean show = progress || (System.console() != null && total > 100);
      return show ? progressEvery : 0;
    }

    private static List<Map<String, AttributeValue>> read(Path file) {
      JsonNode document;
      try {
        document = ConfigJson.mapper().readTree(Files.readString(file, StandardCharsets.UTF_8));
      } catch (NoSuchFileException e) {
        throw new InvalidConfigException("no such file: " + file);
      } catch (JsonProcessingException e) {
        throw new InvalidConfigException(file + " is not JSON: " + e.getOriginalMessage());
      } catch (IOException e) {
        throw new InvalidConfigException("cannot read " + file + ": " + e.getMessage());
      }
      if (document == null
          || !document.isObject()
          || !FORMAT.equals(document.path("format").asText())
          || !document.path("items").isArray()) {
        throw new InvalidConfigException(
            file + " is not a botconfig export (no \"format\": \"" + FORMAT + "\" with \"items\")");
      }
      if (document.path("formatVersion").asInt() != FORMAT_VERSION) {
        throw new InvalidConfigException(
            file
                + " has export format version "
                + document.path("formatVersion")
                + "; this botconfig reads version "
                + FORMAT_VERSION);
      }
      List<Map<String, AttributeValue>> items = new ArrayList<>();
      for (JsonNode item : document.get("items")) {
        items.add(DynamoJson.readItem(item, "item " + (items.size() + 1)));
      }
      return items;
    }
  }
}
