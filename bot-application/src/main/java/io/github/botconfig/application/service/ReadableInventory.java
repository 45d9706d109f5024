package io.github.botconfig.application.service;

import io.github.botconfig.application.port.out.GuildInventory;
import io.github.botconfig.domain.ConfigRepository;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.UnreadableItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The inventory of a guild as any repository can tell it: its channels, settings and board, and
 * those stored but unreadable, named by kind. For stores with no inventory of their own; items of
 * kinds the repository does not know are not listed (a store's own {@link GuildInventory} lists
 * them). Thread-safe when the repository is.
 */
final class ReadableInventory implements GuildInventory {
  private final ConfigRepository repository;

  ReadableInventory(ConfigRepository repository) {
    this.repository = repository;
  }

  @Override
  public List<Item> itemsOf(GuildId guildId) {
    List<Item> items = new ArrayList<>();
    repository
        .findChannels(guildId)
        .forEach(c -> items.add(new Item("channel " + c.channelId(), "channel")));
    repository.findSettings(guildId).ifPresent(s -> items.add(new Item("settings", "settings")));
    repository.findBoard(guildId).ifPresent(b -> items.add(new Item("board", "board")));
    for (UnreadableItem unreadable : repository.findUnreadable(guildId)) {
      String kind = unreadable.kind().name().toLowerCase(Locale.ROOT);
      items.add(
          new Item(
              unreadable.channelId().map(c -> kind + " " + c).orElse(kind), "unreadable " + kind));
    }
    return items;
  }
}
