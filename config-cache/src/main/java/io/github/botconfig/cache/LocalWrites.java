package io.github.botconfig.cache;

import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.ConfigSnapshot;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.GuildSettings;
import io.github.botconfig.domain.LiveBoard;
import io.github.botconfig.domain.UnreadableItem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Remembers which items this cache wrote, in order, so that a scan which began before a write
 * cannot undo it.
 *
 * <p>A scan reads each item at some moment while it runs. For an item written through this cache
 * after the scan began, the cache's value is at least as new as what the scan read — unless another
 * process wrote the item after us, and then the store's change marker moved past the one recorded
 * with the snapshot, so the next poll refreshes again. Versions alone cannot decide: they restart
 * at 1 when an item is deleted and created again (a channel moved to another guild, a guild purged
 * and rejoined).
 *
 * <p>Changed only under the cache's writer lock; {@link #sequence()} may be read without it.
 */
final class LocalWrites {
  private volatile long sequence;
  private final Map<ChannelId, Long> channels = new HashMap<>();
  private final Map<GuildId, Long> settings = new HashMap<>();
  private final Map<GuildId, Long> boards = new HashMap<>();
  private final Map<GuildId, Long> deletedGuilds = new HashMap<>();

  /** The number of the last write; a scan that starts now sees every write up to it. */
  long sequence() {
    return sequence;
  }

  void channelWritten(ChannelId channelId) {
    channels.put(channelId, next());
  }

  void settingsWritten(GuildId guildId) {
    settings.put(guildId, next());
  }

  void boardWritten(GuildId guildId) {
    boards.put(guildId, next());
  }

  void guildDeleted(GuildId guildId) {
    deletedGuilds.put(guildId, next());
  }

  /** Not atomic, and need not be: only writers change it, one at a time, under the writer lock. */
  @SuppressWarnings(
      "NonAtomicVolatileUpdate") // one writer at a time (see above); readers only read
  private long next() {
    return ++sequence;
  }

  /**
   * Whether a read of this channel that began at {@code since} may have missed a write through the
   * cache.
   */
  boolean channelWrittenSince(ChannelId channelId, GuildId guildId, long since) {
    return channels.getOrDefault(channelId, 0L) > since
        || deletedGuilds.getOrDefault(guildId, 0L) > since;
  }

  boolean settingsWrittenSince(GuildId guildId, long since) {
    return settings.getOrDefault(guildId, 0L) > since
        || deletedGuilds.getOrDefault(guildId, 0L) > since;
  }

  boolean boardWrittenSince(GuildId guildId, long since) {
    return boards.getOrDefault(guildId, 0L) > since
        || deletedGuilds.getOrDefault(guildId, 0L) > since;
  }

  /**
   * Builds a complete snapshot from a scan that began at {@code scanStart}, keeping what {@code
   * current} says for every item written after that, then forgets those writes: later scans begin
   * after them.
   */
  CacheSnapshot merge(ConfigSnapshot scan, CacheSnapshot current, long scanStart) {
    Map<ChannelId, ChannelConfig> merged = new HashMap<>(scan.channels());
    Map<GuildId, GuildSettings> mergedSettings = new HashMap<>(scan.settings());
    Map<GuildId, LiveBoard> mergedBoards = new HashMap<>(scan.boards());
    List<UnreadableItem> unreadable = new ArrayList<>(scan.unreadable());
    Set<GuildId> deleted = new HashSet<>();
    deletedGuilds.forEach(
        (guild, seq) -> {
          if (seq > scanStart) {
            deleted.add(guild);
          }
        });
    if (!deleted.isEmpty()) {
      merged.values().removeIf(c -> deleted.contains(c.guildId()));
      mergedSettings.keySet().removeAll(deleted);
      mergedBoards.keySet().removeAll(deleted);
      unreadable.removeIf(item -> deleted.contains(item.guildId()));
    }
    // Writes never create an unreadable item, only delete one: for what was written since the scan
    // began, the cache's view (held or not) is the newer one.
    unreadable.removeIf(
        item ->
            item.channelId().isPresent()
                ? channels.getOrDefault(item.channelId().get(), 0L) > scanStart
                    && current.unreadableChannel(item.channelId().get()).isEmpty()
                : item.kind() == UnreadableItem.Kind.SETTINGS
                    && settings.getOrDefault(item.guildId(), 0L) > scanStart
                    && current.unreadableSettings(item.guildId()).isEmpty());
    channels.forEach(
        (id, seq) -> {
          if (seq > scanStart) {
            current.channel(id).ifPresentOrElse(c -> merged.put(id, c), () -> merged.remove(id));
          }
        });
    keepWrittenSince(settings, scanStart, current::settings, mergedSettings);
    keepWrittenSince(boards, scanStart, current::board, mergedBoards);
    channels.values().removeIf(seq -> seq <= scanStart);
    settings.values().removeIf(seq -> seq <= scanStart);
    boards.values().removeIf(seq -> seq <= scanStart);
    deletedGuilds.values().removeIf(seq -> seq <= scanStart);
    return CacheSnapshot.complete(merged.values(), mergedSettings, mergedBoards, unreadable);
  }

  /**
   * Puts into {@code merged} what the cache holds for every guild written after {@code scanStart}.
   */
  private static <V> void keepWrittenSince(
      Map<GuildId, Long> written,
      long scanStart,
      Function<GuildId, Optional<V>> current,
      Map<GuildId, V> merged) {
    written.forEach(
        (guild, seq) -> {
          if (seq > scanStart) {
            current
                .apply(guild)
                .ifPresentOrElse(value -> merged.put(guild, value), () -> merged.remove(guild));
          }
        });
  }

  /** How many writes are remembered; for tests that check nothing is kept forever. */
  int remembered() {
    return channels.size() + settings.size() + boards.size() + deletedGuilds.size();
  }
}
