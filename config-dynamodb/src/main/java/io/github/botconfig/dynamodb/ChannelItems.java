package io.github.botconfig.dynamodb;

import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.InvalidConfigException;
import io.github.botconfig.domain.Reporters;
import io.github.botconfig.domain.Tag;
import io.github.botconfig.domain.Threshold;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Maps a tracked channel to and from its item ({@code PK GUILD#g}, {@code SK CHANNEL#c}).
 *
 * <p>Writes use the forms the running TypeScript bot writes and validates (its schema refuses a
 * missing {@code tagType}, {@code tagId} or {@code threshold}, so "none" is written as NULL, not
 * removed); reads accept every form it ever wrote.
 */
final class ChannelItems {
  private ChannelItems() {}

  /**
   * @throws MalformedItemException naming the attribute that cannot be read
   */
  static ChannelConfig read(Map<String, AttributeValue> item) {
    return read(item, SharedValues.NONE);
  }

  /**
   * As {@link #read(Map)}, keeping values that repeat across the items of a load once.
   *
   * @throws MalformedItemException naming the attribute that cannot be read
   */
  static ChannelConfig read(Map<String, AttributeValue> item, SharedValues shared) {
    try {
      return decode(item, shared);
    } catch (InvalidConfigException e) {
      throw new MalformedItemException(e.getMessage());
    }
  }

  private static ChannelConfig decode(Map<String, AttributeValue> item, SharedValues shared) {
    AttributeReader reader = AttributeReader.of(item);
    Instant createdAt = reader.instant(TableLayout.CREATED_AT).orElse(Instant.EPOCH);
    return ChannelConfig.builder()
        .guildId(shared.share(ItemKeys.guildOf(item)))
        .channelId(ItemKeys.channelOf(item))
        .image(reader.bool(TableLayout.IMAGE, false))
        .notifyOnClose(reader.bool(TableLayout.NOTIFY_ON_CLOSE, true))
        .pin(reader.bool(TableLayout.PIN, false))
        .tag(reader.tag().map(shared::share))
        .threshold(shared.share(reader.threshold()))
        .reporters(reporters(reader))
        .createdAt(createdAt)
        .updatedAt(reader.updatedAt(createdAt))
        .version(reader.version())
        .build();
  }

  /** Adds the SETs of every modelled attribute, index keys and type included (not the metadata). */
  static void write(ChannelConfig channel, Expressions update) {
    update
        .set(TableLayout.GSI_PK, TableLayout.s(TableLayout.channelKey(channel.channelId())))
        .set(TableLayout.GSI_SK, TableLayout.s(TableLayout.guildKey(channel.guildId())))
        .set(TableLayout.TYPE, TableLayout.s(TableLayout.CHANNEL_TYPE))
        .set(TableLayout.IMAGE, TableLayout.bool(channel.image()))
        .set(TableLayout.NOTIFY_ON_CLOSE, TableLayout.bool(channel.notifyOnClose()))
        .set(TableLayout.PIN, TableLayout.bool(channel.pin()))
        .set(
            TableLayout.TAG_TYPE,
            channel.tag().map(ChannelItems::tagType).orElseGet(TableLayout::nul))
        .set(TableLayout.TAG_ID, channel.tag().map(ChannelItems::tagId).orElseGet(TableLayout::nul))
        .set(TableLayout.THRESHOLD, threshold(channel.threshold()))
        .set(TableLayout.REPORTERS, TableLayout.s(channel.reporters().text()));
  }

  /** Absent or NULL (every item the running bot wrote): the default. */
  private static Reporters reporters(AttributeReader reader) {
    return reader
        .string(TableLayout.REPORTERS)
        .map(text -> reader.parse(TableLayout.REPORTERS, text, Reporters::parse))
        .orElse(Reporters.WEBHOOKS);
  }

  /** Lower case, as the running bot writes it. */
  static AttributeValue tagType(Tag tag) {
    return TableLayout.s(tag.type().name().toLowerCase(Locale.ROOT));
  }

  /** Always S: a JavaScript reader of an N snowflake loses its last digits. */
  static AttributeValue tagId(Tag tag) {
    return TableLayout.s(tag.idText());
  }

  private static AttributeValue threshold(Threshold threshold) {
    switch (threshold.kind()) {
      case NONE:
        return TableLayout.nul();
      case PERCENT:
        return AttributeValue.fromN(threshold.toString());
      default:
        return TableLayout.s(threshold.toString());
    }
  }
}
