package io.github.botconfig.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.botconfig.app.json.ConfigJson;
import io.github.botconfig.app.wiring.BotSettingKeys;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.GuildSettings;
import io.github.botconfig.dynamodb.DynamoDbConfigStore;
import io.github.botconfig.dynamodb.testing.LocalDynamoDbExtension;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The declared setting keys on the command line: {@code settings set --set KEY=VALUE} and {@code
 * --reset KEY}, listed by {@code show} and {@code --json}, through the change-settings use case.
 */
class CustomSettingCommandsIT {
  @RegisterExtension
  static final LocalDynamoDbExtension DYNAMODB = LocalDynamoDbExtension.dynalite();

  private static final String G = "1180586412434817024";
  private static final GuildId GUILD = GuildId.of(G);
  private static final Map<String, AttributeValue> KEY =
      Map.of("PK", AttributeValue.fromS("GUILD#" + G), "SK", AttributeValue.fromS("SETTINGS"));

  private CliTable table;
  private DynamoDbConfigStore store;

  @BeforeEach
  void freshTable() {
    table = new CliTable(DYNAMODB);
    store =
        DynamoDbConfigStore.builder()
            .client(DYNAMODB.client())
            .tableName(table.name)
            .settingsSchema(BotSettingKeys.SCHEMA)
            .build();
  }

  private Map<String, AttributeValue> item() {
    return DYNAMODB
        .client()
        .getItem(r -> r.tableName(table.name).key(KEY).consistentRead(true))
        .item();
  }

  private void putRunningBotsItem(String autoDeleteWarnings) {
    Map<String, AttributeValue> item = new HashMap<>(KEY);
    item.put("Type", AttributeValue.fromS("guild_settings"));
    item.put("timezone", AttributeValue.fromS("UTC"));
    item.put("forward", AttributeValue.fromBool(true));
    item.put("autoDeleteWarnings", AttributeValue.fromS(autoDeleteWarnings));
    item.put(
        "positionSizeDefaults",
        AttributeValue.fromM(
            Map.of(
                "walletAddress", AttributeValue.fromS("So1anaWa11et"),
                "stopLossPercent", AttributeValue.fromN("12"))));
    item.put("createdAt", AttributeValue.fromN("1700000000000"));
    DYNAMODB.client().putItem(r -> r.tableName(table.name).item(item));
  }

  @Test
  void showListsEveryDeclaredKeyWithItsDefaultWhenNothingIsStored() {
    CliRun run = table.run("settings", "show", "--guild", G);

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("  forward           false (default)\n")
        .contains("  autoDeleteWarnings false (default)\n")
        .contains("  positionSizeDefaults walletAddress=none,stopLossPercent=none (default)\n");
  }

  @Test
  void setWritesTheNamedKeysInTheRunningBotsFormsAndNothingElse() {
    putRunningBotsItem("false");
    Map<String, AttributeValue> before = item();

    CliRun run =
        table.run(
            "settings",
            "set",
            "--guild",
            G,
            "--set",
            "autoDeleteWarnings=yes",
            "--set",
            "positionSizeDefaults=stopLossPercent=7.5");

    assertThat(run.exitCode()).as(run.err()).isZero();
    Map<String, AttributeValue> after = new HashMap<>(item());
    assertThat(after.remove("autoDeleteWarnings")).isEqualTo(AttributeValue.fromBool(true));
    Map<String, AttributeValue> sizes = after.remove("positionSizeDefaults").m();
    assertThat(sizes)
        .containsEntry("stopLossPercent", AttributeValue.fromN("7.5"))
        .as("the field not named keeps its stored value")
        .containsEntry("walletAddress", AttributeValue.fromS("So1anaWa11et"));
    after.remove("version");
    after.remove("updatedAt");
    Map<String, AttributeValue> untouched = new HashMap<>(before);
    untouched.remove("autoDeleteWarnings");
    untouched.remove("positionSizeDefaults");
    assertThat(after).isEqualTo(untouched);
    GuildSettings stored = store.findSettings(GUILD).orElseThrow();
    assertThat(stored.get(BotSettingKeys.AUTO_DELETE_WARNINGS)).isTrue();
    assertThat(
            stored.get(BotSettingKeys.POSITION_SIZE_DEFAULTS).get(BotSettingKeys.STOP_LOSS_PERCENT))
        .contains(new BigDecimal("7.5"));
    assertThat(run.out()).contains("  autoDeleteWarnings true\n");
  }

