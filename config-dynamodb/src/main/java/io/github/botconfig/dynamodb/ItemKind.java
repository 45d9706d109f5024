package io.github.botconfig.dynamodb;

import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What an item is, by its {@code Type} — or, for items written without one, by the shape of its
 * keys.
 */
enum ItemKind {
  CHANNEL,
  SETTINGS,
  /**
   * The live board's message id ({@code SK BOARD}; never the running bot's {@code GLOBAL_MESSAGE}).
   */
  BOARD,
  /** Anything this store does not model; it is left alone. */
  OTHER;

  static ItemKind of(Map<String, AttributeValue> item) {
    Optional<String> type = Optional.ofNullable(item.get(TableLayout.TYPE)).map(AttributeValue::s);
    if (type.isPresent()) {
      return switch (type.get()) {
        case TableLayout.CHANNEL_TYPE -> CHANNEL;
        case TableLayout.SETTINGS_TYPE -> SETTINGS;
        case TableLayout.BOARD_TYPE -> BOARD;
        default -> OTHER;
      };
    }
    return ofKeys(item);
  }

  /**
   * What the item is by its keys alone, whatever its {@code Type} says: what an import trusts,
   * since a file's {@code Type} could say anything.
   */
  static ItemKind ofKeys(Map<String, AttributeValue> item) {
    String pk = key(item, TableLayout.PK);
    String sk = key(item, TableLayout.SK);
    if (!pk.startsWith(TableLayout.GUILD_PREFIX)) {
      return OTHER;
    }
    if (sk.startsWith(TableLayout.CHANNEL_PREFIX)) {
      return CHANNEL;
    }
    if (sk.equals(TableLayout.SETTINGS_SK)) {
      return SETTINGS;
    }
    return sk.equals(TableLayout.BOARD_SK) ? BOARD : OTHER;
  }

  /** The {@code Type} an item of this kind carries; empty for {@link #OTHER}. */
  Optional<String> type() {
    return switch (this) {
      case CHANNEL -> Optional.of(TableLayout.CHANNEL_TYPE);
      case SETTINGS -> Optional.of(TableLayout.SETTINGS_TYPE);
      case BOARD -> Optional.of(TableLayout.BOARD_TYPE);
      case OTHER -> Optional.empty();
    };
  }

  private static String key(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null || value.s() == null ? "" : value.s();
  }
}
