package io.github.botconfig.dynamodb;

import static io.github.botconfig.dynamodb.Items.legacyChannel;
import static io.github.botconfig.dynamodb.Items.legacySettings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.ConfigConflictException;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.InvalidConfigException;
import io.github.botconfig.domain.StoreUnavailableException;
import io.github.botconfig.domain.testing.MutableClock;
import io.github.botconfig.dynamodb.internal.ImportPlan;
import io.github.botconfig.dynamodb.internal.TableBackup;
import io.github.botconfig.dynamodb.testing.FaultProxy;
import io.github.botconfig.dynamodb.testing.LocalDynamoDbExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Import files written to harm (issue 21, finding 1): every refusal is one line naming the item and
 * the value, found while planning (so {@code --dry-run} says it), and nothing is written.
 */
class HostileImportIT {
  @RegisterExtension
  static final LocalDynamoDbExtension DYNAMODB = LocalDynamoDbExtension.dynalite();

  private static final String G = "111";
  private static final GuildId GUILD = GuildId.of(G);

  private final MutableClock clock = MutableClock.startingAt2026();
  private DynamoDbConfigStore store;
  private RawTable table;
  private TableBackup backup;

  @BeforeEach
  void emptyTable() {
    store = DYNAMODB.newStore(clock);
    table = new RawTable(DYNAMODB.client(), store.tableName());
    backup = DynamoDbTooling.tableBackup(DYNAMODB.client(), store.tableName(), clock);
  }

  private void assertRefused(List<Map<String, AttributeValue>> items, String... lines) {
    List<Map<String, AttributeValue>> before = table.scan();
    assertThatThrownBy(() -> backup.plan(items))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageContainingAll(lines)
        .satisfies(
            e ->
                assertThat(e.getMessage().lines().skip(1))
                    .as("one line per refusal")
                    .allSatisfy(line -> assertThat(line).startsWith("  item ")));
    assertThat(table.scan()).isEqualTo(before);
  }

  @Test
  void theKindComesFromTheKeysSoAChannelWithAnotherTypeAndAnotherChannelsIndexKeyIsRefused() {
    Map<String, AttributeValue> item =
        Items.item("GUILD#" + G, "CHANNEL#7000")
            .s("Type", "x")
            .s("GSI_PK", "CHANNEL#9000")
            .s("GSI_SK", "GUILD#444")
            .build();

    assertRefused(
        List.of(item),
        "item 1 (PK=GUILD#111 SK=CHANNEL#7000): Type: an item with SK 'CHANNEL#7000' is a"
            + " channel_config, so its Type must be 'channel_config' or absent, got 'x'",
        "item 1 (PK=GUILD#111 SK=CHANNEL#7000): GSI_PK: must be CHANNEL#7000 for this channel (or"
            + " absent), got 'CHANNEL#9000'",
        "item 1 (PK=GUILD#111 SK=CHANNEL#7000): GSI_SK: must be GUILD#111 for this channel (or"
            + " absent), got 'GUILD#444'");
  }

  @Test
  void anItemOfOtherSoftwareCannotCallItselfTheGuildsSettings() {
    Map<String, AttributeValue> item =
        Items.item("GUILD#" + G, "ZZZ").s("Type", "guild_settings").s("timezone", "UTC").build();

    assertRefused(
        List.of(item),
        "item 1 (PK=GUILD#111 SK=ZZZ): Type: 'guild_settings' is botconfig's own type, and an item"
            + " with SK 'ZZZ' is not one of its items");
  }

  @Test
  void indexKeysAreRefusedOnEveryItemButAChannel() {
    Map<String, AttributeValue> settings =
        legacySettings(G).s("GSI_PK", "CHANNEL#5").s("GSI_SK", "GUILD#" + G).build();
    Map<String, AttributeValue> other =
        Items.item("GUILD#" + G, "GLOBAL_MESSAGE").s("GSI_PK", "CHANNEL#6").build();

    assertRefused(
        List.of(settings, other),
        "item 1 (PK=GUILD#111 SK=SETTINGS): GSI_PK: index keys belong on channel items (SK"
            + " CHANNEL#…) only, got 'CHANNEL#5'",
        "item 1 (PK=GUILD#111 SK=SETTINGS): GSI_SK: index keys belong",
        "item 2 (PK=GUILD#111 SK=GLOBAL_MESSAGE): GSI_PK: index keys belong on channel items");
  }