  @Test
  void showJsonListsTheKeysTypedAndAWrongTypedOneWithItsProblem() throws Exception {
    putRunningBotsItem("sometimes");

    CliRun run = table.run("settings", "show", "--guild", G, "--json");

    assertThat(run.exitCode()).isZero();
    var json = ConfigJson.mapper().readTree(run.out());
    assertThat(json.get("custom").toString())
        .isEqualTo(
            "{\"forward\":true,\"autoDeleteWarnings\":false,"
                + "\"positionSizeDefaults\":\"walletAddress=So1anaWa11et,stopLossPercent=12\"}");
    assertThat(json.get("customProblems").get("autoDeleteWarnings").asText())
        .isEqualTo("autoDeleteWarnings must be BOOL, or N 0/1, got S 'sometimes'");
    assertThat(table.run("settings", "show", "--guild", G).out())
        .contains(
            "autoDeleteWarnings false (default: the stored value is unreadable:"
                + " autoDeleteWarnings must be BOOL, or N 0/1, got S 'sometimes')");
  }

  @Test
  void aWrongTypedValueIsKeptByAWriteOfAnotherKeyAndReplacedByOneThatNamesIt() {
    putRunningBotsItem("sometimes");

    table.run("settings", "set", "--guild", G, "--set", "forward=false");
    assertThat(item().get("autoDeleteWarnings")).isEqualTo(AttributeValue.fromS("sometimes"));

    table.run("settings", "set", "--guild", G, "--set", "autoDeleteWarnings=true");
    assertThat(item().get("autoDeleteWarnings")).isEqualTo(AttributeValue.fromBool(true));
  }

  @Test
  void aRefusedValueOrAnUnknownKeyIsNamedAndNothingIsWritten() {
    putRunningBotsItem("false");
    Map<String, AttributeValue> before = item();

    CliRun bad = table.run("settings", "set", "--guild", G, "--set", "forward=maybe");
    CliRun unknown = table.run("settings", "set", "--guild", G, "--set", "prefix=!");
    CliRun malformed = table.run("settings", "set", "--guild", G, "--set", "forward");
    CliRun channel = table.run("channels", "set", "--guild", G, "--channel", "5", "--set", "a=1");

    assertThat(bad.exitCode()).isEqualTo(ExitCodes.INVALID);
    assertThat(bad.err()).contains("forward must be true or false, got 'maybe'");
    assertThat(unknown.err())
        .contains(
            "no guild setting is named 'prefix' (declared: forward, autoDeleteWarnings,"
                + " positionSizeDefaults)");
    assertThat(malformed.err()).contains("a setting is given as KEY=VALUE, got 'forward'");
    assertThat(channel.err()).contains("no channel setting is named 'a' (declared: none)");
    assertThat(item()).isEqualTo(before);
    assertThat(store.findChannel(io.github.botconfig.domain.ChannelId.of(5))).isEmpty();
  }

  @Test
  void resetRemovesTheAttributeAndASecondSameSetWritesNothing() {
    table.run("settings", "set", "--guild", G, "--set", "forward=true");
    CliRun again = table.run("settings", "set", "--guild", G, "--set", "forward=true");
    assertThat(again.err()).contains("nothing to change");
    assertThat(store.findSettings(GUILD).orElseThrow().version()).isEqualTo(1);

    table.run("settings", "set", "--guild", G, "--reset", "forward");

    assertThat(item()).doesNotContainKey("forward");
    assertThat(store.findSettings(GUILD).orElseThrow().get(BotSettingKeys.FORWARD)).isFalse();
  }
}
