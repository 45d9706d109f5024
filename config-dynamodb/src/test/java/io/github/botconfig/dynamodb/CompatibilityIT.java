package io.github.botconfig.dynamodb;

import static io.github.botconfig.dynamodb.Items.legacyChannel;
import static io.github.botconfig.dynamodb.Items.legacySettings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.ConfigConflictException;
import io.github.botconfig.domain.ConfigConflictException.Reason;
import io.github.botconfig.domain.ConfigSnapshot;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.GuildSettings;
import io.github.botconfig.domain.LiveBoard;
import io.github.botconfig.domain.SummaryPreferences;
import io.github.botconfig.domain.Tag;
import io.github.botconfig.domain.Threshold;
import io.github.botconfig.domain.testing.MutableClock;
import io.github.botconfig.dynamodb.testing.LocalDynamoDbExtension;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The table is shared with the user's running TypeScript bot: what it wrote reads as it meant, and
 * what this store does not model survives every write (items written here with the raw client, as
 * that bot writes them).
 */
class CompatibilityIT {
  @RegisterExtension
  static final LocalDynamoDbExtension DYNAMODB = LocalDynamoDbExtension.dynalite();

  private static final String G = "1180586412434817024";
  private static final String C = "1180586500000000001";
  private static final GuildId GUILD = GuildId.of(G);
  private static final ChannelId CHANNEL = ChannelId.of(C);

  private final MutableClock clock = MutableClock.startingAt2026();
  private RawTable table;
  private DynamoDbConfigStore store;

  @BeforeEach
  void emptyTable() {
    store = DYNAMODB.newStore(clock);
    table = new RawTable(DYNAMODB.client(), store.tableName());
  }

  @Test
  void itemsTheRunningBotWroteAreReadThroughEveryPath() {
    table.put(
        legacyChannel(G, C)
            .s("tagType", "role")
            .s("tagId", "77")
            .n("threshold", "12.5")
            .bool("pin", true));
    table.put(legacyChannel(G, "1180586500000000002").s("threshold", "TP/SL").n("image", "1"));
    table.put(legacySettings(G));
    table.put(
        Items.item("GUILD#" + G, "GLOBAL_MESSAGE")
            .s("Type", "global_position_message")
            .s("messageId", "99"));

    ChannelConfig expected =
        ChannelConfig.of(GUILD, CHANNEL)
            .withTag(Tag.role(77))
            .withThreshold(Threshold.percent(12.5))
            .withPin(true)
            .withCreatedAt(Instant.ofEpochMilli(1700000000000L));
    assertThat(store.findChannel(CHANNEL)).contains(expected);
    assertThat(store.findChannels(GUILD)).hasSize(2).first().isEqualTo(expected);
    assertThat(store.findSettings(GUILD).orElseThrow().timezone())
        .isEqualTo(ZoneId.of("Europe/Paris"));
    ConfigSnapshot snapshot = store.loadAll();
    assertThat(snapshot.channels()).hasSize(2);
    assertThat(snapshot.channel(ChannelId.of("1180586500000000002")).orElseThrow().threshold())
        .isEqualTo(Threshold.ANY_TRIGGER);
    assertThat(store.lastLoadReport().otherItems()).as("the global message").isEqualTo(1);
    assertThat(store.lastLoadReport().malformedItems()).isZero();
  }

  @Test
  void savingALegacyChannelKeepsWhatThisStoreDoesNotModelAndWritesTheFormsTheRunningBotReads() {
    table.put(
        legacyChannel(G, C)
            .s("tagType", "user")
            .n("tagId", "42")
            .s("note", "written by someone else"));
    ChannelConfig legacy = store.findChannel(CHANNEL).orElseThrow();

    store.replaceChannel(
        legacy, legacy.withTag(Tag.user(Long.MAX_VALUE)).withThreshold(Threshold.STOP_LOSS));

    Map<String, AttributeValue> item = table.get("GUILD#" + G, "CHANNEL#" + C);
    assertThat(item.get("note")).isEqualTo(AttributeValue.fromS("written by someone else"));
    assertThat(item.get("createdAt")).as("kept").isEqualTo(AttributeValue.fromN("1700000000000"));
    assertThat(item.get("tagType")).isEqualTo(AttributeValue.fromS("user"));
    assertThat(item.get("tagId"))
        .as("a string: JavaScript numbers lose snowflake digits")
        .isEqualTo(AttributeValue.fromS("9223372036854775807"));
    assertThat(item.get("threshold")).isEqualTo(AttributeValue.fromS("SL"));
    assertThat(item.get("GSI_PK")).isEqualTo(AttributeValue.fromS("CHANNEL#" + C));
    assertThat(item.get("GSI_SK")).isEqualTo(AttributeValue.fromS("GUILD#" + G));
    assertThat(item.get("Type")).isEqualTo(AttributeValue.fromS("channel_config"));
    assertThat(item.get("version")).isEqualTo(AttributeValue.fromN("1"));
    assertThat(item.get("updatedAt"))
        .isEqualTo(AttributeValue.fromN(Long.toString(clock.millis())));
  }

