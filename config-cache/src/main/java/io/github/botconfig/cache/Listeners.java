package io.github.botconfig.cache;

import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.GuildSettings;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls the {@link CacheListener}s, each in turn, so that one that throws neither stops the others
 * nor the cache.
 */
final class Listeners {
  private static final Logger log = LoggerFactory.getLogger(ConfigCache.class);

  private final List<CacheListener> listeners;

  Listeners(List<CacheListener> listeners) {
    this.listeners = List.copyOf(listeners);
  }

  boolean isEmpty() {
    return listeners.isEmpty();
  }

  void loaded(CacheStats stats) {
    each(l -> l.onLoaded(stats), "onLoaded");
  }

  void refreshed(CacheStats stats) {
    each(l -> l.onRefreshed(stats), "onRefreshed");
  }

  void statusChanged(CacheStatus previous, CacheStatus current) {
    each(l -> l.onStatusChanged(previous, current), "onStatusChanged");
  }

  /** Reports every channel and settings that differ between two snapshots (a refresh). */
  void changed(CacheSnapshot before, CacheSnapshot after) {
    if (listeners.isEmpty()) {
      return;
    }
    Map<ChannelId, ChannelConfig> old = before.channelMap();
    Map<ChannelId, ChannelConfig> now = after.channelMap();
    Set<ChannelId> channels = new HashSet<>(old.keySet());
    channels.addAll(now.keySet());
    channels.stream().sorted().forEach(id -> channelChanged(id, before, after));
    Set<GuildId> guilds = new HashSet<>(before.settingsMap().keySet());
    guilds.addAll(after.settingsMap().keySet());
    guilds.stream().sorted().forEach(guild -> settingsChanged(guild, before, after));
  }

  /** Reports the channel if it differs between the two snapshots. */
  void channelChanged(ChannelId channelId, CacheSnapshot before, CacheSnapshot after) {
    Optional<ChannelConfig> was = before.channel(channelId);
    Optional<ChannelConfig> is = after.channel(channelId);
    if (!was.equals(is)) {
      each(l -> l.onChannelChanged(channelId, was, is), "onChannelChanged");
    }
  }

  /** Reports the guild's settings if they differ between the two snapshots. */
  void settingsChanged(GuildId guildId, CacheSnapshot before, CacheSnapshot after) {
    Optional<GuildSettings> was = before.settings(guildId);
    Optional<GuildSettings> is = after.settings(guildId);
    if (!was.equals(is)) {
      each(l -> l.onSettingsChanged(guildId, was, is), "onSettingsChanged");
    }
  }

  /** Reports every channel of the guild, and its settings, that differ (a guild deleted). */
  void guildChanged(GuildId guildId, CacheSnapshot before, CacheSnapshot after) {
    before.channelsOf(guildId).forEach(c -> channelChanged(c.channelId(), before, after));
    settingsChanged(guildId, before, after);
  }

  private void each(Consumer<CacheListener> call, String what) {
    for (CacheListener listener : listeners) {
      try {
        call.accept(listener);
      } catch (RuntimeException e) {
        log.warn("cache listener {} failed in {}; ignored", Objects.toString(listener), what, e);
      }
    }
  }
}
