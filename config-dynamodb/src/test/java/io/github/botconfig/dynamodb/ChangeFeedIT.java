package io.github.botconfig.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.ConfigChange;
import io.github.botconfig.domain.ConfigConflictException;
import io.github.botconfig.domain.ConfigKey;
import io.github.botconfig.domain.ConfigSnapshot;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.GuildSettings;
import io.github.botconfig.domain.RecentChanges;
import io.github.botconfig.domain.testing.MutableClock;
import io.github.botconfig.dynamodb.testing.LocalDynamoDbExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The change records each write leaves, on a real (local) DynamoDB. */
class ChangeFeedIT {
  @RegisterExtension
  static final LocalDynamoDbExtension DYNAMODB = LocalDynamoDbExtension.dynalite();

  private static final GuildId GUILD = GuildId.of("1180586412434817024");
  private static final ChannelId CHANNEL = ChannelId.of("1180586500000000001");

  private final MutableClock clock = MutableClock.startingAt2026();
  private DynamoDbConfigStore store;
  private RawTable table;

  @BeforeEach
  void freshTable() {
    store = DYNAMODB.newStore(clock);
    table = new RawTable(DYNAMODB.client(), store.tableName());
  }

  @Test
  void eachWriteLeavesOneRecordNamingItsKeyInTheMarkersPartitionAndNothingTheRunningBotReads() {
    ChannelConfig saved = store.saveChannel(ChannelConfig.of(GUILD, CHANNEL));
    store.saveSettings(GuildSettings.defaults(GUILD));
    store.deleteChannel(GUILD, CHANNEL);
    store.deleteGuild(GUILD);

    RecentChanges changes = store.changesAfter(0).orElseThrow();

    assertThat(changes.head()).isEqualTo(4).isEqualTo(store.changeFeedPosition().getAsLong());
    assertThat(store.changeMarker()).as("four writes succeeded").isEqualTo(4);
    assertThat(changes.changes())
        .containsExactly(
            new ConfigChange(1, ConfigKey.channel(GUILD, saved.channelId())),
            new ConfigChange(2, ConfigKey.settings(GUILD)),
            new ConfigChange(3, ConfigKey.channel(GUILD, CHANNEL)),
            new ConfigChange(4, ConfigKey.guild(GUILD)));
    Map<String, AttributeValue> record = table.get("META", "CHANGE#00000000000000000001");
    assertThat(record)
        .containsEntry("Type", AttributeValue.fromS("change_record"))
        .containsEntry("changed", AttributeValue.fromS("CHANNEL"))
        .containsEntry("guildId", AttributeValue.fromS(GUILD.toString()))
        .containsEntry("channelId", AttributeValue.fromS(CHANNEL.toString()))
        .containsEntry("writtenAt", AttributeValue.fromN(Long.toString(clock.millis())))
        .containsKey("expiresAt")
        .doesNotContainKeys("GSI_PK", "GSI_SK");
    assertThat(store.changesAfter(2).orElseThrow().changes())
        .extracting(ConfigChange::position)
        .containsExactly(3L, 4L);
    assertThat(store.changesAfter(4).orElseThrow().changes()).isEmpty();
    assertThat(store.loadAll()).isEqualTo(ConfigSnapshot.empty());
  }

  @Test
  void aRefusedWriteLeavesNoHoleInThePositionsAndMovesNoMarker() {
    ChannelConfig read = store.saveChannel(ChannelConfig.of(GUILD, CHANNEL));
    store.saveChannel(read.withPin(true));

    // Refused twice: by the version check before anything is sent, and by the create condition.
    assertThatThrownBy(() -> store.saveChannel(read.withImage(true)))
        .isInstanceOf(ConfigConflictException.class);
    assertThatThrownBy(() -> store.saveChannel(ChannelConfig.of(GUILD, CHANNEL)))
        .isInstanceOf(ConfigConflictException.class);

    RecentChanges changes = store.changesAfter(0).orElseThrow();
    assertThat(changes.changes())
        .extracting(ConfigChange::position)
        .as("every position taken has its record")
        .containsExactly(1L, 2L, 3L);
    assertThat(changes.head()).isEqualTo(3);
    assertThat(store.changeMarker())
        .as("the marker counts only the writes that succeeded")
        .isEqualTo(2);
  }