  @Test
  void absentOptionalValuesAreWrittenAsNullBecauseTheRunningBotRefusesMissingOnes() {
    store.saveChannel(ChannelConfig.of(GUILD, CHANNEL));

    Map<String, AttributeValue> item = table.get("GUILD#" + G, "CHANNEL#" + C);
    for (String attribute : new String[] {"tagType", "tagId", "threshold"}) {
      assertThat(item.get(attribute)).as(attribute).isEqualTo(AttributeValue.fromNul(true));
    }
    assertThat(item.get("image")).isEqualTo(AttributeValue.fromBool(false));
    assertThat(item.get("pin")).isEqualTo(AttributeValue.fromBool(false));
    assertThat(item.get("threshold")).isNotNull();
  }

  @Test
  void savingSettingsKeepsTheRunningBotsAttributesMapKeysAndOtherItems() {
    Map<String, AttributeValue> summary =
        Map.of(
            "dailySummary", AttributeValue.fromBool(false),
            "weeklySummary", AttributeValue.fromBool(true),
            "monthlySummary", AttributeValue.fromBool(false),
            "hourlySummary", AttributeValue.fromBool(true));
    table.put(legacySettings(G).m("summaryPreferences", summary));
    Map<String, AttributeValue> globalMessage =
        Items.item("GUILD#" + G, "GLOBAL_MESSAGE")
            .s("Type", "global_position_message")
            .s("messageId", "99")
            .n("lastUpdated", "5")
            .build();
    table.put(globalMessage);
    Map<String, AttributeValue> before = table.get("GUILD#" + G, "SETTINGS");
    GuildSettings legacy = store.findSettings(GUILD).orElseThrow();

    GuildSettings saved =
        store.replaceSettings(
            legacy,
            legacy
                .withTimezone(ZoneId.of("Asia/Tokyo"))
                .withSummaryPreferences(
                    SummaryPreferences.builder()
                        .monthlySummary(true)
                        .tag(Tag.role(5))
                        .pin(true)
                        .build())
                .withGlobalChannelId(CHANNEL));

    Map<String, AttributeValue> item = table.get("GUILD#" + G, "SETTINGS");
    for (String untouched :
        new String[] {"forward", "autoDeleteWarnings", "positionSizeDefaults", "createdAt"}) {
      assertThat(item.get(untouched)).as(untouched).isEqualTo(before.get(untouched));
    }
    Map<String, AttributeValue> map = item.get("summaryPreferences").m();
    assertThat(map.get("hourlySummary"))
        .as("a key this store does not model")
        .isEqualTo(AttributeValue.fromBool(true));
    assertThat(map.get("weeklySummary")).isEqualTo(AttributeValue.fromBool(false));
    assertThat(map.get("monthlySummary")).isEqualTo(AttributeValue.fromBool(true));
    assertThat(map.get("tagType")).isEqualTo(AttributeValue.fromS("role"));
    assertThat(map.get("tagId")).isEqualTo(AttributeValue.fromS("5"));
    assertThat(item.get("globalChannelId")).isEqualTo(AttributeValue.fromS(C));
    assertThat(table.get("GUILD#" + G, "GLOBAL_MESSAGE")).isEqualTo(globalMessage);
    assertThat(store.findSettings(GUILD)).contains(saved);

    store.saveSettings(
        saved.withSummaryPreferences(
            saved.summaryPreferences().withTag(java.util.Optional.empty())));

    Map<String, AttributeValue> cleared =
        table.get("GUILD#" + G, "SETTINGS").get("summaryPreferences").m();
    assertThat(cleared).doesNotContainKeys("tagType", "tagId").containsKey("hourlySummary");
  }

  @Test
  void settingsWithoutASummaryMapGetAWholeOne() {
    table.put(legacySettings(G).nul("summaryPreferences"));

    GuildSettings read = store.findSettings(GUILD).orElseThrow();
    store.replaceSettings(
        read, read.withSummaryPreferences(SummaryPreferences.builder().dailySummary(true).build()));

    assertThat(table.get("GUILD#" + G, "SETTINGS").get("summaryPreferences").m())
        .containsOnlyKeys("dailySummary", "weeklySummary", "monthlySummary", "pin")
        .containsEntry("dailySummary", AttributeValue.fromBool(true));
  }

  @Test
  void departedAtIsStoredAsEpochMillisecondsAndRemovedWhenCleared() {
    GuildSettings departed =
        store.saveSettings(
            GuildSettings.defaults(GUILD)
                .withDepartedAt(Instant.parse("2026-01-01T10:00:00.250Z")));
    assertThat(table.get("GUILD#" + G, "SETTINGS").get("departedAt"))
        .isEqualTo(AttributeValue.fromN("1767261600250"));

    store.saveSettings(departed.withDepartedAt(java.util.Optional.empty()));

    assertThat(table.get("GUILD#" + G, "SETTINGS")).doesNotContainKey("departedAt");
  }

