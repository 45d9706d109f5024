package io.github.botconfig.dynamodb;

import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.GuildSettings;
import io.github.botconfig.domain.LiveBoard;
import io.github.botconfig.domain.UnreadableItem;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Decodes one raw item of any kind, or says why it cannot: the one place every entry point (full
 * load, per-key reads, writes, import checks, doctor) reads items through, so that all of them
 * accept the same forms. Stateless and thread-safe.
 */
final class ItemDecoder {
  private ItemDecoder() {}

  /**
   * What one raw item is.
   *
   * @param kind what its type (or keys) say it is
   * @param value the decoded {@link ChannelConfig}, {@link GuildSettings} or {@link LiveBoard};
   *     null when it cannot be read, or for {@link ItemKind#OTHER}
   * @param problem why it cannot be read, naming the attribute and value; null when it can
   */
  record Decoded(ItemKind kind, @Nullable Object value, @Nullable String problem) {
    boolean readable() {
      return problem == null;
    }

    /**
     * The item as {@link UnreadableItem}, when it cannot be read but its keys can (an item whose
     * keys cannot be read belongs to no guild: only the load report and doctor list it).
     */
    Optional<UnreadableItem> unreadable(Map<String, AttributeValue> item) {
      if (problem == null) {
        return Optional.empty();
      }
      try {
        return switch (kind) {
          case CHANNEL ->
              Optional.of(
                  UnreadableItem.channel(
                      ItemKeys.guildOf(item), ItemKeys.channelOf(item), problem));
          case SETTINGS -> Optional.of(UnreadableItem.settings(ItemKeys.guildOf(item), problem));
          case BOARD -> Optional.of(UnreadableItem.board(ItemKeys.guildOf(item), problem));
          default -> Optional.empty();
        };
      } catch (MalformedItemException e) {
        return Optional.empty();
      }
    }
  }

  static Decoded decode(Map<String, AttributeValue> item) {
    return decode(item, SharedValues.NONE);
  }

  static Decoded decode(Map<String, AttributeValue> item, SharedValues shared) {
    ItemKind kind = ItemKind.of(item);
    try {
      return switch (kind) {
        case CHANNEL -> new Decoded(kind, ChannelItems.read(item, shared), null);
        case SETTINGS -> new Decoded(kind, SettingsItems.read(item, shared), null);
        case BOARD -> new Decoded(kind, BoardItems.read(item), null);
        default -> new Decoded(kind, null, null);
      };
    } catch (MalformedItemException e) {
      return new Decoded(kind, null, String.valueOf(e.getMessage()));
    }
  }

  /**
   * Why this item cannot be read as what it says it is; empty when it can, or when it is of a kind
   * this library does not model (those are kept as they are, never read). For import checks.
   */
  static Optional<String> problem(Map<String, AttributeValue> item) {
    return Optional.ofNullable(decode(item).problem());
  }
}
