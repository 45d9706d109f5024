package io.github.botconfig.dynamodb;

import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.GuildSettings;
import io.github.botconfig.domain.InvalidConfigException;
import io.github.botconfig.domain.SummaryPreferences;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Maps a guild's settings to and from its item ({@code PK GUILD#g}, {@code SK SETTINGS}).
 *
 * <p>{@code summaryPreferences} is a map the running bot owns too: writes touch only the keys
 * modelled here ({@code dailySummary}, {@code weeklySummary}, {@code monthlySummary}, {@code
 * tagType}, {@code tagId}, {@code pin}) and keep any other key (see {@link #write}).
 */
final class SettingsItems {
  private SettingsItems() {}

  /**
   * @throws MalformedItemException naming the attribute that cannot be read
   */
  static GuildSettings read(Map<String, AttributeValue> item) {
    return read(item, SharedValues.NONE);
  }

  /**
   * As {@link #read(Map)}, keeping values that repeat across the items of a load once.
   *
   * @throws MalformedItemException naming the attribute that cannot be read
   */
  static GuildSettings read(Map<String, AttributeValue> item, SharedValues shared) {
    try {
      return decode(item, shared);
    } catch (InvalidConfigException e) {
      throw new MalformedItemException(e.getMessage());
    }
  }

  private static GuildSettings decode(Map<String, AttributeValue> item, SharedValues shared) {
    AttributeReader reader = AttributeReader.of(item);
    Instant createdAt = reader.instant(TableLayout.CREATED_AT).orElse(Instant.EPOCH);
    GuildSettings.Builder settings =
        GuildSettings.builder()
            .guildId(shared.share(ItemKeys.guildOf(item)))
            .positionDisplayEnabled(reader.bool(TableLayout.POSITION_DISPLAY_ENABLED, true))
            .summaryPreferences(
                shared.share(summaryPreferences(reader.map(TableLayout.SUMMARY_PREFERENCES))))
            .departedAt(reader.instant(TableLayout.DEPARTED_AT))
            .createdAt(createdAt)
            .updatedAt(reader.updatedAt(createdAt))
            .version(reader.version());
    reader
        .string(TableLayout.TIMEZONE)
        .ifPresent(
            zone ->
                settings.timezone(
                    shared.share(
                        reader.parse(TableLayout.TIMEZONE, zone, GuildSettings::parseTimezone))));
    reader
        .snowflakeText(TableLayout.GLOBAL_CHANNEL_ID)
        .ifPresent(
            id ->
                settings.globalChannelId(
                    reader.<ChannelId>parse(TableLayout.GLOBAL_CHANNEL_ID, id, ChannelId::of)));
    return settings.build();
  }

  /**
   * Adds the SETs and REMOVEs of every modelled attribute (not the metadata).
   *
   * @param storedMapIsAMap whether the stored item's {@code summaryPreferences} is a map: then only
   *     its modelled keys are set (nested paths), and a condition makes the write fail if the map
   *     is gone meanwhile; otherwise the whole map is written, on condition that there still is no
   *     map to overwrite
   */
  static void write(GuildSettings settings, boolean storedMapIsAMap, Expressions update) {
    update
        .set(TableLayout.TYPE, TableLayout.s(TableLayout.SETTINGS_TYPE))
        .set(TableLayout.TIMEZONE, TableLayout.s(settings.timezone().getId()))
        .set(
            TableLayout.POSITION_DISPLAY_ENABLED,
            TableLayout.bool(settings.positionDisplayEnabled()))
        .set(
            TableLayout.GLOBAL_CHANNEL_ID,
            settings
                .globalChannelId()
                .map(ChannelId::toString)
                .map(TableLayout::s)
                .orElseGet(TableLayout::nul));
    settings
        .departedAt()
        .ifPresentOrElse(
            at -> update.set(TableLayout.DEPARTED_AT, TableLayout.n(at.toEpochMilli())),
            () -> update.remove(TableLayout.DEPARTED_AT));

    Map<String, AttributeValue> modelled = summaryAttributes(settings.summaryPreferences());
    String map = TableLayout.SUMMARY_PREFERENCES;
    AttributeValue mapType = AttributeValue.fromS("M");
    if (storedMapIsAMap) {
      modelled.forEach((key, value) -> update.setNested(map, key, value));
      if (settings.summaryPreferences().tag().isEmpty()) {
        update.removeNested(map, TableLayout.TAG_TYPE).removeNested(map, TableLayout.TAG_ID);
      }
      update.condition("attribute_type(" + update.name(map) + ", " + update.value(mapType) + ")");
    } else {
      update.set(map, AttributeValue.fromM(modelled));
      update.condition(
          "NOT attribute_type(" + update.name(map) + ", " + update.value(mapType) + ")");
    }
  }

  private static Map<String, AttributeValue> summaryAttributes(SummaryPreferences preferences) {
    Map<String, AttributeValue> map = new HashMap<>();
    map.put(TableLayout.DAILY_SUMMARY, TableLayout.bool(preferences.dailySummary()));
    map.put(TableLayout.WEEKLY_SUMMARY, TableLayout.bool(preferences.weeklySummary()));
    map.put(TableLayout.MONTHLY_SUMMARY, TableLayout.bool(preferences.monthlySummary()));
    map.put(TableLayout.PIN, TableLayout.bool(preferences.pin()));
    preferences
        .tag()
        .ifPresent(
            tag -> {
              map.put(TableLayout.TAG_TYPE, ChannelItems.tagType(tag));
              map.put(TableLayout.TAG_ID, ChannelItems.tagId(tag));
            });
    return map;
  }

  private static SummaryPreferences summaryPreferences(AttributeReader map) {
    return SummaryPreferences.builder()
        .dailySummary(map.bool(TableLayout.DAILY_SUMMARY, false))
        .weeklySummary(map.bool(TableLayout.WEEKLY_SUMMARY, false))
        .monthlySummary(map.bool(TableLayout.MONTHLY_SUMMARY, false))
        .pin(map.bool(TableLayout.PIN, false))
        .tag(map.tag())
        .build();
  }
}
