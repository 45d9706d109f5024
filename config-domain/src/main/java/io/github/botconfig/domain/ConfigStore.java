package io.github.botconfig.domain;

import java.util.Collection;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Where the configuration is kept (the driven port): a persistence adapter such as the DynamoDB
 * store.
 *
 * <p>Beyond {@link ConfigRepository}, a store can hand over all of its content at once and tell
 * cheaply whether anything changed, which is all a complete cache needs. Lookups on a store may be
 * slow and cost money: a bot reads through a cache, not from the store.
 *
 * <p>A store may also keep a change feed ({@link #changesAfter}): then a cache learns which keys
 * other processes changed and reads only those ({@link #read}), instead of loading everything
 * whenever the marker moves (docs/performance.md, "Coherence between processes").
 *
 * <p>Implementations are safe for use by many threads at once, store times with millisecond
 * precision, and honour the contract suite {@code
 * io.github.botconfig.domain.testing.ConfigStoreContract} (config-domain's test-jar).
 */
public interface ConfigStore extends ConfigRepository {

  /**
   * Reads every tracked channel, every guild's settings and every live board.
   *
   * <p>Items that cannot be read (malformed, or of a kind this store does not model) are skipped
   * and reported by the store's own means; one bad item never fails the load.
   *
   * @throws StoreUnavailableException if the store cannot be read completely: a partial snapshot is
   *     never returned
   */
  ConfigSnapshot loadAll();

  /**
   * Returns a value that changes whenever any process writes through any store on the same data.
   * Comparing it with the value seen before a {@link #loadAll()} tells whether that snapshot may be
   * out of date. Cheap: one small read.
   *
   * <p>The value only ever grows; 0 means nothing was ever written.
   */
  long changeMarker();

  /**
   * The change feed's position: the highest position any write has taken (0 before the first), or
   * empty if this store keeps no change feed. Read before a {@link #loadAll()}, it is where to
   * follow the feed from: every write at or below it is in the snapshot or still in flight (and
   * then listed again by {@link #changesAfter}). Strongly consistent: one small read.
   *
   * @throws StoreUnavailableException if it cannot be read
   */
  default OptionalLong changeFeedPosition() {
    return OptionalLong.empty();
  }

  /**
   * The changes recorded after {@code position} (a value {@link #changeFeedPosition()} returned, or
   * a change's position), or empty if this store keeps no change feed: a cache then loads
   * everything when the {@link #changeMarker() marker} moves, as before feeds existed.
   *
   * <p>Cheap whatever the size of the data: one small read. It may lag writes by a moment (it may
   * read eventually consistent data); positions it does not show yet are in {@link
   * RecentChanges#head()}'s range, so a reader knows they are owed.
   *
   * @throws StoreUnavailableException if the feed cannot be read
   */
  default Optional<RecentChanges> changesAfter(long position) {
    return Optional.empty();
  }

  /**
   * Reads the stored value of each key, strongly consistent: a snapshot of the channels, settings
   * and boards found under them (a {@link ConfigKey.Kind#GUILD guild} key: all of the guild's), and
   * in {@link ConfigSnapshot#unreadable()} the items stored under them that cannot be read. A key
   * with nothing found under it, readable or not, is not stored. (A cache applying a change needs
   * both: an item may turn unreadable, or readable again, through a change of another process.)
   *
   * <p>The default asks {@link #findChannels}, {@link #findSettings}, {@link #findBoard} and {@link
   * #findUnreadable}; a store overrides it to read single items.
   *
   * @throws IllegalArgumentException for {@link ConfigKey#everything()}: that is {@link #loadAll()}
   * @throws StoreUnavailableException if a key cannot be read
   */
  default ConfigSnapshot read(Collection<ConfigKey> keys) {
    ConfigSnapshot.Builder found = ConfigSnapshot.builder();
    for (ConfigKey key : keys) {
      GuildId guild =
          key.guildId()
              .orElseThrow(
                  () -> new IllegalArgumentException("read(everything) is loadAll(), got " + key));
      switch (key.kind()) {
        case CHANNEL -> {
          ChannelId channel = key.channelId().orElseThrow();
          findChannels(guild).stream()
              .filter(c -> c.channelId().equals(channel))
              .forEach(found::addChannel);
        }
        case SETTINGS -> findSettings(guild).ifPresent(found::addSettings);
        case BOARD -> findBoard(guild).ifPresent(found::addBoard);
        case GUILD, EVERYTHING -> {
          findChannels(guild).forEach(found::addChannel);
          findSettings(guild).ifPresent(found::addSettings);
          findBoard(guild).ifPresent(found::addBoard);
        }
      }
      findUnreadable(guild).stream().filter(key::covers).forEach(found::addUnreadable);
    }
    return found.build();
  }
}
