package io.github.botconfig.cache;

import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.ConfigSnapshot;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.GuildSettings;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Remembers which items this cache wrote, in order, so that a scan which began before a write cannot undo it.
 *
 * <p>A scan reads each item at some moment while it runs. For an item written through this cache after the
 * scan began, the cache's value is at least as new as what the scan read — unless another process wrote the
 * item after us, and then the store's change marker moved past the one recorded with the snapshot, so the next
 * poll refreshes again. Versions alone cannot decide: they restart at 1 when an item is deleted and created
 * again (a channel moved to another guild, a guild purged and rejoined).
 *
 * <p>Changed only under the cache's writer lock; {@link #sequence()} may be read without it.
 */
final class LocalWrites {
  private volatile long sequence;
  private final Map<ChannelId, Long> channels = new HashMap<>();
  private final Map<GuildId, Long> settings = new HashMap<>();
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

  void guildDeleted(GuildId guildId) {
    deletedGuilds.put(guildId, next());
  }

  /** Not atomic, and need not be: only writers change it, one at a time, under the writer lock. */
  private long next() {
    return ++sequence;
  }

  /** Whether a read of this channel that began at {@code since} may have missed a write through the cache. */
  boolean channelWrittenSince(ChannelId channelId, GuildId guildId, long since) {
    return channels.getOrDefault(channelId, 0L) > since || deletedGuilds.getOrDefault(guildId, 0L) > since;
  }

  boolean settingsWrittenSince(GuildId guildId, long since) {
    return settings.getOrDefault(guildId, 0L) > since || deletedGuilds.getOrDefault(guildId, 0L) > since;
  }

  /**
   * Builds complete contents from a scan that began at {@code scanStart}, keeping what {@code current} says
   * for every item written after that, then forgets those writes: later scans begin after them.
   */
  Contents merge(ConfigSnapshot scan, Contents current, long scanStart) {
    Map<ChannelId, ChannelConfig> merged = new HashMap<>(scan.channels());
    Map<GuildId, GuildSettings> mergedSettings = new HashMap<>(scan.settings());
    Set<GuildId> deleted = new HashSet<>();
    deletedGuilds.forEach((guild, seq) -> {
      if (seq > scanStart) {
        deleted.add(guild);
      }
    });
    if (!deleted.isEmpty()) {
      merged.values().removeIf(c -> deleted.contains(c.guildId()));
      mergedSettings.keySet().removeAll(deleted);
    }
    channels.forEach((id, seq) -> {
      if (seq > scanStart) {
        current.channel(id).ifPresentOrElse(c -> merged.put(id, c), () -> merged.remove(id));
      }
    });
    settings.forEach((guild, seq) -> {
      if (seq > scanStart) {
        current.settings(guild).ifPresentOrElse(s -> mergedSettings.put(guild, s), () -> mergedSettings.remove(guild));
      }
    });
    channels.values().removeIf(seq -> seq <= scanStart);
    settings.values().removeIf(seq -> seq <= scanStart);
    deletedGuilds.values().removeIf(seq -> seq <= scanStart);
    return Contents.complete(merged.values(), mergedSettings);
  }

  /** How many writes are remembered; for tests that check nothing is kept forever. */
  int remembered() {
    return channels.size() + settings.size() + deletedGuilds.size();
  }
}
