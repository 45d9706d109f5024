package io.github.botconfig.dynamodb;

import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.GuildSettings;
import io.github.botconfig.domain.SummaryPreferences;
import io.github.botconfig.domain.Tag;
import io.github.botconfig.domain.Threshold;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Writes as the user's newer TypeScript bot does: a whole item, one unconditional PutItem, no
 * version unless given, no change-marker bump. Its forms are built here from the facts in
 * notes/original-bot.md, independently of the store's own writer.
 */
final class AnotherWriter {
  private final RawTable table;

  AnotherWriter(DynamoDbClient client, String tableName) {
    this.table = new RawTable(client, tableName);
  }

  void put(ChannelConfig channel) {
    table.put(channelItem(channel));
  }

  void put(GuildSettings settings) {
    table.put(settingsItem(settings));
  }

  /** A channel item whose threshold no writer produces. */
  void putUnreadableChannel(String guild, String channel) {
    table.put(
        Items.legacyChannel(guild, channel).s("threshold", "maybe").bool("forward", true).build());
  }

  /** A settings item whose time zone does not exist. */
  void putUnreadableSettings(String guild) {
    table.put(Items.legacySettings(guild).s("timezone", "Mars/Olympus").build());
  }

  static Map<String, AttributeValue> channelItem(ChannelConfig channel) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("PK", AttributeValue.fromS("GUILD#" + channel.guildId()));
    item.put("SK", AttributeValue.fromS("CHANNEL#" + channel.channelId()));
    item.put("GSI_PK", AttributeValue.fromS("CHANNEL#" + channel.channelId()));
    item.put("GSI_SK", AttributeValue.fromS("GUILD#" + channel.guildId()));
    item.put("Type", AttributeValue.fromS("channel_config"));
    item.put("image", AttributeValue.fromBool(channel.image()));
    item.put("notifyOnClose", AttributeValue.fromBool(channel.notifyOnClose()));
    item.put("pin", AttributeValue.fromBool(channel.pin()));
    putTag(item, channel.tag().orElse(null));
    Threshold threshold = channel.threshold();
    item.put(
        "threshold",
        threshold.kind() == Threshold.Kind.NONE
            ? AttributeValue.fromNul(true)
            : threshold.kind() == Threshold.Kind.PERCENT
                ? AttributeValue.fromN(threshold.toString())
                : AttributeValue.fromS(threshold.toString()));
    metadata(item, channel.createdAt(), channel.updatedAt(), channel.version());
    return item;
  }

  static Map<String, AttributeValue> settingsItem(GuildSettings settings) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("PK", AttributeValue.fromS("GUILD#" + settings.guildId()));
    item.put("SK", AttributeValue.fromS("SETTINGS"));
    item.put("Type", AttributeValue.fromS("guild_settings"));
    item.put("timezone", AttributeValue.fromS(settings.timezone().getId()));
    item.put("positionDisplayEnabled", AttributeValue.fromBool(settings.positionDisplayEnabled()));
    item.put("forward", AttributeValue.fromBool(true));
    item.put("autoDeleteWarnings", AttributeValue.fromBool(false));
    item.put(
        "globalChannelId",
        settings
            .globalChannelId()
            .map(c -> AttributeValue.fromS(c.toString()))
            .orElse(AttributeValue.fromNul(true)));
    SummaryPreferences prefs = settings.summaryPreferences();
    Map<String, AttributeValue> map = new HashMap<>();
    map.put("dailySummary", AttributeValue.fromBool(prefs.dailySummary()));
    map.put("weeklySummary", AttributeValue.fromBool(prefs.weeklySummary()));
    map.put("monthlySummary", AttributeValue.fromBool(prefs.monthlySummary()));
    if (prefs.pin()) {
      map.put("pin", AttributeValue.fromBool(true));
    }
    prefs.tag().ifPresent(tag -> putTag(map, tag));
    item.put("summaryPreferences", AttributeValue.fromM(map));
    item.put(
        "positionSizeDefaults",
        AttributeValue.fromM(
            Map.of(
                "walletAddress", AttributeValue.fromNul(true),
                "stopLossPercent", AttributeValue.fromN("12"))));
    settings
        .departedAt()
        .ifPresent(
            at -> item.put("departedAt", AttributeValue.fromN(Long.toString(at.toEpochMilli()))));
    metadata(item, settings.createdAt(), settings.updatedAt(), settings.version());
    return item;
  }

  private static void putTag(Map<String, AttributeValue> item, @Nullable Tag tag) {
    if (tag == null) {
      item.put("tagType", AttributeValue.fromNul(true));
      item.put("tagId", AttributeValue.fromNul(true));
    } else {
      item.put("tagType", AttributeValue.fromS(tag.type().name().toLowerCase(Locale.ROOT)));
      item.put("tagId", AttributeValue.fromS(tag.idText()));
    }
  }

  private static void metadata(
      Map<String, AttributeValue> item, Instant createdAt, Instant updatedAt, long version) {
    if (!createdAt.equals(Instant.EPOCH)) {
      item.put("createdAt", AttributeValue.fromN(Long.toString(createdAt.toEpochMilli())));
    }
    if (!updatedAt.equals(Instant.EPOCH)) {
      item.put("updatedAt", AttributeValue.fromN(Long.toString(updatedAt.toEpochMilli())));
    }
    if (version > 0) {
      item.put("version", AttributeValue.fromN(Long.toString(version)));
    }
  }
}
