package io.github.botconfig.dynamodb;

import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Raw items for tests, written the way other software (the running TypeScript bot) writes them. */
final class Items {
  private final Map<String, AttributeValue> attributes = new HashMap<>();

  private Items() {}

  static Items item(String pk, String sk) {
    return new Items().s("PK", pk).s("SK", sk);
  }

  /** A channel item as the running bot writes it: keys, index keys, type, image/pin, createdAt. */
  static Items legacyChannel(String guild, String channel) {
    return item("GUILD#" + guild, "CHANNEL#" + channel)
        .s("GSI_PK", "CHANNEL#" + channel)
        .s("GSI_SK", "GUILD#" + guild)
        .s("Type", "channel_config")
        .bool("image", false)
        .bool("pin", false)
        .nul("tagType")
        .nul("tagId")
        .nul("threshold")
        .n("createdAt", "1700000000000");
  }

  /** A settings item as the running bot writes it, its own attributes (forward, …) included. */
  static Items legacySettings(String guild) {
    return item("GUILD#" + guild, "SETTINGS")
        .s("Type", "guild_settings")
        .s("timezone", "Europe/Paris")
        .bool("positionDisplayEnabled", true)
        .bool("forward", true)
        .bool("autoDeleteWarnings", false)
        .nul("globalChannelId")
        .m(
            "summaryPreferences",
            Map.of(
                "dailySummary", AttributeValue.fromBool(false),
                "weeklySummary", AttributeValue.fromBool(true),
                "monthlySummary", AttributeValue.fromBool(false)))
        .m(
            "positionSizeDefaults",
            Map.of(
                "walletAddress", AttributeValue.fromS("So1anaWa11et"),
                "stopLossPercent", AttributeValue.fromN("12")))
        .n("createdAt", "1700000000000");
  }

  Items s(String name, String value) {
    return put(name, AttributeValue.fromS(value));
  }

  Items n(String name, String value) {
    return put(name, AttributeValue.fromN(value));
  }

  Items bool(String name, boolean value) {
    return put(name, AttributeValue.fromBool(value));
  }

  Items nul(String name) {
    return put(name, AttributeValue.fromNul(true));
  }

  Items m(String name, Map<String, AttributeValue> value) {
    return put(name, AttributeValue.fromM(value));
  }

  Items put(String name, AttributeValue value) {
    attributes.put(name, value);
    return this;
  }

  Items without(String name) {
    attributes.remove(name);
    return this;
  }

  Map<String, AttributeValue> build() {
    return Map.copyOf(attributes);
  }
}