  @Test
  void theSameChannelUnderTwoGuildsInOneFileIsRefused() {
    assertRefused(
        List.of(legacyChannel(G, "500").build(), legacyChannel("222", "500").build()),
        "item 2 (PK=GUILD#222 SK=CHANNEL#500): channel 500 is also under guild 111 in this file"
            + " (item 1); a channel belongs to one guild");
  }

  @Test
  void aChannelIndexedUnderAnotherGuildInTheTableIsRefused() {
    // An item another tool wrote with lying index keys: the by-channel read finds it.
    table.put(Items.item("GUILD#333", "NOTES").s("GSI_PK", "CHANNEL#500").s("GSI_SK", "GUILD#333"));

    assertRefused(
        List.of(legacyChannel(G, "500").build()),
        "item 1 (PK=GUILD#111 SK=CHANNEL#500): channel 500 is tracked by guild 333 in the table");
  }

  @Test
  void keysThatAreNotTheCanonicalFormOfTheirIdAreRefused() {
    assertRefused(
        List.of(legacyChannel("0111", "500").build(), legacyChannel(G, "0500").build()),
        "item 1 (PK=GUILD#0111 SK=CHANNEL#500): PK:",
        "item 2 (PK=GUILD#111 SK=CHANNEL#0500): SK:");
  }

  @Test
  void anItemOverDynamoDbsLimitIsRefusedByThePlanNotHalfWayThroughTheImport() {
    Map<String, AttributeValue> small = legacyChannel(G, "500").build();
    Map<String, AttributeValue> large =
        legacyChannel(G, "501").s("notes", "x".repeat(ItemLimits.MAX_ITEM_BYTES)).build();

    assertRefused(
        List.of(small, large),
        "item 2 (PK=GUILD#111 SK=CHANNEL#501): the item is ",
        "bytes as DynamoDB counts them, over its limit of 409600 (400 KB)");
    assertThat(table.count()).isZero();
  }

  @Test
  void anItemJustUnderDynamoDbsLimitIsPlannedAndWritten() {
    Map<String, AttributeValue> item =
        Items.item("GUILD#" + G, "NOTES")
            .s("notes", "x".repeat(ItemLimits.MAX_ITEM_BYTES - 100))
            .build();

    backup.apply(backup.plan(List.of(item)), n -> {});

    assertThat(table.get("GUILD#" + G, "NOTES")).isEqualTo(item);
  }

  @Test
  void nestingDeeperThanDynamoDbAllowsAndValuesItWouldRefuseAreFoundByThePlan() {
    AttributeValue deep = AttributeValue.fromS("bottom");
    for (int i = 0; i < 40; i++) {
      deep = AttributeValue.fromL(List.of(deep));
    }
    Map<String, AttributeValue> item =
        Items.item("GUILD#" + G, "OTHER")
            .put("deep", deep)
            .n("digits", "1234567890123456789012345678901234567890")
            .n("huge", "1e200")
            .put("empty", AttributeValue.fromSs(List.of()))
            .put("twice", AttributeValue.fromNs(List.of("1", "1.0")))
            .build();

    assertRefused(
        List.of(item),
        "): deep[0][0][0][0][0][0][0][0]",
        "[0][0]: nested more than 32 levels deep (DynamoDB's limit)",
        "digits: N has 39 significant digits, DynamoDB keeps at most 38",
        "huge: N is outside DynamoDB's range (1E-130 to 1E+126), got '1e200'",
        "empty: a set must not be empty",
        "twice: a set must not hold the same element twice");
  }

  @Test
  void aRefusalQuotesHostileTextOnOneLine() {
    Map<String, AttributeValue> item =
        legacyChannel(G, "500").s("Type", "channel_config\nerror: fake").build();

    assertThatThrownBy(() -> backup.plan(List.of(item)))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining("got 'channel_config\\u000aerror: fake'")
        .satisfies(e -> assertThat(e.getMessage().lines()).hasSize(2));
  }

  @Test
  void newItemsGetVersionOneWhateverTheFileSays() {
    Map<String, AttributeValue> item = legacyChannel(G, "500").n("version", "999999").build();

    backup.apply(backup.plan(List.of(item)), n -> {});

    assertThat(table.get("GUILD#" + G, "CHANNEL#500")).containsEntry("version", n("1"));
    assertThat(store.findChannel(ChannelId.of(500)).orElseThrow().version()).isEqualTo(1);
  }

