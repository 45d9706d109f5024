package io.github.botconfig.dynamodb.testing;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A table as the user's bots left it: items exactly as each writer stored them (the facts are in
 * the notes on the running TypeScript bot), for tests that must read or restore all of it.
 *
 * <ul>
 *   <li>the newer generation ({@code soldecoder-monitor}, DocumentClient, unconditional Put):
 *       lower-case {@code tagType}, {@code tagId} S, {@code threshold} N or {@code TP/SL}, {@code
 *       forward}, {@code positionSizeDefaults}, its {@code global_position_message} item;
 *   <li>its oldest version: booleans as N 0/1;
 *   <li>the older generation ({@code SolanaShares}): {@code tagType 'NONE'} with {@code tagId ''},
 *       threshold 0, {@code globalChannelId ''}, {@code forwardTpSl}, NULLs in {@code
 *       positionSizeDefaults};
 *   <li>the seed's Pattern 2: no index keys, {@code tagId} as N;
 *   <li>items no known writer produces (unreadable: a threshold {@code "a lot"}, a time zone {@code
 *       Mars/Olympus});
 *   <li>attributes of every DynamoDB type under names botconfig does not model: S (empty too), N
 *       with many digits, B, BOOL, NULL, M, L (empty and nested), SS, NS, BS.
 * </ul>
 *
 * Every item is under {@code GUILD#} keys with canonical snowflakes. Thread-safe (immutable).
 */
public final class TableCorpus {
  /** The guild of the newer generation's items. */
  public static final String NEWER_GUILD = "1180586412434817024";

  /** The guild of the older generation's items. */
  public static final String OLDER_GUILD = "1090000000000000001";

  /** The guild of the seed's Pattern 2 items and of the unreadable ones. */
  public static final String SEED_GUILD = "1090000000000000002";

  private TableCorpus() {}

  /** Every item of the corpus, in no particular order. */
  public static List<Map<String, AttributeValue>> items() {
    return List.of(
        newerChannel(),
        newerTriggerChannel(),
        newerSettings(),
        globalPositionMessage(),
        oldestChannelWithNumericBooleans(),
        olderChannelWithoutTag(),
        olderChannelWithRole(),
        olderSettings(),
        seedPattern2Channel(),
        unreadableChannel(),
        unreadableSettings(),
        everyAttributeType());
  }

  /** A channel item as both generations wrote it: keys, index keys, type, then {@code more}. */
  @SafeVarargs
  private static Map<String, AttributeValue> channel(
      String guild, String channel, Map.Entry<String, AttributeValue>... more) {
    Map<String, AttributeValue> item = new LinkedHashMap<>();
    item.put("PK", AttributeValue.fromS("GUILD#" + guild));
    item.put("SK", AttributeValue.fromS("CHANNEL#" + channel));
    item.put("GSI_PK", AttributeValue.fromS("CHANNEL#" + channel));
    item.put("GSI_SK", AttributeValue.fromS("GUILD#" + guild));
    item.put("Type", AttributeValue.fromS("channel_config"));
    return item(item, more);
  }

  static Map<String, AttributeValue> newerChannel() {
    return channel(
        NEWER_GUILD,
        "1180586500000000001",
        bool("image", true),
        bool("pin", true),
        s("tagType", "user"),
        s("tagId", "1180586412434817099"),
        n("threshold", "15.5"),
        n("createdAt", "1732550400123"));
  }

  static Map<String, AttributeValue> newerTriggerChannel() {
    return channel(
        NEWER_GUILD,
        "1180586500000000002",
        bool("image", false),
        bool("pin", false),
        nul("tagType"),
        nul("tagId"),
        s("threshold", "TP/SL"),
        n("createdAt", "1732550400456"));
  }

  static Map<String, AttributeValue> newerSettings() {
    return item(
        s("PK", "GUILD#" + NEWER_GUILD),
        s("SK", "SETTINGS"),
        s("Type", "guild_settings"),
        s("timezone", "Europe/Paris"),
        bool("positionDisplayEnabled", true),
        bool("forward", true),
        bool("autoDeleteWarnings", false),
        s("globalChannelId", "1180586500000000009"),
        put(
            "summaryPreferences",
            map(
                bool("dailySummary", false),
                bool("weeklySummary", true),
                bool("monthlySummary", true))),
        put(
            "positionSizeDefaults",
            map(s("walletAddress", "So1anaWa11etAddre55"), n("stopLossPercent", "12"))),
        n("createdAt", "1732550400000"));
  }

  static Map<String, AttributeValue> globalPositionMessage() {
    return item(
        s("PK", "GUILD#" + NEWER_GUILD),
        s("SK", "GLOBAL_MESSAGE"),
        s("Type", "global_position_message"),
        s("messageId", "1180586600000000001"),
        n("lastUpdated", "1732550499999"));
  }

  static Map<String, AttributeValue> oldestChannelWithNumericBooleans() {
    return channel(
        NEWER_GUILD,
        "1180586500000000003",
        n("image", "1"),
        n("pin", "0"),
        n("notifyOnClose", "1"),
        nul("tagType"),
        nul("tagId"),
        nul("threshold"),
        n("createdAt", "1700000000000"));
  }

  static Map<String, AttributeValue> olderChannelWithoutTag() {
    return channel(
        OLDER_GUILD,
        "1090000000000000011",
        bool("image", true),
        bool("notifyOnClose", false),
        bool("pin", false),
        s("tagType", "NONE"),
        s("tagId", ""),
        n("threshold", "15"),
        n("createdAt", "1690000000000"));
  }

  static Map<String, AttributeValue> olderChannelWithRole() {
    return channel(
        OLDER_GUILD,
        "1090000000000000012",
        bool("image", false),
        bool("notifyOnClose", false),
        bool("pin", false),
        s("tagType", "ROLE"),
        s("tagId", "1090000000000000099"),
        n("threshold", "0"),
        n("createdAt", "1690000000001"));
  }

  static Map<String, AttributeValue> olderSettings() {
    return item(
        s("PK", "GUILD#" + OLDER_GUILD),
        s("SK", "SETTINGS"),
        s("Type", "guild_settings"),
        s("timezone", "Europe/Berlin"),
        bool("positionDisplayEnabled", false),
        bool("autoDeleteWarnings", false),
        s("globalChannelId", ""),
        bool("forwardTpSl", false),
        put(
            "summaryPreferences",
            map(
                bool("dailySummary", false),
                bool("weeklySummary", true),
                bool("monthlySummary", true))),
        put("positionSizeDefaults", map(nul("walletAddress"), nul("stopLossPercent"))),
        n("createdAt", "1690000000000"));
  }

  static Map<String, AttributeValue> seedPattern2Channel() {
    return item(
        s("PK", "GUILD#" + SEED_GUILD),
        s("SK", "CHANNEL#1090000000000000021"),
        s("Type", "channel_config"),
        bool("image", true),
        bool("pin", true),
        s("tagType", "ROLE"),
        n("tagId", "1090000000000000098"),
        n("threshold", "5"));
  }

  static Map<String, AttributeValue> unreadableChannel() {
    return channel(
        SEED_GUILD,
        "1090000000000000022",
        s("threshold", "a lot"),
        bool("pin", true),
        n("createdAt", "1700000000000"));
  }

  static Map<String, AttributeValue> unreadableSettings() {
    return item(
        s("PK", "GUILD#" + SEED_GUILD),
        s("SK", "SETTINGS"),
        s("Type", "guild_settings"),
        s("timezone", "Mars/Olympus"),
        n("version", "3"));
  }

  /** An item of software botconfig does not know, holding every type DynamoDB has. */
  static Map<String, AttributeValue> everyAttributeType() {
    AttributeValue nested =
        AttributeValue.fromL(
            List.of(
                map(s("a", "x"), put("b", AttributeValue.fromL(List.of()))),
                AttributeValue.fromM(Map.of()),
                AttributeValue.fromN("-0.000001")));
    return item(
        s("PK", "GUILD#" + SEED_GUILD),
        s("SK", "PLUGIN#stats"),
        s("Type", "plugin_stats"),
        s("empty", ""),
        s("unicode ✓ naïve", "日本語 \u00e9"),
        n("precise", "12345678901234567890.123456789012345678"),
        n("snowflakeAsNumber", "1180586412434817024"),
        put(
            "bytes",
            AttributeValue.fromB(SdkBytes.fromString("\u0000\u00ff", StandardCharsets.ISO_8859_1))),
        bool("flag", false),
        nul("nothing"),
        put("nested", nested),
        put("strings", AttributeValue.fromSs(List.of("a", "b", "c"))),
        put("numbers", AttributeValue.fromNs(List.of("1", "2.5", "-3"))),
        put(
            "binaries",
            AttributeValue.fromBs(
                List.of(SdkBytes.fromUtf8String("x"), SdkBytes.fromUtf8String("y")))));
  }

  @SafeVarargs
  private static Map<String, AttributeValue> item(Map.Entry<String, AttributeValue>... attributes) {
    return item(new LinkedHashMap<>(), attributes);
  }

  @SafeVarargs
  private static Map<String, AttributeValue> item(
      Map<String, AttributeValue> start, Map.Entry<String, AttributeValue>... attributes) {
    Map<String, AttributeValue> item = new LinkedHashMap<>(start);
    for (Map.Entry<String, AttributeValue> attribute : attributes) {
      item.put(attribute.getKey(), attribute.getValue());
    }
    return Map.copyOf(item);
  }

  @SafeVarargs
  private static AttributeValue map(Map.Entry<String, AttributeValue>... attributes) {
    return AttributeValue.fromM(item(attributes));
  }

  private static Map.Entry<String, AttributeValue> s(String name, String value) {
    return Map.entry(name, AttributeValue.fromS(value));
  }

  private static Map.Entry<String, AttributeValue> n(String name, String value) {
    return Map.entry(name, AttributeValue.fromN(value));
  }

  private static Map.Entry<String, AttributeValue> bool(String name, boolean value) {
    return Map.entry(name, AttributeValue.fromBool(value));
  }

  private static Map.Entry<String, AttributeValue> nul(String name) {
    return Map.entry(name, AttributeValue.fromNul(true));
  }

  private static Map.Entry<String, AttributeValue> put(String name, AttributeValue value) {
    return Map.entry(name, value);
  }
}
