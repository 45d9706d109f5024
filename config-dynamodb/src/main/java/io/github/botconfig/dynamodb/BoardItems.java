package io.github.botconfig.dynamodb;

import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.InvalidConfigException;
import io.github.botconfig.domain.LiveBoard;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Maps a guild's live board to and from its item ({@code PK GUILD#g}, {@code SK BOARD}, {@code Type
 * live_board}).
 *
 * <p>Ids are written as S, like every snowflake this store writes; N is read too.
 */
final class BoardItems {
  private BoardItems() {}

  /**
   * @throws MalformedItemException naming the attribute that cannot be read
   */
  static LiveBoard read(Map<String, AttributeValue> item) {
    try {
      return decode(item);
    } catch (InvalidConfigException e) {
      throw new MalformedItemException(e.getMessage());
    }
  }

  private static LiveBoard decode(Map<String, AttributeValue> item) {
    AttributeReader reader = AttributeReader.of(item);
    return LiveBoard.builder()
        .guildId(ItemKeys.guildOf(item))
        .channelId(
            reader.parse(
                TableLayout.CHANNEL_ID, required(reader, TableLayout.CHANNEL_ID), ChannelId::of))
        .messageId(
            reader.parse(
                TableLayout.MESSAGE_ID,
                required(reader, TableLayout.MESSAGE_ID),
                LiveBoard::parseMessageId))
        .createdAt(reader.instant(TableLayout.CREATED_AT).orElse(Instant.EPOCH))
        .updatedAt(reader.instant(TableLayout.UPDATED_AT).orElse(Instant.EPOCH))
        .version(reader.version())
        .build();
  }

  private static String required(AttributeReader reader, String name) {
    return reader
        .snowflakeText(name)
        .orElseThrow(() -> new MalformedItemException(name + ": is missing"));
  }

  /** Adds the SETs of every modelled attribute, type included (not the metadata). */
  static void write(LiveBoard board, Expressions update) {
    update
        .set(TableLayout.TYPE, TableLayout.s(TableLayout.BOARD_TYPE))
        .set(TableLayout.CHANNEL_ID, TableLayout.s(board.channelId().toString()))
        .set(TableLayout.MESSAGE_ID, TableLayout.s(Long.toString(board.messageId())));
  }
}