  @Test
  void anImportChangesOnlyTheItemsTheFileNames() {
    store.saveChannel(ChannelConfig.of(GUILD, ChannelId.of(500)).withPin(true));
    table.put(legacySettings(G).s("forward", "kept"));
    table.put(legacyChannel(G, "501"));
    List<Map<String, AttributeValue>> before = table.scan();
    Map<String, AttributeValue> changed =
        legacyChannel(G, "501").bool("image", true).s("extra", "from the file").build();
    Map<String, AttributeValue> created = legacyChannel(G, "502").build();

    ImportPlan plan = backup.plan(List.of(changed, created));
    backup.apply(plan, n -> {});

    assertThat(plan.changes())
        .extracting(ImportPlan.Change::describe)
        .containsExactly("PK=GUILD#111 SK=CHANNEL#501", "PK=GUILD#111 SK=CHANNEL#502");
    assertThat(plan.changes().get(0).attributes())
        .extracting(ImportPlan.AttributeChange::name)
        .containsExactly("extra", "image");
    List<Map<String, AttributeValue>> after = table.scan();
    assertThat(after).hasSize(before.size() + 1); // + the created channel
    for (Map<String, AttributeValue> item : before) {
      if (!List.of("CHANNEL#501", "CHANGES").contains(item.get("SK").s())) {
        assertThat(after).as("untouched").contains(item);
      }
    }
    Map<String, AttributeValue> expected = new HashMap<>(changed);
    expected.put("version", n("1"));
    assertThat(table.get("GUILD#" + G, "CHANNEL#501")).isEqualTo(expected);
  }

  @Test
  void aWholeItemPutByTheTypeScriptBotBetweenPlanAndApplyIsAConflictNotAnOverwrite() {
    table.put(legacyChannel(G, "501"));
    ImportPlan plan = backup.plan(List.of(legacyChannel(G, "501").bool("image", true).build()));
    Map<String, AttributeValue> theirs = legacyChannel(G, "501").bool("pin", true).build();
    table.put(theirs); // unconditional, without a version: what both TS generations do

    assertThatThrownBy(() -> backup.apply(plan, n -> {}))
        .isInstanceOf(ConfigConflictException.class)
        .hasMessage(
            "PK=GUILD#111 SK=CHANNEL#501 changed after the import was planned, so it was not"
                + " written; nothing was written (1 item(s) planned). Run the import again: it"
                + " writes only what still differs");
    assertThat(table.get("GUILD#" + G, "CHANNEL#501")).isEqualTo(theirs);
  }

  @Test
  void aStoreFailingHalfWaySaysExactlyWhatWasWritten() {
    List<Map<String, AttributeValue>> file = new ArrayList<>();
    for (int c = 500; c < 505; c++) {
      file.add(legacyChannel(G, Integer.toString(c)).build());
    }
    try (FaultProxy proxy = FaultProxy.start(DYNAMODB.endpoint());
        DynamoDbClient client =
            DynamoDbClients.builder()
                .endpointOverride(proxy.endpoint())
                .apiCallAttemptTimeout(Duration.ofMillis(800))
                .build()) {
      TableBackup behindProxy = DynamoDbTooling.tableBackup(client, store.tableName(), clock);
      ImportPlan plan = behindProxy.plan(file);
      long marker = store.changeMarker();

      assertThatThrownBy(
              () ->
                  behindProxy.apply(
                      plan,
                      written -> {
                        if (written == 2) {
                          proxy.failAll(FaultProxy.Fault.INTERNAL_SERVER_ERROR).onlyFor("PutItem");
                        }
                      }))
          .isInstanceOf(StoreUnavailableException.class)
          .hasMessageStartingWith(
              "could not import PK=GUILD#111 SK=CHANNEL#502 (2 of 5 planned item(s) were written"
                  + " before it, in key order; none after it)");
      assertThat(table.scan())
          .extracting(item -> item.get("SK").s())
          .containsExactly("CHANNEL#500", "CHANNEL#501", "CHANGES");
      assertThat(store.changeMarker()).as("caches learn of the two").isGreaterThan(marker);
    }
  }

  private static AttributeValue n(String number) {
    return AttributeValue.fromN(number);
  }
}
