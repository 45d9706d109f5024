package io.github.botconfig.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.botconfig.dynamodb.testing.LocalDynamoDbExtension;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Issue 14 as a user switching over from the older TypeScript bot met it: a table that bot (and the
 * seed's code) wrote is listed, shown and changed field by field with nothing lost or reset, and an
 * item no writer could have meant is shown as stored but unreadable, never written over.
 */
class LegacyTableCommandsIT {
  @RegisterExtension
  static final LocalDynamoDbExtension DYNAMODB = LocalDynamoDbExtension.dynalite();

  private static final String G = "1180586412434817024";
  private static final String C = "1180586500000000001";

  private CliTable table;

  @BeforeEach
  void freshTable() {
    table = new CliTable(DYNAMODB);
  }

  private void put(Map<String, AttributeValue> item) {
    DYNAMODB.client().putItem(r -> r.tableName(table.name).item(item));
  }

  private Map<String, AttributeValue> get(String sk) {
    return DYNAMODB
        .client()
        .getItem(
            r ->
                r.tableName(table.name)
                    .consistentRead(true)
                    .key(
                        Map.of(
                            "PK",
                            AttributeValue.fromS("GUILD#" + G),
                            "SK",
                            AttributeValue.fromS(sk))))
        .item();
  }

  /** The older bot's untagged channel: image on, threshold 15, notifyOnClose off. */
  private static Map<String, AttributeValue> olderChannel(String channel) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("PK", AttributeValue.fromS("GUILD#" + G));
    item.put("SK", AttributeValue.fromS("CHANNEL#" + channel));
    item.put("GSI_PK", AttributeValue.fromS("CHANNEL#" + channel));
    item.put("GSI_SK", AttributeValue.fromS("GUILD#" + G));
    item.put("Type", AttributeValue.fromS("channel_config"));
    item.put("image", AttributeValue.fromBool(true));
    item.put("notifyOnClose", AttributeValue.fromBool(false));
    item.put("pin", AttributeValue.fromBool(false));
    item.put("tagType", AttributeValue.fromS("NONE"));
    item.put("tagId", AttributeValue.fromS(""));
    item.put("threshold", AttributeValue.fromN("15"));
    item.put("createdAt", AttributeValue.fromN("1700000000000"));
    return item;
  }

  private static Map<String, AttributeValue> olderSettings() {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("PK", AttributeValue.fromS("GUILD#" + G));
    item.put("SK", AttributeValue.fromS("SETTINGS"));
    item.put("Type", AttributeValue.fromS("guild_settings"));
    item.put("timezone", AttributeValue.fromS("Europe/Berlin"));
    item.put("positionDisplayEnabled", AttributeValue.fromBool(false));
    item.put("autoDeleteWarnings", AttributeValue.fromBool(false));
    item.put("globalChannelId", AttributeValue.fromS(""));
    item.put("forwardTpSl", AttributeValue.fromBool(false));
    item.put(
        "summaryPreferences",
        AttributeValue.fromM(
            Map.of(
                "dailySummary", AttributeValue.fromBool(false),
                "weeklySummary", AttributeValue.fromBool(true),
                "monthlySummary", AttributeValue.fromBool(true))));
    item.put(
        "positionSizeDefaults",
        AttributeValue.fromM(
            Map.of(
                "walletAddress", AttributeValue.fromNul(true),
                "stopLossPercent", AttributeValue.fromNul(true))));
    item.put("createdAt", AttributeValue.fromN("1700000000000"));
    return item;
  }

  @Test
  void theOlderBotsTableIsListedAndShownAsStored() {
    put(olderChannel(C));
    put(olderSettings());

    CliRun list = table.run("channels", "list");
    CliRun settings = table.run("settings", "show", "--guild", G);

    assertThat(list.exitCode()).isZero();
    assertThat(list.out()).contains(C);
    assertThat(settings.out())
        .contains("Europe/Berlin")
        .containsPattern("board\\s+false")
        .containsPattern("weekly summary\\s+true")
        .containsPattern("monthly summary\\s+true")
        .containsPattern("global channel\\s+none")
        .doesNotContain("defaults");
  }

  @Test
  void changingOneFieldOfTheOlderBotsItemsKeepsEveryOtherAttribute() {
    put(olderChannel(C));
    put(olderSettings());

    CliRun pin = table.run("channels", "set", "--guild", G, "--channel", C, "--pin", "true");
    CliRun display = table.run("settings", "set", "--guild", G, "--position-display", "true");

    assertThat(pin.exitCode()).as(pin.err()).isZero();
    assertThat(display.exitCode()).as(display.err()).isZero();
    Map<String, AttributeValue> channel = get("CHANNEL#" + C);
    Map<String, AttributeValue> expected = new HashMap<>(olderChannel(C));
    expected.put("pin", AttributeValue.fromBool(true));
    expected.put("version", AttributeValue.fromN("1"));
    expected.put("updatedAt", channel.get("updatedAt"));
    assertThat(channel).isEqualTo(expected);
    Map<String, AttributeValue> settings = get("SETTINGS");
    Map<String, AttributeValue> expectedSettings = new HashMap<>(olderSettings());
    expectedSettings.put("positionDisplayEnabled", AttributeValue.fromBool(true));
    expectedSettings.put("version", AttributeValue.fromN("1"));
    expectedSettings.put("updatedAt", settings.get("updatedAt"));
    assertThat(settings).isEqualTo(expectedSettings);
  }

  @Test
  void aChannelTheSeedsCodeWroteWithoutIndexKeysIsShownAndChangedById() {
    Map<String, AttributeValue> pattern2 = olderChannel(C);
    pattern2.remove("GSI_PK");
    pattern2.remove("GSI_SK");
    put(pattern2);

    CliRun show = table.run("channels", "show", "--channel", C);
    CliRun set = table.run("channels", "set", "--guild", G, "--channel", C, "--image", "false");

    assertThat(show.exitCode()).as(show.err()).isZero();
    assertThat(show.out()).contains("channel " + C + " in guild " + G);
    assertThat(set.exitCode()).as(set.err()).isZero();
    assertThat(get("CHANNEL#" + C))
        .containsEntry("image", AttributeValue.fromBool(false))
        .containsEntry("threshold", AttributeValue.fromN("15"))
        .containsEntry("GSI_PK", AttributeValue.fromS("CHANNEL#" + C));
  }

  @Test
  void anUnreadableItemIsShownAsSuchAndNeverWrittenOver() {
    Map<String, AttributeValue> bad = olderChannel(C);
    bad.put("threshold", AttributeValue.fromS("maybe"));
    put(bad);
    Map<String, AttributeValue> badSettings = olderSettings();
    badSettings.put("timezone", AttributeValue.fromS("Mars/Olympus"));
    put(badSettings);

    CliRun show = table.run("channels", "show", "--channel", C);
    CliRun list = table.run("channels", "list", "--guild", G);
    CliRun settings = table.run("settings", "show", "--guild", G);
    CliRun set = table.run("channels", "set", "--guild", G, "--channel", C, "--pin", "true");
    CliRun setSettings = table.run("settings", "set", "--guild", G, "--daily", "true");

    assertThat(show.exitCode()).isEqualTo(ExitCodes.CONFLICT);
    assertThat(show.err())
        .contains("channel " + C + " of guild " + G + " is stored but unreadable: threshold:")
        .contains("'maybe'");
    assertThat(list.out()).contains("stored but unreadable: threshold:");
    assertThat(settings.exitCode()).isEqualTo(ExitCodes.CONFLICT);
    assertThat(settings.err())
        .contains("stored but unreadable: timezone:")
        .contains("Mars/Olympus");
    assertThat(set.exitCode()).isEqualTo(ExitCodes.CONFLICT);
    assertThat(set.err()).contains("stored but unreadable").contains("nothing was written");
    assertThat(setSettings.exitCode()).isEqualTo(ExitCodes.CONFLICT);
    assertThat(get("CHANNEL#" + C)).isEqualTo(bad);
    assertThat(get("SETTINGS")).isEqualTo(badSettings);
  }
}
