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
import io.github.botconfig.domain.SettingKey;
import io.github.botconfig.domain.SettingRecord;
import io.github.botconfig.domain.SettingType;
import io.github.botconfig.domain.SettingsSchema;
import io.github.botconfig.domain.UpdateResult;
import io.github.botconfig.domain.testing.MutableClock;
import io.github.botconfig.dynamodb.internal.ImportPlan;
import io.github.botconfig.dynamodb.internal.TableBackup;
import io.github.botconfig.dynamodb.testing.LocalDynamoDbExtension;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A project's own setting keys on the table: read from every writer's items, written with every
 * guarantee of the built-in options (only what changed, versions, conflicts, nothing on a no-op),
 * kept byte for byte when not named, and never the cause of an unreadable item.
 */
class CustomSettingsIT {
  @RegisterExtension
  static final LocalDynamoDbExtension DYNAMODB = LocalDynamoDbExtension.dynalite();

  enum Language {
    EN,
    FR
  }

  static final SettingKey<Boolean> FORWARD =
      SettingKey.guild("forward", SettingType.bool()).build();
  static final SettingRecord.Field<Optional<String>> WALLET =
      SettingRecord.Field.of("walletAddress", SettingType.optional(SettingType.text(64)));
  static final SettingRecord.Field<Optional<BigDecimal>> STOP_LOSS =
      SettingRecord.Field.of(
          "stopLossPercent",
          SettingType.optional(SettingType.decimal(BigDecimal.ZERO, new BigDecimal(100))));
  static final SettingKey<SettingRecord> SIZES =
      SettingKey.guild("positionSizeDefaults", SettingType.record(WALLET, STOP_LOSS)).build();
  static final SettingKey<Language> LANGUAGE =
      SettingKey.guild("language", SettingType.enumOf(Language.class))
          .defaultValue(Language.EN)
          .build();
  static final SettingKey<Long> SLOWMODE =
      SettingKey.channel("slowmodeSeconds", SettingType.integer(0, 21_600))
          .defaultValue(0L)
          .build();
  static final SettingKey<List<Long>> ROLES =
      SettingKey.channel("quietRoles", SettingType.listOf(SettingType.snowflake(), 5)).build();
  static final SettingKey<Duration> DELAY =
      SettingKey.channel("deleteAfter", SettingType.duration(Duration.ZERO, Duration.ofHours(1)))
          .defaultValue(Duration.ofSeconds(30))
          .build();
  static final SettingsSchema SCHEMA =
      SettingsSchema.of(FORWARD, SIZES, LANGUAGE, SLOWMODE, ROLES, DELAY);

  private static final String G = "1180586412434817024";
  private static final String C = "1180586500000000001";
  private static final GuildId GUILD = GuildId.of(G);
  private static final ChannelId CHANNEL = ChannelId.of(C);

  private final MutableClock clock = MutableClock.startingAt2026();
  private DynamoDbClient secondClient;
  private DynamoDbConfigStore store;
  private DynamoDbConfigStore second;
  private RawTable table;

  @BeforeEach
  void storesWithTheSchema() {
    String name = DYNAMODB.newStore(clock).tableName();
    store = withSchema(DYNAMODB.client(), name, SCHEMA);
    secondClient = DYNAMODB.server().newClient();
    second = withSchema(secondClient, name, SCHEMA);
    table = new RawTable(DYNAMODB.client(), name);
  }

  private DynamoDbConfigStore withSchema(
      DynamoDbClient client, String name, SettingsSchema schema) {
    return DynamoDbConfigStore.builder()
        .client(client)
        .tableName(name)
        .clock(clock)
        .settingsSchema(schema)
        .build();
  }

  @AfterEach
  void closeSecondClient() {
    secondClient.close();
  }

