package io.github.botconfig.dynamodb;

import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What an item is: by the shape of its keys, confirmed by its {@code Type} when it has one. An item
 * whose {@code Type} disagrees with its keys is not one of ours (another program's, or a hostile
 * one calling itself the guild's settings under another key): it is left alone, never read as
 * configuration.
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
    ItemKind byKeys = ofKeys(item);
    Optional<String> type = Optional.ofNullable(item.get(TableLayout.TYPE)).map(AttributeValue::s);
    if (type.isEmpty()) {
      return byKeys; // written without a Type: its keys say what it is
    }
    return byKeys.type().equals(type) ? byKeys : OTHER;
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
