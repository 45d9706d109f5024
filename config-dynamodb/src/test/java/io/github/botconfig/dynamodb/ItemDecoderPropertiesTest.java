package io.github.botconfig.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.testing.HostileValues;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * The item decoders over random attribute maps — every attribute botconfig reads, with values of
 * every DynamoDB type and of hostile content: an item decodes, or is a malformed item naming the
 * attribute; no other exception ever escapes, and a full load of such items counts each one exactly
 * once.
 */
class ItemDecoderPropertiesTest {
  private static final List<String> ATTRIBUTES =
      List.of(
          TableLayout.TYPE,
          TableLayout.IMAGE,
          TableLayout.NOTIFY_ON_CLOSE,
          TableLayout.PIN,
          TableLayout.TAG_TYPE,
          TableLayout.TAG_ID,
          TableLayout.THRESHOLD,
          TableLayout.REPORTERS,
          TableLayout.TIMEZONE,
          TableLayout.POSITION_DISPLAY_ENABLED,
          TableLayout.SUMMARY_PREFERENCES,
          TableLayout.GLOBAL_CHANNEL_ID,
          TableLayout.DEPARTED_AT,
          TableLayout.CREATED_AT,
          TableLayout.UPDATED_AT,
          TableLayout.VERSION,
          TableLayout.GSI_PK,
          TableLayout.GSI_SK,
          "forward",
          "positionSizeDefaults");

  @Test
  void aChannelItemDecodesOrIsMalformedNeverAnythingElse() {
    qt().forAll(items(channelKeys()))
        .checkAssert(item -> assertDecodesOrIsMalformed(item, ChannelItems::read));
  }

  @Test
  void aSettingsItemDecodesOrIsMalformedNeverAnythingElse() {
    qt().forAll(items(settingsKeys()))
        .checkAssert(item -> assertDecodesOrIsMalformed(item, SettingsItems::read));
  }

  @Test
  void aDecodedChannelWrittenAgainDecodesToItself() {
    qt().forAll(items(channelKeys()))
        .checkAssert(
            item -> {
              ChannelConfig channel;
              try {
                channel = ChannelItems.read(item);
              } catch (MalformedItemException e) {
                return;
              }
              assertThat(
                      ChannelItems.read(
                          rewritten(item, update -> ChannelItems.write(channel, update))))
                  .isEqualTo(channel);
            });
  }

  @Test
  void aFullLoadOfRandomItemsCountsEveryItemOnceAndNeverFails() {
    Gen<Map<String, AttributeValue>> anyItem =
        Generate.oneOf(items(channelKeys()), items(settingsKeys()), items(anyKeys()));
    qt().withExamples(200)
        .forAll(lists().of(anyItem).ofSizeBetween(0, 30))
        .checkAssert(
            generated -> {
              // A table holds one item per key.
              Map<String, Map<String, AttributeValue>> byKey = new HashMap<>();
              generated.forEach(item -> byKey.put(ItemKeys.describe(item), item));
              List<Map<String, AttributeValue>> items = new ArrayList<>(byKey.values());
              ScriptedDynamoDb dynamo =
                  new ScriptedDynamoDb().onScan(r -> ScanResponse.builder().items(items).build());
              TableScanner.Result result =
                  new TableScanner(
                          dynamo,
                          new StoreErrors("t", "http://127.0.0.1:1"),
                          new MalformedItemLog(m -> {}),
                          1,
                          io.github.botconfig.domain.SettingsSchema.none())
                      .scan();
              LoadReport report = result.report();
              assertThat(report.itemsRead()).isEqualTo(items.size());
              assertThat(
                      report.channels()
                          + report.settings()
                          + report.otherItems()
                          + report.malformedItems()
                          + report.duplicateChannels())
                  .isEqualTo(items.size());
            });
  }

  private static <T> void assertDecodesOrIsMalformed(
      Map<String, AttributeValue> item, Function<Map<String, AttributeValue>, T> read) {
    ItemKind.of(item); // never throws, whatever the item
    try {
      assertThat(read.apply(item)).isNotNull();
    } catch (MalformedItemException e) {
      assertThat(e.getMessage()).isNotBlank();
      assertThat(new MalformedItemLog(m -> {}).report(item, e)).contains(e.getMessage());
    }
  }

  /** The item as it stands after {@code write} SETs its attributes (the metadata kept). */
  private static Map<String, AttributeValue> rewritten(
      Map<String, AttributeValue> item, java.util.function.Consumer<Expressions> write) {
    Expressions update = new Expressions();
    write.accept(update);
    Map<String, AttributeValue> after = new HashMap<>(item);
    update.assignments().forEach((path, value) -> after.put(path.get(0), value));
    return after;
  }