  @Test
  void theRunningBotsOwnAttributesAreReadAsDeclaredKeysAndUndeclaredOnesAsDefaults() {
    table.put(legacySettings(G));
    table.put(legacyChannel(G, C));

    GuildSettings settings = store.findSettings(GUILD).orElseThrow();
    assertThat(settings.get(FORWARD)).isTrue();
    assertThat(settings.get(SIZES).get(WALLET)).contains("So1anaWa11et");
    assertThat(settings.get(SIZES).get(STOP_LOSS)).contains(new BigDecimal(12));
    assertThat(settings.get(LANGUAGE)).isEqualTo(Language.EN);
    ChannelConfig channel = store.loadAll().channel(CHANNEL).orElseThrow();
    assertThat(channel.get(SLOWMODE)).isZero();
    assertThat(channel.get(ROLES)).isEmpty();
    assertThat(channel.get(DELAY)).isEqualTo(Duration.ofSeconds(30));
    assertThat(settings.custom().problems()).isEmpty();
  }

  @Test
  void everyTypeIsWrittenInItsFormAndReadBackEqual() {
    ChannelConfig saved =
        store.saveChannel(
            ChannelConfig.of(GUILD, CHANNEL)
                .with(SLOWMODE, 120L)
                .with(ROLES, List.of(1180586500000000009L))
                .with(DELAY, Duration.ofMinutes(5)));
    GuildSettings settings =
        store.saveSettings(
            GuildSettings.defaults(GUILD)
                .with(LANGUAGE, Language.FR)
                .with(SIZES, SIZES.defaultValue().with(STOP_LOSS, Optional.of(new BigDecimal(5)))));

    Map<String, AttributeValue> item = table.get("GUILD#" + G, "CHANNEL#" + C);
    assertThat(item.get("slowmodeSeconds")).isEqualTo(AttributeValue.fromN("120"));
    assertThat(item.get("quietRoles"))
        .isEqualTo(AttributeValue.fromL(List.of(AttributeValue.fromS("1180586500000000009"))));
    assertThat(item.get("deleteAfter")).isEqualTo(AttributeValue.fromN("300"));
    assertThat(table.get("GUILD#" + G, "SETTINGS").get("language"))
        .isEqualTo(AttributeValue.fromS("FR"));
    assertThat(store.findChannel(CHANNEL)).contains(saved);
    assertThat(store.findSettings(GUILD)).contains(settings);
    assertThat(store.loadAll().channel(CHANNEL).orElseThrow().get(SLOWMODE)).isEqualTo(120L);
  }

  @Test
  void aChangeOfOneKeyWritesThatAttributeAloneAndKeepsEveryOtherByteOfTheRunningBotsItem() {
    table.put(legacySettings(G).s("unknown", "kept"));
    Map<String, AttributeValue> before = table.get("GUILD#" + G, "SETTINGS");

    UpdateResult<GuildSettings> result = store.updateSettings(GUILD, s -> s.with(FORWARD, false));

    assertThat(result.changed()).isTrue();
    assertThat(result.after().get(FORWARD)).isFalse();
    Map<String, AttributeValue> after = new HashMap<>(table.get("GUILD#" + G, "SETTINGS"));
    assertThat(after.remove("forward")).isEqualTo(AttributeValue.fromBool(false));
    assertThat(after.remove("version")).isEqualTo(AttributeValue.fromN("1"));
    assertThat(after.remove("updatedAt")).isNotNull();
    Map<String, AttributeValue> expected = new HashMap<>(before);
    expected.remove("forward");
    assertThat(after).isEqualTo(expected);
  }

  @Test
  void aRecordKeyWritesOnlyTheFieldsThatChangedAndKeepsTheMapsOtherKeys() {
    table.put(
        legacySettings(G)
            .m(
                "positionSizeDefaults",
                Map.of(
                    "walletAddress", AttributeValue.fromS("So1anaWa11et"),
                    "stopLossPercent", AttributeValue.fromN("12"),
                    "leverage", AttributeValue.fromN("3"))));

    store.updateSettings(
        GUILD, s -> s.with(SIZES, s.get(SIZES).with(STOP_LOSS, Optional.of(new BigDecimal(8)))));

    assertThat(table.get("GUILD#" + G, "SETTINGS").get("positionSizeDefaults").m())
        .containsEntry("stopLossPercent", AttributeValue.fromN("8"))
        .containsEntry("walletAddress", AttributeValue.fromS("So1anaWa11et"))
        .containsEntry("leverage", AttributeValue.fromN("3"));
  }

