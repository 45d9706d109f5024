package io.github.botconfig.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.botconfig.app.json.ConfigJson;
import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.GuildSettings;
import io.github.botconfig.dynamodb.testing.LocalDynamoDbExtension;
import java.nio.file.Files;
import java.nio.file.Path;
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
        .contains("PROBLEM  index keys       1 channel item(s) lack their index keys")
        .contains("fix: botconfig table backfill")
        .contains("PROBLEM  items            1 malformed item(s)")
        .contains("Mars/Olympus")
        .endsWith("2 problem(s) found\n");
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
            Map.of("AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:" + FreePort.closed()), "doctor");

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
    assertThat(items(table.run("export").out())).isEqualTo(items(before));
    assertThat(items(Files.readString(file))).isEqualTo(items(before));
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
                + "{\"PK\":{\"S\":\"GUILD#1\"},\"SK\":{\"S\":\"CHANNEL#3\"},\"threshold\":{\"N\":\"-5\"}}]}");
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
        .contains("1 item(s) cannot be imported, nothing was written")
        .contains("item 2");
    assertThat(d.err()).contains("item 1.PK: unknown DynamoDB type 'X'");
    assertThat(missing.err()).contains("no such file");
    assertThat(table.store.loadAll().channels()).isEmpty();
  }

  private static com.fasterxml.jackson.databind.JsonNode items(String export) throws Exception {
    return ConfigJson.mapper().readTree(export).get("items");
  }
}
