package io.github.botconfig.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.botconfig.app.json.ConfigJson;
import io.github.botconfig.app.json.DynamoJson;
import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.ConfigSnapshot;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.GuildSettings;
import io.github.botconfig.domain.testing.HostileValues;
import io.github.botconfig.dynamodb.testing.LocalDynamoDbExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Hostile values through the command line and through an import file: huge strings, unicode, {@code
 * #} and key-like values, negative and NaN thresholds, unknown time zones. On the command line each
 * is refused with exit code 2 and a message naming the value (briefly), and nothing is written; in
 * an import file, keys are refused the same way, values under sound keys are restored as they are
 * (a backup keeps what it cannot read) and named.
 */
class HostileInputIT {
  @RegisterExtension
  static final LocalDynamoDbExtension DYNAMODB = LocalDynamoDbExtension.dynalite();

  private static final GuildId GUILD = GuildId.of(1);
  private static final ChannelId CHANNEL = ChannelId.of(2);

  @TempDir Path dir;
  private CliTable table;
  private ConfigSnapshot before;

  @BeforeEach
  void aConfiguredTable() {
    table = new CliTable(DYNAMODB);
    table.store.saveChannel(ChannelConfig.of(GUILD, CHANNEL).withPin(true));
    table.store.saveSettings(GuildSettings.defaults(GUILD));
    before = table.store.loadAll();
  }

  @Test
  void hostileIdsThresholdsTagsAndTimezonesOnTheCommandLineAreRefusedAndChangeNothing() {
    for (String value : HostileValues.TEXT) {
      assertRefused(value, "channels", "set", "--guild", value, "--channel", "2");
      assertRefused(value, "channels", "set", "--guild", "1", "--channel", value);
      assertRefused(value, "channels", "remove", "--guild", "1", "--channel", value);
      assertRefused(
          value, "channels", "set", "--guild", "1", "--channel", "2", "--tag", "role:" + value);
      assertRefused(value, "settings", "set", "--guild", "1", "--global-channel", value);
    }
    for (String threshold : HostileValues.THRESHOLDS) {
      assertRefused(
          threshold, "channels", "set", "--guild", "1", "--channel", "2", "--threshold", threshold);
    }
    for (String zone : HostileValues.TIMEZONES) {
      assertRefused(zone, "settings", "set", "--guild", "1", "--timezone", zone);
    }
    assertThat(table.store.loadAll()).isEqualTo(before);
  }

  private void assertRefused(String value, String... args) {
    CliRun run = table.run(args);
    String shown = value.length() > 20 ? value.substring(0, 20) + "…" : value;
    assertThat(run.exitCode())
        .as("exit code of %s with %s", args[0] + " " + args[1], shown)
        .isEqualTo(ExitCodes.INVALID);
    assertThat(run.out()).as("nothing printed as a result").isEmpty();
    // The message and picocli's usage of the command: the value is quoted briefly, never echoed
    // whole.
    assertThat(run.err()).as("the error for %s", shown).isNotBlank().hasSizeLessThan(3_000);
  }

  @Test
  void anImportFileWithHostileKeysIsRefusedWholeAndWritesNothing() throws Exception {
    List<Map<String, AttributeValue>> items =
        List.of(
            channel("GUILD#1", "CHANNEL#3", "threshold", AttributeValue.fromS("NaN")),
            channel("GUILD#1#CHANNEL#2", "CHANNEL#5", "pin", AttributeValue.fromBool(true)),
            channel("GUILD#1", "CHANNEL#6#x", "pin", AttributeValue.fromBool(true)),
            channel("GUILD#1", "CHANNEL#8", "GSI_PK", AttributeValue.fromS("CHANNEL#2")),
            settings("GUILD#١٢", "timezone", AttributeValue.fromS("UTC")),
            channel(
                "GUILD#1",
                "CHANNEL#10",
                "pin",
                AttributeValue.fromBool(true))); // a good one: not written either
    Path file = exportFile(items);

    CliRun run = table.run("import", file.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID);
    assertThat(run.err())
        .startsWith("error: 4 problem(s) in the file, nothing was written:")
        .contains("item 2 (PK=GUILD#1#CHANNEL#2 SK=CHANNEL#5): PK:")
        .contains("item 3 (PK=GUILD#1 SK=CHANNEL#6#x): SK:")
        .contains("item 4 (PK=GUILD#1 SK=CHANNEL#8): GSI_PK:")
        .contains("item 5 (PK=GUILD#١٢ SK=SETTINGS): PK:")
        .hasSizeLessThan(4_000);
    assertThat(table.store.loadAll()).isEqualTo(before);
  }

  /**
   * A value no writer produces, under sound keys, is what a backup of a table holding such an item
   * contains: it is restored as it is (a backup keeps everything), and each is named, briefly.
   */
  @Test
  void hostileValuesUnderSoundKeysAreRestoredAsUnreadableAndNamedBriefly() throws Exception {
    List<Map<String, AttributeValue>> items =
        List.of(
            channel("GUILD#1", "CHANNEL#3", "threshold", AttributeValue.fromS("NaN")),
            channel("GUILD#1", "CHANNEL#4", "threshold", AttributeValue.fromN("-5")),
            withTagRole(
                channel("GUILD#1", "CHANNEL#7", "tagId", AttributeValue.fromS(HostileValues.HUGE))),
            settings("GUILD#9", "timezone", AttributeValue.fromS("Mars/Olympus")));
    Path file = exportFile(items);

    CliRun run = table.run("import", file.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err().lines())
        .hasSize(4)
        .allSatisfy(
            line ->
                assertThat(line)
                    .startsWith("warning: restored as it is, but botconfig cannot read PK=GUILD#")
                    .hasSizeLessThan(400));
    assertThat(run.err())
        .contains("SK=CHANNEL#3: threshold:")
        .contains("SK=CHANNEL#4: threshold:")
        .contains("SK=CHANNEL#7: tagId:")
        .contains("PK=GUILD#9 SK=SETTINGS: timezone:");
    assertThat(table.store.loadAll().channels()).isEqualTo(before.channels());
  }

  private Path exportFile(List<Map<String, AttributeValue>> items) throws Exception {
    var document = ConfigJson.mapper().createObjectNode();
    document.put("format", BackupCommands.FORMAT);
    document.put("formatVersion", BackupCommands.FORMAT_VERSION);
    var array = document.putArray("items");
    items.forEach(item -> array.add(DynamoJson.item(item)));
    Path file = dir.resolve("hostile.json");
    Files.writeString(
        file, ConfigJson.mapper().writeValueAsString(document), StandardCharsets.UTF_8);
    return file;
  }

  private static Map<String, AttributeValue> channel(
      String pk, String sk, String attribute, AttributeValue value) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("PK", AttributeValue.fromS(pk));
    item.put("SK", AttributeValue.fromS(sk));
    item.put("Type", AttributeValue.fromS("channel_config"));
    item.put(attribute, value);
    return item;
  }

  private static Map<String, AttributeValue> withTagRole(Map<String, AttributeValue> item) {
    Map<String, AttributeValue> tagged = new HashMap<>(item);
    tagged.put("tagType", AttributeValue.fromS("role"));
    return tagged;
  }

  private static Map<String, AttributeValue> settings(
      String pk, String attribute, AttributeValue value) {
    return Map.of(
        "PK",
        AttributeValue.fromS(pk),
        "SK",
        AttributeValue.fromS("SETTINGS"),
        "Type",
        AttributeValue.fromS("guild_settings"),
        attribute,
        value);
  }
}