  private static Gen<Map<String, AttributeValue>> items(Gen<Map<String, AttributeValue>> keys) {
    Gen<List<Map.Entry<String, AttributeValue>>> attributes =
        lists()
            .of(Generate.pick(ATTRIBUTES).zip(values(2), Map::entry))
            .ofSizeBetween(0, ATTRIBUTES.size());
    return keys.zip(
        attributes,
        (key, entries) -> {
          Map<String, AttributeValue> item = new HashMap<>(key);
          entries.forEach(e -> item.put(e.getKey(), e.getValue()));
          return item;
        });
  }

  private static Gen<Map<String, AttributeValue>> channelKeys() {
    return Generate.oneOf(
        snowflakes().zip(snowflakes(), (g, c) -> key("GUILD#" + g, "CHANNEL#" + c)),
        text().zip(text(), (g, c) -> key("GUILD#" + g, "CHANNEL#" + c)),
        text().zip(text(), ItemDecoderPropertiesTest::key),
        Generate.constant(Map.of()));
  }

  private static Gen<Map<String, AttributeValue>> settingsKeys() {
    return Generate.oneOf(
        snowflakes().map(g -> key("GUILD#" + g, "SETTINGS")),
        text().map(g -> key("GUILD#" + g, "SETTINGS")),
        values(0).map(v -> Map.of("PK", v, "SK", AttributeValue.fromS("SETTINGS"))));
  }

  private static Gen<Map<String, AttributeValue>> anyKeys() {
    return text().zip(text(), ItemDecoderPropertiesTest::key);
  }

  private static Map<String, AttributeValue> key(String pk, String sk) {
    return Map.of("PK", AttributeValue.fromS(pk), "SK", AttributeValue.fromS(sk));
  }

  /** A value of any DynamoDB type; maps and lists nest {@code depth} levels at most. */
  private static Gen<AttributeValue> values(int depth) {
    List<Gen<AttributeValue>> kinds = new ArrayList<>();
    kinds.add(text().map(AttributeValue::fromS));
    kinds.add(
        Generate.pick(
                List.of(
                    "user",
                    "ROLE",
                    "Role",
                    "TP",
                    "sl",
                    "TP/SL",
                    "none",
                    "Europe/Paris",
                    "UTC",
                    "channel_config",
                    "guild_settings",
                    "1180586412434817024",
                    "12.5"))
            .map(AttributeValue::fromS));
    kinds.add(numbers().map(AttributeValue::fromN));
    kinds.add(booleans().all().map(AttributeValue::fromBool));
    kinds.add(Generate.constant(AttributeValue.fromNul(true)));
    kinds.add(Generate.constant(AttributeValue.fromB(SdkBytes.fromUtf8String("bytes"))));
    kinds.add(lists().of(text()).ofSizeBetween(1, 3).map(AttributeValue::fromSs));
    kinds.add(lists().of(numbers()).ofSizeBetween(1, 3).map(AttributeValue::fromNs));
    if (depth > 0) {
      kinds.add(lists().of(values(depth - 1)).ofSizeBetween(0, 3).map(AttributeValue::fromL));
      Gen<String> keys =
          Generate.pick(
              List.of(
                  TableLayout.DAILY_SUMMARY,
                  TableLayout.WEEKLY_SUMMARY,
                  TableLayout.MONTHLY_SUMMARY,
                  TableLayout.PIN,
                  TableLayout.TAG_TYPE,
                  TableLayout.TAG_ID,
                  "other"));
      kinds.add(
          lists()
              .of(keys.zip(values(depth - 1), Map::entry))
              .ofSizeBetween(0, 6)
              .map(
                  entries -> {
                    Map<String, AttributeValue> map = new HashMap<>();
                    entries.forEach(e -> map.put(e.getKey(), e.getValue()));
                    return AttributeValue.fromM(map);
                  }));
    }
    @SuppressWarnings("unchecked")
    Gen<AttributeValue>[] rest = kinds.subList(1, kinds.size()).toArray(new Gen[0]);
    return Generate.oneOf(kinds.get(0), rest);
  }

  /** Numbers as DynamoDB can return them: integers, decimals, signs, exponents up to its limits. */
  private static Gen<String> numbers() {
    return Generate.oneOf(
        longs().all().map(n -> Long.toString(n)),
        integers().between(0, 1).map(n -> Integer.toString(n)),
        longs().between(0, 10_000_000).zip(integers().between(0, 999_999), (a, b) -> a + "." + b),
        Generate.pick(
            List.of(
                "-0",
                "1E+125",
                "-1E+125",
                "1E-130",
                "9223372036854775808",
                "18446744073709551616",
                "99999999999999999999999999999999999999",
                "0.5",
                "-1",
                "2")));
  }

  private static Gen<String> snowflakes() {
    return longs().between(1, Long.MAX_VALUE).map(n -> Long.toString(n));
  }

  private static Gen<String> text() {
    return Generate.oneOf(
        Generate.pick(HostileValues.TEXT.stream().filter(t -> t.length() < 1_000).toList()),
        strings().allPossible().ofLengthBetween(0, 20),
        snowflakes());
  }
}