  @Test
  void aChangeThatChangesNothingWritesNothing() {
    store.saveChannel(ChannelConfig.of(GUILD, CHANNEL).with(SLOWMODE, 10L));
    long marker = store.changeMarker();
    Map<String, AttributeValue> before = table.get("GUILD#" + G, "CHANNEL#" + C);

    UpdateResult<ChannelConfig> result =
        store.updateChannel(GUILD, CHANNEL, c -> c.with(SLOWMODE, 10L));

    assertThat(result.changed()).isFalse();
    assertThat(store.changeMarker()).isEqualTo(marker);
    assertThat(table.get("GUILD#" + G, "CHANNEL#" + C)).isEqualTo(before);
  }

  @Test
  void resetRemovesTheAttributeSoTheKeyReadsItsDefaultAgain() {
    store.saveChannel(ChannelConfig.of(GUILD, CHANNEL).with(SLOWMODE, 10L));

    ChannelConfig after = store.updateChannel(GUILD, CHANNEL, c -> c.reset(SLOWMODE)).after();

    assertThat(after.get(SLOWMODE)).isZero();
    assertThat(table.get("GUILD#" + G, "CHANNEL#" + C)).doesNotContainKey("slowmodeSeconds");
  }

  @Test
  void aWrongTypedValueLeavesTheItemReadableReadsTheDefaultAndSaysWhy() {
    table.put(legacyChannel(G, C).s("slowmodeSeconds", "fast").bool("pin", true));

    ChannelConfig channel = store.findChannel(CHANNEL).orElseThrow();

    assertThat(channel.pin()).as("the built-in options are read as before").isTrue();
    assertThat(channel.get(SLOWMODE)).isZero();
    assertThat(channel.custom().problems())
        .containsExactly("slowmodeSeconds must be N, got S 'fast'");
    assertThat(store.findUnreadableChannel(CHANNEL)).isEmpty();
    assertThat(store.loadAll().channel(CHANNEL)).contains(channel);
  }

  @Test
  void aValueOutOfItsKeysBoundsIsReportedWithTheKeysOwnWords() {
    table.put(legacyChannel(G, C).n("slowmodeSeconds", "-5"));

    assertThat(store.findChannel(CHANNEL).orElseThrow().custom().problems())
        .containsExactly("slowmodeSeconds must be a whole number from 0 to 21600, got '-5'");
  }

  @Test
  void aWriteThatDoesNotNameAWrongTypedKeyKeepsItsBytesAndOneThatNamesItRepairsIt() {
    table.put(legacyChannel(G, C).s("slowmodeSeconds", "fast"));

    store.updateChannel(GUILD, CHANNEL, c -> c.withPin(true));
    assertThat(table.get("GUILD#" + G, "CHANNEL#" + C).get("slowmodeSeconds"))
        .isEqualTo(AttributeValue.fromS("fast"));

    ChannelConfig repaired = store.updateChannel(GUILD, CHANNEL, c -> c.with(SLOWMODE, 5L)).after();
    assertThat(repaired.get(SLOWMODE)).isEqualTo(5L);
    assertThat(repaired.custom().problems()).isEmpty();
    assertThat(table.get("GUILD#" + G, "CHANNEL#" + C).get("slowmodeSeconds"))
        .isEqualTo(AttributeValue.fromN("5"));
  }

  @Test
  void aStoreWithoutAKeyKeepsItsValueThroughItsOwnWrites() {
    store.saveChannel(ChannelConfig.of(GUILD, CHANNEL).with(SLOWMODE, 10L));
    DynamoDbConfigStore without =
        withSchema(DYNAMODB.client(), store.tableName(), SettingsSchema.none());

    without.updateChannel(GUILD, CHANNEL, c -> c.withImage(true));

    ChannelConfig read = store.findChannel(CHANNEL).orElseThrow();
    assertThat(read.image()).isTrue();
    assertThat(read.get(SLOWMODE)).isEqualTo(10L);
  }

