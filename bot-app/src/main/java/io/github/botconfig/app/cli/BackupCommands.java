package io.github.botconfig.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.botconfig.app.json.ConfigJson;
import io.github.botconfig.app.json.DynamoJson;
import io.github.botconfig.domain.InvalidConfigException;
import io.github.botconfig.dynamodb.ImportPlan;
import io.github.botconfig.dynamodb.TableBackup;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
      document.put("table", context().settings().table());
      document.put("exportedAt", Instant.now().toString());
      ArrayNode array = document.putArray("items");
      items.forEach(item -> array.add(DynamoJson.item(item)));
      String json = ConfigJson.mapper().writeValueAsString(document);
      if (out == null) {
        context().out().println(json);
      } else {
        // Written beside, then moved: an interrupted export never leaves half a backup under the
        // final name.
        Path target = out.toAbsolutePath();
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        Files.writeString(partial, json + "\n", StandardCharsets.UTF_8);
        Files.move(
            partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
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
            + " twice changes nothing the second time."
      },
      mixinStandardHelpOptions = true)
  static final class Import extends StoreCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "The export file.")
    Path file;

    @Option(names = "--dry-run", description = "Check and report what would change, write nothing.")
    boolean dryRun;

    @Override
    public Integer call() {
      List<Map<String, AttributeValue>> items = read(file);
      TableBackup backup = context().graph().backup();
      ImportPlan plan = backup.plan(items);
      var out = context().out();
      if (dryRun) {
        out.printf(
            "dry run: would create %d, replace %d, leave %d unchanged%n",
            plan.creates(), plan.replaces(), plan.unchanged());
        plan.changes()
            .forEach(
                c ->
                    out.printf(
                        "  %-7s %s%n",
                        c.action().name().toLowerCase(java.util.Locale.ROOT), c.describe()));
        return ExitCodes.OK;
      }
      int written = backup.apply(plan);
      out.printf(
          "imported %d item%s: created %d, replaced %d, %d unchanged%n",
          written, written == 1 ? "" : "s", plan.creates(), plan.replaces(), plan.unchanged());
      return ExitCodes.OK;
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
