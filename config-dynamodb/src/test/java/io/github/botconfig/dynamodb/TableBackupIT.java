package io.github.botconfig.dynamodb;

import static io.github.botconfig.dynamodb.Items.legacyChannel;
import static io.github.botconfig.dynamodb.Items.legacySettings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.ConfigConflictException;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.GuildSettings;
import io.github.botconfig.domain.InvalidConfigException;
import io.github.botconfig.domain.LiveBoard;
import io.github.botconfig.domain.testing.MutableClock;
import io.github.botconfig.dynamodb.internal.ImportPlan;
import io.github.botconfig.dynamodb.internal.TableBackup;
import io.github.botconfig.dynamodb.testing.LocalDynamoDbExtension;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class TableBackupIT {
  @RegisterExtension
  static final LocalDynamoDbExtension DYNAMODB = LocalDynamoDbExtension.dynalite();

  private static final String G = "1180586412434817024";
  private static final GuildId GUILD = GuildId.of(G);
  private static final ChannelId CHANNEL = ChannelId.of(1180586500000000001L);

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

  private void fillWithEveryKindOfItem() {
    store.saveChannel(ChannelConfig.of(GUILD, CHANNEL).withPin(true));
    store.saveSettings(GuildSettings.defaults(GUILD));
    table.put(
        legacyChannel(G, "1180586500000000002")
            .s("forward", "x")
            .s("tagType", "role")
            .s("tagId", "5"));
    table.put(legacySettings("42").bool("autoDeleteWarnings", true));
    table.put(
        Items.item("GUILD#" + G, "GLOBAL_MESSAGE")
            .s("Type", "global_position_message")
            .s("messageId", "99"));
    store.saveBoard(LiveBoard.of(GUILD, CHANNEL, 1180586600000000001L));
  }

  private int apply(ImportPlan plan) {
    return backup.apply(plan, written -> {});
  }

  @Test
  void exportThenPurgeThenImportRestoresEveryItemWithVersionOneAsNewItems() {
    fillWithEveryKindOfItem();
    List<Map<String, AttributeValue>> exported = backup.exportItems();
    long markerBefore = store.changeMarker();

    store.deleteGuild(GUILD);
    store.deleteGuild(GuildId.of(42));
    assertThat(backup.exportItems()).isEmpty();
    ImportPlan plan = backup.plan(exported);
    int written = apply(plan);

    assertThat(plan.creates()).isEqualTo(6);
    assertThat(written).isEqualTo(6);
    List<Map<String, AttributeValue>> restored = backup.exportItems();
    assertThat(restored).hasSize(6);
    for (int i = 0; i < 6; i++) {
      Map<String, AttributeValue> expected = new HashMap<>(exported.get(i));
      if (!"GLOBAL_MESSAGE".equals(expected.get("SK").s())) {
        expected.put("version", AttributeValue.fromN("1"));
      }
      assertThat(restored.get(i)).isEqualTo(expected);
    }
    assertThat(store.changeMarker()).isGreaterThan(markerBefore);
  }

  @Test
  void exportLeavesOutTheChangeMarker() {
    fillWithEveryKindOfItem();

    assertThat(backup.exportItems())
        .hasSize(6)
        .allSatisfy(item -> assertThat(item.get("PK").s()).startsWith("GUILD#"));
    assertThat(table.scan())
        .as("the six, the marker and the writes' change records")
        .filteredOn(item -> !item.get("SK").s().startsWith("CHANGE#"))
        .hasSize(7);
  }

  @Test
  void importingTheSameBackupTwiceWritesNothingTheSecondTime() {
    fillWithEveryKindOfItem();
    List<Map<String, AttributeValue>> exported = backup.exportItems();
    store.deleteChannel(GUILD, CHANNEL);
    apply(backup.plan(exported));
    long marker = store.changeMarker();

    ImportPlan again = backup.plan(exported);

    assertThat(again.changes()).isEmpty();
    assertThat(again.unchanged()).isEqualTo(6);
    assertThat(apply(again)).isZero();
    assertThat(store.changeMarker()).isEqualTo(marker);
  }

  @Test
  void aReplacedChannelGetsAVersionAboveTheStoredOneSoCachesTakeIt() {
    ChannelConfig v1 = store.saveChannel(ChannelConfig.of(GUILD, CHANNEL).withPin(true));
    List<Map<String, AttributeValue>> exported = backup.exportItems();
    store.saveChannel(store.saveChannel(v1.withImage(true)).withPin(false));

    apply(backup.plan(exported));

    ChannelConfig restored = store.findChannel(CHANNEL).orElseThrow();
    assertThat(restored.pin()).isTrue();
    assertThat(restored.image()).isFalse();
    assertThat(restored.version()).isEqualTo(4);
    assertThat(backup.plan(exported).changes()).as("versions aside, it matches").isEmpty();
  }

  @Test
  void oneBadItemMeansNothingIsWrittenAndEveryProblemIsNamed() {
    Map<String, AttributeValue> noGuild = Items.item("USER#1", "X").build();
    Map<String, AttributeValue> good = legacyChannel(G, "1180586500000000004").build();
    Map<String, AttributeValue> noSk = new HashMap<>(good);
    noSk.remove("SK");

    assertThatThrownBy(() -> backup.plan(List.of(good, noGuild, noSk, good)))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageStartingWith("3 problem(s) in the file, nothing was written:")
        .hasMessageContaining("item 2 (PK=USER#1 SK=X): PK: must start with GUILD#")
        .hasMessageContaining(
            "item 3 (PK=GUILD#" + G + " SK=(none)): PK and SK must both be strings")
        .hasMessageContaining(
            "item 4 (PK=GUILD#" + G + " SK=CHANNEL#1180586500000000004): the same key as item 1");
    assertThat(table.count()).isZero();
  }

  @Test
  void unreadableItemsAreRestoredAsTheyAreAndNamedInThePlan() {
    Map<String, AttributeValue> board =
        Items.item("GUILD#" + G, "BOARD")
            .s("Type", "live_board")
            .s("channelId", "11")
            .s("messageId", "0")
            .build();
    Map<String, AttributeValue> channel =
        legacyChannel(G, "1180586500000000003").s("threshold", "a lot").build();

    ImportPlan plan = backup.plan(List.of(board, channel));
    apply(plan);

    assertThat(plan.unreadable())
        .hasSize(2)
        .anySatisfy(
            line ->
                assertThat(line)
                    .startsWith("PK=GUILD#" + G + " SK=BOARD: messageId: message id must be a"))
        .anySatisfy(
            line ->
                assertThat(line)
                    .startsWith("PK=GUILD#" + G + " SK=CHANNEL#1180586500000000003: threshold"));
    Map<String, AttributeValue> expected = new HashMap<>(channel);
    expected.put("version", AttributeValue.fromN("1"));
    assertThat(table.get("GUILD#" + G, "CHANNEL#1180586500000000003")).isEqualTo(expected);
    assertThat(table.get("GUILD#" + G, "BOARD")).containsEntry("messageId", board.get("messageId"));
  }

  @Test
  void aReplacedBoardGetsAVersionAboveTheStoredOne() {
    LiveBoard stored = store.saveBoard(LiveBoard.of(GUILD, CHANNEL, 1180586600000000001L));
    List<Map<String, AttributeValue>> exported = backup.exportItems();
    store.saveBoard(stored.withMessageId(1180586600000000002L));

    apply(backup.plan(exported));

    LiveBoard restored = store.findBoard(GUILD).orElseThrow();
    assertThat(restored.messageId()).isEqualTo(1180586600000000001L);
    assertThat(restored.version()).isEqualTo(3);
  }

  @Test
  void aChannelTrackedByAnotherGuildInTheTableIsRefused() {
    store.saveChannel(ChannelConfig.of(GuildId.of(7), CHANNEL));

    assertThatThrownBy(() -> backup.plan(List.of(legacyChannel(G, CHANNEL.toString()).build())))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining("channel " + CHANNEL + " is tracked by guild 7 in the table");
  }

  @Test
  void anEditMadeBetweenPlanAndApplyIsAConflictNotAnOverwrite() {
    ChannelConfig v1 = store.saveChannel(ChannelConfig.of(GUILD, CHANNEL));
    List<Map<String, AttributeValue>> exported = backup.exportItems();
    ChannelConfig v2 = store.saveChannel(v1.withPin(true));
    ImportPlan plan =
        backup.plan(exported.stream().map(i -> withAttribute(i, "image", true)).toList());
    ChannelConfig v3 = store.saveChannel(v2.withImage(false).withNotifyOnClose(false));

    assertThatThrownBy(() -> apply(plan)).isInstanceOf(ConfigConflictException.class);

    assertThat(store.findChannel(CHANNEL)).contains(v3);
  }

  private static Map<String, AttributeValue> withAttribute(
      Map<String, AttributeValue> item, String name, boolean value) {
    Map<String, AttributeValue> copy = new HashMap<>(item);
    copy.put(name, AttributeValue.fromBool(value));
    return copy;
  }
}