  @Test
  void aMalformedItemIsSkippedCountedAndNeverStopsTheLoad() {
    table.put(legacyChannel(G, C));
    table.put(legacyChannel(G, "1180586500000000002").s("threshold", "a lot"));
    table.put(legacySettings(G).s("timezone", "Mars/Olympus"));

    ConfigSnapshot snapshot = store.loadAll();

    assertThat(snapshot.channels()).containsOnlyKeys(CHANNEL);
    assertThat(snapshot.settings()).isEmpty();
    assertThat(store.lastLoadReport().malformedItems()).isEqualTo(2);
    assertThat(store.lastLoadReport().malformed())
        .anySatisfy(
            line ->
                assertThat(line)
                    .startsWith("PK=GUILD#" + G + " SK=CHANNEL#1180586500000000002: threshold:"))
        .anySatisfy(
            line -> assertThat(line).startsWith("PK=GUILD#" + G + " SK=SETTINGS: timezone:"));
    assertThat(store.findChannel(ChannelId.of("1180586500000000002"))).isEmpty();
    assertThat(store.findSettings(GUILD)).isEmpty();
  }

  @Test
  void anUnreadableItemIsNeverWrittenOverAndStaysAsStored() {
    table.put(legacySettings(G).s("timezone", "Mars/Olympus"));
    Map<String, AttributeValue> before = table.get("GUILD#" + G, "SETTINGS");

    assertThatThrownBy(() -> store.saveSettings(GuildSettings.defaults(GUILD)))
        .isInstanceOfSatisfying(
            ConfigConflictException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNREADABLE))
        .hasMessage(
            "settings of guild "
                + G
                + " is stored but unreadable: timezone: timezone must be an IANA time zone such as"
                + " 'Europe/Paris' or 'UTC', got 'Mars/Olympus'; nothing was written (fix or"
                + " remove the stored item first)");

    assertThat(table.get("GUILD#" + G, "SETTINGS")).isEqualTo(before);
    assertThat(store.changeMarker()).isZero();
  }

  @Test
  void theBoardHasItsOwnItemAndLeavesTheRunningBotsGlobalMessageAndUnknownAttributesAlone() {
    Map<String, AttributeValue> globalMessage =
        Items.item("GUILD#" + G, "GLOBAL_MESSAGE")
            .s("Type", "global_position_message")
            .s("messageId", "99")
            .n("lastUpdated", "5")
            .build();
    table.put(globalMessage);
    assertThat(store.findBoard(GUILD)).as("the running bot's board is not ours").isEmpty();

    LiveBoard first = store.saveBoard(LiveBoard.of(GUILD, CHANNEL, 1180586600000000001L));
    Map<String, AttributeValue> withNote = new HashMap<>(table.get("GUILD#" + G, "BOARD"));
    withNote.put("note", AttributeValue.fromS("kept")); // another program's attribute on our item
    table.put(withNote);
    LiveBoard second = store.saveBoard(first.withMessageId(1180586600000000002L));

    Map<String, AttributeValue> item = table.get("GUILD#" + G, "BOARD");
    assertThat(item.get("Type")).isEqualTo(AttributeValue.fromS("live_board"));
    assertThat(item.get("messageId")).isEqualTo(AttributeValue.fromS("1180586600000000002"));
    assertThat(item.get("channelId")).isEqualTo(AttributeValue.fromS(C));
    assertThat(item.get("note")).isEqualTo(AttributeValue.fromS("kept"));
    assertThat(item).doesNotContainKeys("GSI_PK", "GSI_SK");
    assertThat(table.get("GUILD#" + G, "GLOBAL_MESSAGE")).isEqualTo(globalMessage);
    assertThat(store.findBoard(GUILD)).contains(second);
    assertThat(store.loadAll().boards()).containsEntry(GUILD, second);
    assertThat(store.lastLoadReport().boards()).isEqualTo(1);
    assertThat(store.lastLoadReport().otherItems())
        .as("the global message, the change marker and the two saves' change records")
        .isEqualTo(4);

    assertThat(store.deleteBoard(GUILD)).isTrue();
    assertThat(table.get("GUILD#" + G, "GLOBAL_MESSAGE")).isEqualTo(globalMessage);
  }

  @Test
  void deletingAGuildRemovesItemsOfEveryTypeUnderIt() {
    table.put(legacyChannel(G, C));
    table.put(legacySettings(G));
    table.put(Items.item("GUILD#" + G, "GLOBAL_MESSAGE").s("Type", "global_position_message"));
    store.saveBoard(LiveBoard.of(GUILD, CHANNEL, 1180586600000000001L));
    table.put(legacyChannel("1180586412434817999", "1180586500000000009"));

    assertThat(store.deleteGuild(GUILD)).isEqualTo(4);

    assertThat(table.count())
        .as(
            "the other guild's channel, the change marker, the save's and the purge's change records")
        .isEqualTo(4);
  }
}
