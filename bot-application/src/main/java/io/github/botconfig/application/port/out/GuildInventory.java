package io.github.botconfig.application.port.out;

import io.github.botconfig.domain.GuildId;
import java.util.List;
import java.util.Objects;

/**
 * Everything a store holds under one guild, item by item and of every kind, also the kinds no
 * reader here decodes (the running TypeScript bot's, another tool's): what a purge of the guild
 * deletes, so that a front end can show it before it asks. Implementations are thread-safe.
 */
public interface GuildInventory {

  /**
   * The items stored under {@code guildId}, in the store's key order; empty when it has none.
   *
   * @throws io.github.botconfig.domain.StoreUnavailableException when the store cannot be read
   */
  List<Item> itemsOf(GuildId guildId);

  /**
   * One stored item, named as the store names it.
   *
   * @param key its key within the guild (in DynamoDB the sort key, such as {@code CHANNEL#10})
   * @param type its kind as stored (such as {@code channel_config}), or {@code -} when it has none
   */
  record Item(String key, String type) {
    public Item {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(type, "type");
    }
  }
}