  @Test
  void theSecondOfTwoWritersOfACustomKeyIsRefusedAndChangesNothing() {
    ChannelConfig read = store.saveChannel(ChannelConfig.of(GUILD, CHANNEL));
    store.replaceChannel(read, read.with(SLOWMODE, 1L));
    Map<String, AttributeValue> stored = table.get("GUILD#" + G, "CHANNEL#" + C);

    assertThatThrownBy(() -> second.replaceChannel(read, read.with(SLOWMODE, 2L)))
        .isInstanceOfSatisfying(
            ConfigConflictException.class,
            e -> assertThat(e.reason()).isEqualTo(ConfigConflictException.Reason.VERSION_CHANGED));
    assertThat(table.get("GUILD#" + G, "CHANNEL#" + C)).isEqualTo(stored);

    UpdateResult<ChannelConfig> retried =
        second.updateChannel(GUILD, CHANNEL, c -> c.with(SLOWMODE, 2L));
    assertThat(retried.after().get(SLOWMODE)).isEqualTo(2L);
    assertThat(retried.after().version()).isEqualTo(3);
  }

  @Test
  void aCustomAttributeAppearingOnAnUnversionedItemSinceTheReadIsAConflict() {
    table.put(legacyChannel(G, C));
    ChannelConfig read = store.findChannel(CHANNEL).orElseThrow();
    table.put(legacyChannel(G, C).n("slowmodeSeconds", "60"));

    assertThatThrownBy(() -> store.replaceChannel(read, read.withPin(true)))
        .isInstanceOf(ConfigConflictException.class);
    assertThat(table.get("GUILD#" + G, "CHANNEL#" + C).get("pin"))
        .isEqualTo(AttributeValue.fromBool(false));
  }

  @Test
  void aKeyOutsideTheStoresSchemaIsRefusedAndNothingIsWritten() {
    SettingKey<Boolean> stray = SettingKey.channel("stray", SettingType.bool()).build();
    int items = table.count();

    assertThatThrownBy(() -> store.saveChannel(ChannelConfig.of(GUILD, CHANNEL).with(stray, true)))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageStartingWith("setting key 'stray' is not in this store's schema");
    assertThat(table.count()).isEqualTo(items);
  }

  @Test
  void exportAndImportCarryCustomAttributesByteForByteWrongTypedOnesIncluded() {
    store.saveChannel(ChannelConfig.of(GUILD, CHANNEL).with(SLOWMODE, 10L));
    table.put(legacySettings(G).s("language", "klingon"));
    TableBackup backup = DynamoDbTooling.tableBackup(DYNAMODB.client(), store.tableName(), clock);
    List<Map<String, AttributeValue>> exported = backup.exportItems();
    store.deleteGuild(GUILD);

    ImportPlan plan = backup.plan(exported);
    assertThat(plan.unreadable()).isEmpty();
    backup.apply(plan, written -> {});

    assertThat(store.findChannel(CHANNEL).orElseThrow().get(SLOWMODE)).isEqualTo(10L);
    GuildSettings settings = store.findSettings(GUILD).orElseThrow();
    assertThat(settings.get(LANGUAGE)).isEqualTo(Language.EN);
    assertThat(settings.custom().problems())
        .containsExactly("language must be one of EN, FR, got 'klingon'");
    assertThat(table.get("GUILD#" + G, "SETTINGS").get("language"))
        .isEqualTo(AttributeValue.fromS("klingon"));
  }

  @Test
  void anotherProcessesWriteOfACustomKeyIsInTheChangeFeedAndReadByKey() {
    store.saveChannel(ChannelConfig.of(GUILD, CHANNEL));
    long position = store.changesAfter(0).orElseThrow().head();

    second.updateChannel(GUILD, CHANNEL, c -> c.with(SLOWMODE, 42L));

    assertThat(store.changesAfter(position).orElseThrow().changes())
        .anySatisfy(change -> assertThat(change.key().channelId()).contains(CHANNEL));
    assertThat(store.findChannel(CHANNEL).orElseThrow().get(SLOWMODE)).isEqualTo(42L);
  }
}
