package io.github.botconfig.dynamodb;

import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.GuildId;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Reads the ids out of an item's keys ({@code GUILD#g}, {@code CHANNEL#c}). */
final class ItemKeys {
  private ItemKeys() {}

  static GuildId guildOf(Map<String, AttributeValue> item) {
    AttributeReader reader = AttributeReader.of(item);
    String pk =
        reader
            .string(TableLayout.PK)
            .orElseThrow(() -> new MalformedItemException("PK is missing"));
    return reader.parse(
        TableLayout.PK, idAfter(TableLayout.PK, pk, TableLayout.GUILD_PREFIX), GuildId::of);
  }

  static ChannelId channelOf(Map<String, AttributeValue> item) {
    AttributeReader reader = AttributeReader.of(item);
    String sk =
        reader
            .string(TableLayout.SK)
            .orElseThrow(() -> new MalformedItemException("SK is missing"));
    return reader.parse(
        TableLayout.SK, idAfter(TableLayout.SK, sk, TableLayout.CHANNEL_PREFIX), ChannelId::of);
  }

  /** Describes an item by its keys, for logs: {@code PK=GUILD#1 SK=CHANNEL#2}. */
  static String describe(Map<String, AttributeValue> item) {
    return TableLayout.PK
        + '='
        + text(item.get(TableLayout.PK))
        + ' '
        + TableLayout.SK
        + '='
        + text(item.get(TableLayout.SK));
  }

  private static String idAfter(String attribute, String key, String prefix) {
    if (!key.startsWith(prefix)) {
      throw new MalformedItemException(
          attribute + ": must start with " + prefix + ", got '" + key + "'");
    }
    return key.substring(prefix.length());
  }

  private static String text(@Nullable AttributeValue value) {
    return Optional.ofNullable(value)
        .map(v -> v.s() != null ? v.s() : String.valueOf(v))
        .orElse("(none)");
  }
}
