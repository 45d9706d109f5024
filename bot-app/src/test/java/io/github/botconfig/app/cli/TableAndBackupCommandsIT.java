package io.github.botconfig.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.botconfig.app.json.ConfigJson;
import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.GuildSettings;
import io.github.botconfig.dynamodb.testing.FreePorts;
import io.github.botconfig.dynamodb.testing.LocalDynamoDbExtension;
import io.github.botconfig.dynamodb.testing.TableCorpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class TableAndBackupCommandsIT {
  @RegisterExtension
  static final LocalDynamoDbExtension DYNAMODB = LocalDynamoDbExtension.dynalite();

  private static final GuildId GUILD = GuildId.of(1);

  @TempDir Path dir;
  private CliTable table;

  @BeforeEach
  void freshTable() {
    table = new CliTable(DYNAMODB);
  }

  private CliRun onNewTableName(String... args) {
    String name = "botconfig-cli-" + UUID.randomUUID().toString().substring(0, 8);
    return CliRun.run(
        Map.of(
            "AWS_ENDPOINT_URL_DYNAMODB", DYNAMODB.endpoint().toString(), "BOTCONFIG_TABLE", name),
        args);
  }

  private void putRaw(Map<String, AttributeValue> item) {
    DYNAMODB.client().putItem(r -> r.tableName(table.name).item(item));
  }

  private static Map<String, AttributeValue> legacyChannelWithoutIndexKeys(
      String guild, String channel) {
    return Map.of(
        "PK", AttributeValue.fromS("GUILD#" + guild),
        "SK", AttributeValue.fromS("CHANNEL#" + channel),
        "Type", AttributeValue.fromS("channel_config"),
        "image", AttributeValue.fromN("1"),
        "forward", AttributeValue.fromBool(true));
  }

  @Test
  void tableCreateCreatesOnceThenSaysItExists() {
    String name = "botconfig-cli-" + UUID.randomUUID().toString().substring(0, 8);
    Map<String, String> env =
        Map.of(
            "AWS_ENDPOINT_URL_DYNAMODB", DYNAMODB.endpoint().toString(), "BOTCONFIG_TABLE", name);

    CliRun first = CliRun.run(env, "table", "create");
    CliRun second = CliRun.run(env, "table", "create");
    CliRun verify = CliRun.run(env, "table", "verify");

    assertThat(first.exitCode()).isZero();
    assertThat(first.out()).isEqualTo("table '" + name + "' created (pay-per-request)\n");
    assertThat(second.out()).isEqualTo("table '" + name + "' already exists\n");
    assertThat(verify.exitCode()).isZero();
    assertThat(verify.out()).isEqualTo("table '" + name + "' is as botconfig needs it\n");
  }

  @Test
  void tableCreateProvisionedTakesCapacityUnits() {
    CliRun run =
        onNewTableName("table", "create", "--billing", "provisioned", "--rcu", "5", "--wcu", "4");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).endsWith("created (provisioned, 5 RCU, 4 WCU)\n");
  }

  @Test
  void tableCreateRefusesBadOptionsNamingThem() {
    CliRun billing = onNewTableName("table", "create", "--billing", "free");
    CliRun units = onNewTableName("table", "create", "--rcu", "5");
    CliRun zero = onNewTableName("table", "create", "--billing", "provisioned", "--wcu", "0");

    assertThat(billing.exitCode()).isEqualTo(ExitCodes.INVALID);
    assertThat(billing.err()).contains("must be pay-per-request or provisioned, got 'free'");
    assertThat(units.exitCode()).isEqualTo(ExitCodes.INVALID);
    assertThat(units.err()).contains("--rcu and --wcu apply to --billing provisioned only");
    assertThat(zero.exitCode()).isEqualTo(ExitCodes.INVALID);
    assertThat(zero.err()).contains("must be at least 1, got 10 and 0");
  }

  @Test
  void verifyOfAMissingTableExitsThreeAndSaysHowToCreateIt() {
    CliRun run = onNewTableName("table", "verify");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.STORE_UNAVAILABLE);
    assertThat(run.err()).contains("does not exist at").contains("botconfig table create --table");
  }

  @Test
  void backfillRepairsChannelsWrittenWithoutIndexKeys() {
    putRaw(legacyChannelWithoutIndexKeys("1", "10"));
    putRaw(legacyChannelWithoutIndexKeys("1", "11"));

    CliRun run = table.run("table", "backfill");

    assertThat(run.out()).isEqualTo("2 channel items repaired\n");
    assertThat(table.store.findChannel(ChannelId.of(10)))
        .as("found through the index now")
        .isPresent();
    assertThat(table.run("table", "backfill").out()).isEqualTo("0 channel items repaired\n");
  }

  @Test
  void backfillSaysHowFarItIsWhileItWorksInPlainLines() {
    for (int c = 1; c <= 250; c++) {
      putRaw(legacyChannelWithoutIndexKeys("1", Integer.toString(1000 + c)));
    }

    CliRun run = table.run("table", "backfill");

    assertThat(run.out()).isEqualTo("250 channel items repaired\n");
    List<String> progress =
        run.err().lines().filter(line -> line.startsWith("table backfill: 1 page")).toList();
    assertThat(progress)
        .as(run.err())
        .allMatch(line -> line.matches("table backfill: 1 page scanned \\(25[0-9] items\\), 250.*"))
        .extracting(line -> line.substring(line.lastIndexOf(", ") + 2))
        .containsExactly("0 repaired", "100 repaired", "200 repaired", "250 repaired");
    assertThat(run.err()).doesNotContain("\u001b").doesNotContain("\r");
  }

  @Test
  void doctorOnAHealthyTablePasses() {
    table.store.saveChannel(ChannelConfig.of(GUILD, ChannelId.of(10)));

    CliRun run = table.run("doctor");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("OK       connection")
        .contains("OK       table and index")
        .contains("OK       index keys")
        .contains("OK       items            1 channel(s), 0 guild settings")
        .contains("OK       change marker    at 1")
        .endsWith("all checks passed\n");
  }

  @Test
  void doctorNamesEveryProblemWithItsFix() {
    putRaw(legacyChannelWithoutIndexKeys("1", "10"));
    putRaw(
        Map.of(
            "PK", AttributeValue.fromS("GUILD#1"),
            "SK", AttributeValue.fromS("SETTINGS"),
            "Type", AttributeValue.fromS("guild_settings"),
            "timezone", AttributeValue.fromS("Mars/Olympus")));

    CliRun run = table.run("doctor");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILURE);
    assertThat(run.out())
        .contains("OK       index keys       1 channel item(s) lacked their index keys: added now")
        .contains(
            "PROBLEM  items            1 item(s) stored but unreadable: settings of guild 1: stored"
                + " but unreadable: timezone:")
        .contains("Mars/Olympus")
        .contains("never writes over an unreadable item")
        .endsWith("1 problem(s) found\n");
  }

  @Test
  void doctorOnAMissingTableSaysHowToCreateIt() {
    CliRun run = onNewTableName("doctor");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.STORE_UNAVAILABLE);
    assertThat(run.out()).doesNotContain("all checks passed");
    assertThat(run.out()).contains("PROBLEM  table").contains("fix: botconfig table create");
  }

  @Test
  void doctorWithoutAServerSaysWhatToCheck() {
    CliRun run =
        CliRun.run(
            Map.of("AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:" + FreePorts.pick()), "doctor");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.STORE_UNAVAILABLE);
    assertThat(run.out())
        .contains("PROBLEM  connection")
        .contains("fix: check AWS_ENDPOINT_URL_DYNAMODB");
  }

  @Test
  void exportThenPurgeThenImportRestoresIdenticalItems() throws Exception {
    table.store.saveChannel(ChannelConfig.of(GUILD, ChannelId.of(10)).withPin(true));
    table.store.saveSettings(GuildSettings.defaults(GUILD));
    putRaw(legacyChannelWithoutIndexKeys("1", "11"));
    putRaw(
        Map.of(
            "PK", AttributeValue.fromS("GUILD#1"),
            "SK", AttributeValue.fromS("GLOBAL_MESSAGE"),
            "Type", AttributeValue.fromS("global_position_message"),
            "messageId", AttributeValue.fromS("99")));
    Path file = dir.resolve("backup.json");

    CliRun export = table.run("export", "--out", file.toString());
    String before = table.run("export").out();
    CliRun purge = table.run("guild", "purge", "--guild", "1", "--yes");
    CliRun dryRun = table.run("import", file.toString(), "--dry-run");
    CliRun restore = table.run("import", file.toString());
    CliRun again = table.run("import", file.toString());

    assertThat(export.out()).isEqualTo("4 items exported to " + file + "\n");
    assertThat(purge.out()).isEqualTo("guild 1: 4 items deleted\n");
    assertThat(dryRun.out()).startsWith("dry run: would create 4, replace 0, leave 0 unchanged\n");
    assertThat(restore.out()).isEqualTo("imported 4 items: created 4, replaced 0, 0 unchanged\n");
    assertThat(again.out()).isEqualTo("imported 0 items: created 0, replaced 0, 4 unchanged\n");
    assertThat(withoutBookkeeping(items(table.run("export").out())))
        .isEqualTo(withoutBookkeeping(items(before)));
    assertThat(items(Files.readString(file))).isEqualTo(items(before));
  }

  @Test
  void exportThenImportThroughAFileRestoresTheUsersWholeTableByteForByte() throws Exception {
    TableCorpus.items().forEach(this::putRaw);
    Path file = dir.resolve("corpus.json");
    CliTable target = new CliTable(DYNAMODB);

    CliRun export = table.run("export", "--out", file.toString());
    CliRun restore = target.run("import", file.toString());
    CliRun again = target.run("import", file.toString());

    assertThat(export.exitCode()).as(export.err()).isZero();
    assertThat(restore.exitCode()).as(restore.err()).isZero();
    assertThat(restore.err())
        .contains("warning: restored as it is, but botconfig cannot read")
        .contains("Mars/Olympus");
    assertThat(again.out()).startsWith("imported 0 items");
    JsonNode restored = items(target.run("export").out());
    JsonNode original = items(Files.readString(file));
    assertThat(restored).hasSize(TableCorpus.items().size());
    assertThat(withoutBookkeeping(restored)).isEqualTo(withoutBookkeeping(original));
    assertThat(restored.findValues("precise"))
        .containsExactly(
            ConfigJson.mapper().readTree("{\"N\":\"12345678901234567890.123456789012345678\"}"));
  }

  @Test
  void aDryRunNamesEveryAttributeThatWouldChangeAndWritesNothing() throws Exception {
    putRaw(legacyChannelWithoutIndexKeys("1", "11"));
    Path file = dir.resolve("backup.json");
    table.run("export", "--out", file.toString());
    var mapper = ConfigJson.mapper();
    var document = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(file.toFile());
    var item = (com.fasterxml.jackson.databind.node.ObjectNode) document.get("items").get(0);
    item.set("image", mapper.readTree("{\"BOOL\":true}"));
    item.set("extra", mapper.readTree("{\"S\":\"new\"}"));
    Files.writeString(file, mapper.writeValueAsString(document));
    String before = table.run("export").out();

    CliRun dryRun = table.run("import", file.toString(), "--dry-run");

    assertThat(dryRun.exitCode()).as(dryRun.err()).isZero();
    assertThat(dryRun.out())
        .isEqualTo(
            "dry run: would create 0, replace 1, leave 0 unchanged\n"
                + "  replace PK=GUILD#1 SK=CHANNEL#11\n"
                + "            GSI_PK: (absent) → {\"S\":\"CHANNEL#11\"}\n"
                + "            GSI_SK: (absent) → {\"S\":\"GUILD#1\"}\n"
                + "            extra: (absent) → {\"S\":\"new\"}\n"
                + "            image: {\"N\":\"1\"} → {\"BOOL\":true}\n"
                + "nothing is deleted: items the table has and the file lacks stay as they are\n");
    assertThat(items(table.run("export").out())).isEqualTo(items(before));
  }

  @Test
  void aLongImportSaysHowFarItIsWhenAsked() throws Exception {
    for (int c = 10; c < 15; c++) {
      table.store.saveChannel(ChannelConfig.of(GUILD, ChannelId.of(c)));
    }
    Path file = dir.resolve("backup.json");
    table.run("export", "--out", file.toString());
    CliTable target = new CliTable(DYNAMODB);

    CliRun restore = target.run("import", file.toString(), "--progress", "--progress-every", "2");
    CliRun quiet = new CliTable(DYNAMODB).run("import", file.toString());

    assertThat(restore.err())
        .isEqualTo(
            "import: 2 of 5 item(s) written\n"
                + "import: 4 of 5 item(s) written\n"
                + "import: 5 of 5 item(s) written\n");
    assertThat(quiet.err()).as("not a terminal, not asked").isEmpty();
  }

  /** The items without this project's bookkeeping (version, index keys). */
  private static JsonNode withoutBookkeeping(JsonNode items) {
    JsonNode copy = items.deepCopy();
    copy.forEach(
        item ->
            ((com.fasterxml.jackson.databind.node.ObjectNode) item)
                .remove(List.of("version", "GSI_PK", "GSI_SK")));
    return copy;
  }

  @Test
  void anInvalidImportFileWritesNothing() throws Exception {
    Path notJson = Files.writeString(dir.resolve("a.json"), "{ nope");
    Path notExport = Files.writeString(dir.resolve("b.json"), "{\"items\": []}");
    Path badItem =
        Files.writeString(
            dir.resolve("c.json"),
            "{\"format\":\"botconfig-export\",\"formatVersion\":1,\"items\":["
                + "{\"PK\":{\"S\":\"GUILD#1\"},\"SK\":{\"S\":\"CHANNEL#2\"},\"Type\":{\"S\":\"channel_config\"}},"
                + "{\"PK\":{\"S\":\"GUILD#1\"},\"SK\":{\"S\":\"CHANNEL#3\"},\"Type\":{\"S\":\"x\"}}]}");
    Path badType =
        Files.writeString(
            dir.resolve("d.json"),
            "{\"format\":\"botconfig-export\",\"formatVersion\":1,\"items\":[{\"PK\":{\"X\":\"1\"}}]}");

    CliRun a = table.run("import", notJson.toString());
    CliRun b = table.run("import", notExport.toString());
    CliRun c = table.run("import", badItem.toString());
    CliRun d = table.run("import", badType.toString());
    CliRun missing = table.run("import", dir.resolve("none.json").toString());

    assertThat(a.exitCode()).isEqualTo(ExitCodes.INVALID);
    assertThat(a.err()).contains("is not JSON");
    assertThat(b.err()).contains("is not a botconfig export");
    assertThat(c.exitCode()).isEqualTo(ExitCodes.INVALID);
    assertThat(c.err())
        .contains("1 problem(s) in the file, nothing was written")
        .contains("item 2 (PK=GUILD#1 SK=CHANNEL#3): Type:");
    assertThat(d.err()).contains("item 1.PK: unknown DynamoDB type 'X'");
    assertThat(missing.err()).contains("no such file");
    assertThat(table.store.loadAll().channels()).isEmpty();
  }

  private static JsonNode items(String export) throws Exception {
    return ConfigJson.mapper().readTree(export).get("items");
  }
}
