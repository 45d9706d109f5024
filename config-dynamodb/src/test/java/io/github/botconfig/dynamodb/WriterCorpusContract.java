package io.github.botconfig.dynamodb;

import static io.github.botconfig.dynamodb.testing.StoredItems.assertOnlyChanged;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.ConfigConflictException;
import io.github.botconfig.domain.ConfigConflictException.Reason;
import io.github.botconfig.domain.GuildSettings;
import io.github.botconfig.domain.Tag;
import io.github.botconfig.domain.Threshold;
import io.github.botconfig.domain.UpdateResult;
import io.github.botconfig.domain.testing.MutableClock;
import io.github.botconfig.dynamodb.WriterCorpus.ChannelEntry;
import io.github.botconfig.dynamodb.WriterCorpus.SettingsEntry;
import io.github.botconfig.dynamodb.testing.LocalDynamoDbExtension;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Every item as each known writer stored it ({@link WriterCorpus}) reads as it was meant through
 * every entry point, and a change of one field through the repository changes exactly that
 * attribute plus the bookkeeping, byte for byte; another program's whole-item PutItem landing
 * between our read and our write is never overwritten. Runs on each local server.
 */
abstract class WriterCorpusContract {
  final MutableClock clock = MutableClock.startingAt2026();
  DynamoDbConfigStore store;
  RawTable table;
  String tableName;

  abstract LocalDynamoDbExtension server();

  @BeforeEach
  void newTable() {
    store = server().newStore(clock);
    tableName = store.tableName();
    table = new RawTable(server().client(), tableName);
  }

  static List<ChannelEntry> channels() {
    return WriterCorpus.channels();
  }

  static List<SettingsEntry> settings() {
    return WriterCorpus.settings();
  }

