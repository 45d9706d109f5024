package io.github.botconfig.dynamodb;

import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.GuildId;
import java.util.Map;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The names the table uses: keys, index, item types and attributes, as the seed's {@code
 * create-table} and the running TypeScript bot spell them (docs/dynamodb-table.md). Changing one
 * breaks compatibility with data already stored.
 */
final class TableLayout {
  static final String DEFAULT_TABLE_NAME = "discord-bot-config";

  static final String PK = "PK";
  static final String SK = "SK";
  static final String GSI_PK = "GSI_PK";
  static final String GSI_SK = "GSI_SK";
  static final String CHANNEL_INDEX = "ChannelIndex";
  static final String TYPE = "Type";

  static final String GUILD_PREFIX = "GUILD#";
  static final String CHANNEL_PREFIX = "CHANNEL#";
  static final String SETTINGS_SK = "SETTINGS";

  /**
   * Not {@code GLOBAL_MESSAGE}: that is the running bot's own board item, which this store leaves
   * alone.
   */
  static final String BOARD_SK = "BOARD";

  static final String MARKER_PK = "META";
  static final String MARKER_SK = "CHANGES";

  static final String CHANNEL_TYPE = "channel_config";
  static final String SETTINGS_TYPE = "guild_settings";
  static final String BOARD_TYPE = "live_board";
  static final String MARKER_TYPE = "change_marker";

  // Channel attributes
  static final String IMAGE = "image";
  static final String NOTIFY_ON_CLOSE = "notifyOnClose";
  static final String PIN = "pin";
  static final String TAG_TYPE = "tagType";
  static final String TAG_ID = "tagId";
  static final String THRESHOLD = "threshold";

  /** Absent on the running bot's items: read as the default, webhooks only. */
  static final String REPORTERS = "reporters";

  // Settings attributes
  static final String TIMEZONE = "timezone";
  static final String POSITION_DISPLAY_ENABLED = "positionDisplayEnabled";
  static final String SUMMARY_PREFERENCES = "summaryPreferences";
  static final String DAILY_SUMMARY = "dailySummary";
  static final String WEEKLY_SUMMARY = "weeklySummary";
  static final String MONTHLY_SUMMARY = "monthlySummary";
  static final String GLOBAL_CHANNEL_ID = "globalChannelId";
  static final String DEPARTED_AT = "departedAt";

  // Board attributes
  static final String CHANNEL_ID = "channelId";
  static final String MESSAGE_ID = "messageId";

  // Metadata, on every item this store writes
  static final String CREATED_AT = "createdAt";
  static final String UPDATED_AT = "updatedAt";
  static final String VERSION = "version";

  // The change marker's counters: writes that succeeded, and positions taken
  // (docs/dynamodb-table.md)
  static final String COUNTER = "counter";
  static final String TAKEN = "taken";

  private static final Pattern TABLE_NAME = Pattern.compile("[a-zA-Z0-9_.-]{3,255}");

  private TableLayout() {}

  /** Checks a table name against DynamoDB's rules, with a message naming it. */
  static String requireTableName(String tableName) {
    if (!TABLE_NAME.matcher(tableName).matches()) {
      throw new IllegalArgumentException(
          "table name must be 3 to 255 letters, digits, '_', '-' or '.', got '" + tableName + "'");
    }
    return tableName;
  }

  static String guildKey(GuildId guildId) {
    return GUILD_PREFIX + guildId;
  }

  static String channelKey(ChannelId channelId) {
    return CHANNEL_PREFIX + channelId;
  }

  static Map<String, AttributeValue> channelItemKey(GuildId guildId, ChannelId channelId) {
    return Map.of(PK, s(guildKey(guildId)), SK, s(channelKey(channelId)));
  }

  static Map<String, AttributeValue> settingsItemKey(GuildId guildId) {
    return Map.of(PK, s(guildKey(guildId)), SK, s(SETTINGS_SK));
  }

  static Map<String, AttributeValue> boardItemKey(GuildId guildId) {
    return Map.of(PK, s(guildKey(guildId)), SK, s(BOARD_SK));
  }

  static Map<String, AttributeValue> markerItemKey() {
    return Map.of(PK, s(MARKER_PK), SK, s(MARKER_SK));
  }

  static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  static AttributeValue n(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }

  static AttributeValue bool(boolean value) {
    return AttributeValue.fromBool(value);
  }

  /**
   * The explicit NULL the running bot writes for an absent optional value (its schema rejects a
   * missing one).
   */
  static AttributeValue nul() {
    return AttributeValue.fromNul(true);
  }
}