  @Test
  void readFetchesOnlyTheNamedKeysAndAGuildKeyFetchesWhatIsLeftOfTheGuild() {
    ChannelConfig one = store.saveChannel(ChannelConfig.of(GUILD, CHANNEL));
    ChannelConfig two =
        store.saveChannel(ChannelConfig.of(GUILD, ChannelId.of(CHANNEL.value() + 1)));
    GuildSettings settings = store.saveSettings(GuildSettings.defaults(GUILD));

    assertThat(store.read(List.of(ConfigKey.channel(GUILD, CHANNEL))).channels().values())
        .containsExactly(one);
    assertThat(store.read(List.of(ConfigKey.settings(GUILD))).settings(GUILD)).contains(settings);
    ConfigSnapshot guild = store.read(List.of(ConfigKey.guild(GUILD)));
    assertThat(guild.channels().values()).containsExactlyInAnyOrder(one, two);
    assertThat(guild.settings(GUILD)).contains(settings);
    assertThat(store.read(List.of(ConfigKey.board(GUILD))).boards()).isEmpty();
  }

  @Test
  void writersPruneAllButTheNewestRecordsAndAReaderFurtherBehindIsToldTheyExpired() {
    ChannelConfig channel = store.saveChannel(ChannelConfig.of(GUILD, CHANNEL));
    int writes = ChangeRecords.RETAINED + 3 * ChangeRecords.PRUNE_EVERY;
    for (int i = 1; i < writes; i++) {
      channel = store.saveChannel(channel.withPin(i % 2 == 0));
    }

    long records =
        table.scan().stream().filter(item -> item.get("SK").s().startsWith("CHANGE#")).count();
    assertThat(records)
        .isGreaterThanOrEqualTo(ChangeRecords.RETAINED)
        .isLessThanOrEqualTo(ChangeRecords.RETAINED + ChangeRecords.PRUNE_EVERY);
    assertThat(store.changesAfter(1).orElseThrow().expired()).isTrue();
    RecentChanges recent = store.changesAfter(writes - 10).orElseThrow();
    assertThat(recent.expired()).isFalse();
    assertThat(recent.changes()).hasSize(10);
  }

  @Test
  void aWriterThatDiedAfterTakingItsPositionLeavesAHoleReadersCanSee() {
    store.saveChannel(ChannelConfig.of(GUILD, CHANNEL));
    // What a writer killed between its item write and its record leaves: the counter moved, no
    // record.
    DYNAMODB
        .client()
        .updateItem(
            request ->
                request
                    .tableName(store.tableName())
                    .key(TableLayout.markerItemKey())
                    .updateExpression("ADD #c :one")
                    .expressionAttributeNames(Map.of("#c", "taken"))
                    .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"))));
    store.saveSettings(GuildSettings.defaults(GUILD));

    RecentChanges changes = store.changesAfter(0).orElseThrow();

    assertThat(changes.head()).isEqualTo(3);
    assertThat(changes.changes()).extracting(ConfigChange::position).containsExactly(1L, 3L);
  }

  @Test
  void clocksThatDisagreeChangeNeitherTheOrderNorTheContentOfTheFeed() {
    MutableClock behind = MutableClock.startingAt2026();
    behind.advance(Duration.ofHours(-3));
    DynamoDbConfigStore late =
        DynamoDbConfigStore.builder()
            .client(DYNAMODB.client())
            .tableName(store.tableName())
            .clock(behind)
            .build();
    clock.advance(Duration.ofHours(3));

    store.saveChannel(ChannelConfig.of(GUILD, CHANNEL));
    late.saveSettings(GuildSettings.defaults(GUILD));
    store.deleteChannel(GUILD, CHANNEL);

    assertThat(late.changesAfter(0).orElseThrow().changes())
        .extracting(ConfigChange::key)
        .containsExactly(
            ConfigKey.channel(GUILD, CHANNEL),
            ConfigKey.settings(GUILD),
            ConfigKey.channel(GUILD, CHANNEL));
  }
}