  private DynamoDbConfigStore freshStore() {
    return DynamoDbConfigStore.builder()
        .client(server().client())
        .tableName(tableName)
        .clock(clock)
        .build();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("channels")
  void everyChannelFormReadsAsItsWriterMeantItThroughEveryEntryPoint(ChannelEntry entry) {
    table.put(entry.item());

    assertThat(ItemDecoder.problem(entry.item())).as("import check").isEmpty();
    assertThat(freshStore().findChannel(entry.channel()))
        .as("by channel id, before any load")
        .contains(entry.meant());
    assertThat(freshStore().findChannels(WriterCorpus.GUILD)).containsExactly(entry.meant());
    assertThat(freshStore().findUnreadable(WriterCorpus.GUILD)).isEmpty();
    assertThat(freshStore().findUnreadableChannel(entry.channel())).isEmpty();
    DynamoDbConfigStore loaded = freshStore();
    assertThat(loaded.loadAll().channel(entry.channel())).contains(entry.meant());
    assertThat(loaded.lastLoadReport().malformedItems()).isZero();
    assertThat(loaded.findChannel(entry.channel())).as("after a load").contains(entry.meant());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("settings")
  void everySettingsFormReadsAsItsWriterMeantItThroughEveryEntryPoint(SettingsEntry entry) {
    table.put(entry.item());

    assertThat(ItemDecoder.problem(entry.item())).as("import check").isEmpty();
    assertThat(freshStore().findSettings(entry.meant().guildId())).contains(entry.meant());
    assertThat(freshStore().findUnreadable(entry.meant().guildId())).isEmpty();
    DynamoDbConfigStore loaded = freshStore();
    assertThat(loaded.loadAll().settings(entry.meant().guildId())).contains(entry.meant());
    assertThat(loaded.lastLoadReport().malformedItems()).isZero();
  }

  /** A change of one field, and the attributes it may write. */
  record Change<T>(String name, UnaryOperator<T> apply, Set<String> attributes) {}

  static List<Change<ChannelConfig>> channelChanges() {
    return List.of(
        new Change<>("image", c -> c.withImage(!c.image()), Set.of("image")),
        new Change<>("pin", c -> c.withPin(!c.pin()), Set.of("pin")),
        new Change<>(
            "notifyOnClose", c -> c.withNotifyOnClose(!c.notifyOnClose()), Set.of("notifyOnClose")),
        new Change<>(
            "threshold",
            c ->
                c.withThreshold(
                    c.threshold().equals(Threshold.STOP_LOSS)
                        ? Threshold.TAKE_PROFIT
                        : Threshold.STOP_LOSS),
            Set.of("threshold")),
        new Change<>("tag", c -> c.withTag(Tag.user(42)), Set.of("tagType", "tagId")),
        new Change<>("no tag", c -> c.withTag(Optional.empty()), Set.of("tagType", "tagId")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("channels")
  void aChangeOfOneFieldOfAnyChannelFormWritesOnlyThatAttribute(ChannelEntry entry) {
    for (Change<ChannelConfig> change : channelChanges()) {
      table.put(entry.item());
      long marker = store.changeMarker();
      clock.advance(java.time.Duration.ofSeconds(1));

      UpdateResult<ChannelConfig> result =
          store.updateChannel(WriterCorpus.GUILD, entry.channel(), change.apply());

      Map<String, AttributeValue> after =
          table.get("GUILD#" + WriterCorpus.G, "CHANNEL#" + entry.channel());
      ChannelConfig expected = change.apply().apply(entry.meant());
      String what = entry.writer() + ", change " + change.name();
      if (expected.equals(entry.meant())) {
        assertThat(result.changed()).as(what).isFalse();
        assertThat(after).as(what + ": nothing written").isEqualTo(entry.item());
        assertThat(store.changeMarker()).as(what).isEqualTo(marker);
        continue;
      }
      assertOnlyChanged(what, entry.item(), after, change.attributes());
      assertThat(ChannelItems.read(after).withVersion(0).withUpdatedAt(Instant.EPOCH))
          .as(what)
          .isEqualTo(
              expected.withCreatedAt(
                  entry.meant().createdAt().equals(Instant.EPOCH)
                      ? clock.instant()
                      : entry.meant().createdAt()));
      assertThat(result.after()).as(what).isEqualTo(ChannelItems.read(after));
      assertThat(after.get("version")).as(what).isEqualTo(AttributeValue.fromN("1"));
    }
  }

  static List<Change<GuildSettings>> settingsChanges() {
    return List.of(
        new Change<>("timezone", s -> s.withTimezone(ZoneId.of("Asia/Tokyo")), Set.of("timezone")),
        new Change<>(
            "position display",
            s -> s.withPositionDisplayEnabled(!s.positionDisplayEnabled()),
            Set.of("positionDisplayEnabled")),
        new Change<>(
            "weekly summary",
            s ->
                s.withSummaryPreferences(
                    s.summaryPreferences()
                        .withWeeklySummary(!s.summaryPreferences().weeklySummary())),
            Set.of("summaryPreferences")),
        new Change<>(
            "global channel",
            s -> s.withGlobalChannelId(ChannelId.of("1180586500000000777")),
            Set.of("globalChannelId")),
        new Change<>(
            "departed",
            s -> s.withDepartedAt(Instant.parse("2026-02-03T04:05:06.007Z")),
            Set.of("departedAt")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("settings")
  void aChangeOfOneFieldOfAnySettingsFormWritesOnlyThatAttribute(SettingsEntry entry) {
    for (Change<GuildSettings> change : settingsChanges()) {
      table.put(entry.item());

      store.updateSettings(entry.meant().guildId(), change.apply());

      Map<String, AttributeValue> after = table.get("GUILD#" + entry.meant().guildId(), "SETTINGS");
      String what = entry.writer() + ", change " + change.name();
      assertOnlyChanged(what, entry.item(), after, change.attributes());
      if (change.name().equals("weekly summary")) {
        Map<String, AttributeValue> before = entry.item().get("summaryPreferences").m();
        Map<String, AttributeValue> map = new HashMap<>(after.get("summaryPreferences").m());
        assertThat(map.remove("weeklySummary")).isNotEqualTo(before.get("weeklySummary"));
        Map<String, AttributeValue> rest = new HashMap<>(before);
        rest.remove("weeklySummary");
        assertThat(map).as(what + ": the map's other keys").isEqualTo(rest);
      }
      assertThat(SettingsItems.read(after).withVersion(0).withUpdatedAt(Instant.EPOCH))
          .as(what)
          .isEqualTo(change.apply().apply(entry.meant()));
    }
  }

  @Test
  void pattern2ItemsGetTheirIndexKeysOnTheFirstFullLoadAndNothingElseChanges() {
    ChannelEntry pattern2 =
        channels().stream().filter(e -> e.writer().startsWith("seed")).findFirst().orElseThrow();
    table.put(pattern2.item());

    DynamoDbConfigStore loading = freshStore();
    loading.loadAll();

    assertThat(loading.lastLoadReport().unindexedChannels()).isEqualTo(1);
    assertThat(loading.lastLoadReport().indexKeysAdded()).isEqualTo(1);
    Map<String, AttributeValue> repaired =
        table.get("GUILD#" + WriterCorpus.G, "CHANNEL#" + pattern2.channel());
    Map<String, AttributeValue> expected = new HashMap<>(pattern2.item());
    expected.put("GSI_PK", AttributeValue.fromS("CHANNEL#" + pattern2.channel()));
    expected.put("GSI_SK", AttributeValue.fromS("GUILD#" + WriterCorpus.G));
    assertThat(repaired).isEqualTo(expected);
    assertThat(store.changeMarker()).as("no configuration changed").isZero();
    DynamoDbConfigStore next = freshStore();
    next.loadAll();
    assertThat(next.lastLoadReport().unindexedChannels()).isZero();
  }

  @Test
  void aChannelOfAnotherGuildWrittenWithoutIndexKeysStillOwnsTheChannel() {
    ChannelEntry pattern2 =
        channels().stream().filter(e -> e.writer().startsWith("seed")).findFirst().orElseThrow();
    table.put(pattern2.item());

    assertThatThrownBy(
            () ->
                freshStore()
                    .saveChannel(
                        ChannelConfig.of(
                            io.github.botconfig.domain.GuildId.of(7), pattern2.channel())))
        .isInstanceOfSatisfying(
            ConfigConflictException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.OWNED_BY_ANOTHER_GUILD));
  }

  private DynamoDbConfigStore storeOn(HookedClient client) {
    return DynamoDbConfigStore.builder().client(client).tableName(tableName).clock(clock).build();
  }

  @Test
  void aWholeItemPutBetweenOurReadAndOurWriteIsNeverOverwritten() {
    ChannelEntry older = channels().get(3);
    table.put(older.item());
    HookedClient client = new HookedClient(server().client());
    DynamoDbConfigStore ours = storeOn(client);
    ChannelConfig read = ours.findChannel(older.channel()).orElseThrow();
    Map<String, AttributeValue> theirs = new HashMap<>(older.item());
    theirs.put("image", AttributeValue.fromBool(false));
    theirs.put("forwardTpSl", AttributeValue.fromBool(true));
    client.beforeNextUpdate(() -> table.put(theirs));

    assertThatThrownBy(() -> ours.replaceChannel(read, read.withPin(true)))
        .isInstanceOfSatisfying(
            ConfigConflictException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.VERSION_CHANGED))
        .hasMessageContaining("read it again and retry");

    assertThat(table.get("GUILD#" + WriterCorpus.G, "CHANNEL#" + older.channel()))
        .isEqualTo(theirs);
    assertThat(ours.changeMarker()).isZero();
  }

  @Test
  void aWholeItemPutOverOurVersionedItemIsNoticedAndNeverOverwritten() {
    ChannelEntry older = channels().get(3);
    table.put(older.item());
    HookedClient client = new HookedClient(server().client());
    DynamoDbConfigStore ours = storeOn(client);
    ChannelConfig first =
        ours.updateChannel(WriterCorpus.GUILD, older.channel(), c -> c.withPin(true)).after();
    Map<String, AttributeValue> theirs = new HashMap<>(older.item());
    theirs.put("threshold", AttributeValue.fromS("TP"));
    client.beforeNextUpdate(() -> table.put(theirs));

    assertThatThrownBy(() -> ours.replaceChannel(first, first.withImage(false)))
        .isInstanceOf(ConfigConflictException.class);

    assertThat(table.get("GUILD#" + WriterCorpus.G, "CHANNEL#" + older.channel()))
        .isEqualTo(theirs);
  }

  @Test
  void anUpdateRacingAWholeItemPutReappliesItsChangeOverTheOtherWrite() {
    ChannelEntry older = channels().get(3);
    table.put(older.item());
    HookedClient client = new HookedClient(server().client());
    DynamoDbConfigStore ours = storeOn(client);
    Map<String, AttributeValue> theirs = new HashMap<>(older.item());
    theirs.put("image", AttributeValue.fromBool(false));
    client.beforeNextUpdate(() -> table.put(theirs));

    UpdateResult<ChannelConfig> result =
        ours.updateChannel(WriterCorpus.GUILD, older.channel(), c -> c.withPin(true));

    Map<String, AttributeValue> after =
        table.get("GUILD#" + WriterCorpus.G, "CHANNEL#" + older.channel());
    assertOnlyChanged("re-applied", theirs, after, Set.of("pin"));
    assertThat(result.after().image()).as("the other program's change").isFalse();
    assertThat(result.after().pin()).as("ours").isTrue();
  }

  @Test
  void settingsRacingAWholeItemPutAreNeverOverwritten() {
    SettingsEntry older = settings().get(0);
    table.put(older.item());
    HookedClient client = new HookedClient(server().client());
    DynamoDbConfigStore ours = storeOn(client);
    GuildSettings read = ours.findSettings(older.meant().guildId()).orElseThrow();
    Map<String, AttributeValue> theirs = new HashMap<>(older.item());
    theirs.put(
        "summaryPreferences",
        AttributeValue.fromM(
            Map.of(
                "dailySummary", AttributeValue.fromBool(true),
                "weeklySummary", AttributeValue.fromBool(true),
                "monthlySummary", AttributeValue.fromBool(true))));
    client.beforeNextUpdate(() -> table.put(theirs));

    assertThatThrownBy(() -> ours.replaceSettings(read, read.withPositionDisplayEnabled(true)))
        .isInstanceOf(ConfigConflictException.class);

    assertThat(table.get("GUILD#" + older.meant().guildId(), "SETTINGS")).isEqualTo(theirs);
  }
}
