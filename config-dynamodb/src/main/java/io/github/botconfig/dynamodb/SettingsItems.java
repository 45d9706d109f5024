package io.github.botconfig.dynamodb;

import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.GuildSettings;
import io.github.botconfig.domain.InvalidConfigException;
import io.github.botconfig.domain.SettingKey;
import io.github.botconfig.domain.SummaryPreferences;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Maps a guild's settings to and from its item ({@code PK GUILD#g}, {@code SK SETTINGS}).
 *
 * <p>{@code summaryPreferences} is a map the running bot owns too: writes touch only the keys
 * modelled here ({@code dailySummary}, {@code weeklySummary}, {@code monthlySummary}, {@code
 * tagType}, {@code tagId}, {@code pin}) and keep any other key (see {@link #writeChanges}).
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
            .version(reader.version())
            .custom(shared.share(CustomItems.read(item, shared.schema(), SettingKey.Scope.GUILD)));
    reader
        .string(TableLayout.TIMEZONE)
        .ifPresent(
            zone ->
                settings.timezone(
                    shared.share(
                        reader.parse(TableLayout.TIMEZONE, zone, GuildSettings::parseTimezone))));
    reader
        .snowflakeText(TableLayout.GLOBAL_CHANNEL_ID)
        // The older TypeScript bot wrote "no global channel" as ''.
        .filter(id -> !id.isEmpty())
        .ifPresent(
            id ->
                settings.globalChannelId(
                    reader.<ChannelId>parse(TableLayout.GLOBAL_CHANNEL_ID, id, ChannelId::of)));
    return settings.build();
  }

  /** Every attribute {@link #read} looks at besides the keys. */
  static final List<String> MODELLED =
      List.of(
          TableLayout.TYPE,
          TableLayout.TIMEZONE,
          TableLayout.POSITION_DISPLAY_ENABLED,
          TableLayout.SUMMARY_PREFERENCES,
          TableLayout.GLOBAL_CHANNEL_ID,
          TableLayout.DEPARTED_AT,
          TableLayout.CREATED_AT,
          TableLayout.UPDATED_AT,
          TableLayout.VERSION);

  /**
   * Adds the SETs of every modelled attribute of new settings (not the metadata), and of every
   * custom key holding a value.
   */
  static void write(GuildSettings settings, Expressions update) {
    update
        .set(TableLayout.TYPE, TableLayout.s(TableLayout.SETTINGS_TYPE))
        .set(TableLayout.TIMEZONE, TableLayout.s(settings.timezone().getId()))
        .set(
            TableLayout.POSITION_DISPLAY_ENABLED,
            TableLayout.bool(settings.positionDisplayEnabled()))
        .set(TableLayout.GLOBAL_CHANNEL_ID, globalChannel(settings))
        .set(
            TableLayout.SUMMARY_PREFERENCES,
            AttributeValue.fromM(summaryAttributes(settings.summaryPreferences())));
    settings
        .departedAt()
        .ifPresent(at -> update.set(TableLayout.DEPARTED_AT, TableLayout.n(at.toEpochMilli())));
    CustomItems.write(settings.custom(), update);
  }

  /**
   * Adds the SETs and REMOVEs of the attributes in which {@code changed} differs from {@code read},
   * and the type: every other attribute stays as stored.
   *
   * @param storedMap the stored item's {@code summaryPreferences}: when it is a map, only its
   *     modelled keys that changed are set (nested paths) and its other keys are kept; otherwise a
   *     change of the summaries writes the whole map
   */
  static void writeChanges(
      GuildSettings read,
      GuildSettings changed,
      @Nullable AttributeValue storedMap,
      Expressions update) {
    update.set(TableLayout.TYPE, TableLayout.s(TableLayout.SETTINGS_TYPE));
    if (!read.timezone().equals(changed.timezone())) {
      update.set(TableLayout.TIMEZONE, TableLayout.s(changed.timezone().getId()));
    }
    if (read.positionDisplayEnabled() != changed.positionDisplayEnabled()) {
      update.set(
          TableLayout.POSITION_DISPLAY_ENABLED, TableLayout.bool(changed.positionDisplayEnabled()));
    }
    if (!read.globalChannelId().equals(changed.globalChannelId())) {
      update.set(TableLayout.GLOBAL_CHANNEL_ID, globalChannel(changed));
    }
    if (!read.departedAt().equals(changed.departedAt())) {
      changed
          .departedAt()
          .ifPresentOrElse(
              at -> update.set(TableLayout.DEPARTED_AT, TableLayout.n(at.toEpochMilli())),
              () -> update.remove(TableLayout.DEPARTED_AT));
    }
    SummaryPreferences before = read.summaryPreferences();
    SummaryPreferences after = changed.summaryPreferences();
    if (before.equals(after)) {
      return;
    }
    String map = TableLayout.SUMMARY_PREFERENCES;
    if (storedMap == null || !storedMap.hasM()) {
      update.set(map, AttributeValue.fromM(summaryAttributes(after)));
      return;
    }
    BiConsumer<String, AttributeValue> setNested =
        (key, value) -> update.setNested(map, key, value);
    if (before.dailySummary() != after.dailySummary()) {
      setNested.accept(TableLayout.DAILY_SUMMARY, TableLayout.bool(after.dailySummary()));
    }
    if (before.weeklySummary() != after.weeklySummary()) {
      setNested.accept(TableLayout.WEEKLY_SUMMARY, TableLayout.bool(after.weeklySummary()));
    }
    if (before.monthlySummary() != after.monthlySummary()) {
      setNested.accept(TableLayout.MONTHLY_SUMMARY, TableLayout.bool(after.monthlySummary()));
    }
    if (before.pin() != after.pin()) {
      setNested.accept(TableLayout.PIN, TableLayout.bool(after.pin()));
    }
    if (after.tag().isEmpty() && before.tag().isPresent()) {
      // Inside the map, "no tag" is no key (the running bot's map has none), not NULL.
      update.removeNested(map, TableLayout.TAG_TYPE).removeNested(map, TableLayout.TAG_ID);
    } else {
      ChannelItems.writeTagChanges(
          before.tag(),
          after.tag(),
          TableLayout.TAG_TYPE,
          TableLayout.TAG_ID,
          storedMap.m().get(TableLayout.TAG_TYPE),
          setNested);
    }
  }

  private static AttributeValue globalChannel(GuildSettings settings) {
    return settings
        .globalChannelId()
        .map(ChannelId::toString)
        .map(TableLayout::s)
        .orElseGet(TableLayout::nul);
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
