package io.github.botconfig.cache;

import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.GuildSettings;
import java.util.Optional;

/**
 * Hears what a {@link ConfigCache} does. Every method has an empty default: override what you need.
 *
 * <p>Callbacks run after the change they describe is visible to lookups, on the thread that made
 * it: a writer's thread for a write through the cache, the cache's scheduler for loads, refreshes
 * and status changes. They never run on a lookup, nor while the cache holds a lock, so a callback
 * may call the cache (even write through it) — but must not wait for {@link
 * ConfigCache#refreshNow()}: that load would run on the scheduler thread the callback is holding.
 * They may come from several threads at once: an implementation must be thread-safe. A callback
 * that throws is logged and ignored; keep them short, as a slow one delays the refresh or the write
 * that called it.
 */
public interface CacheListener {

  /** The first complete snapshot loaded: from now on, lookups never touch the store. */
  default void onLoaded(CacheStats stats) {}

  /** A later snapshot loaded and replaced the previous one. */
  default void onRefreshed(CacheStats stats) {}

  /**
   * A tracked channel was created, changed, moved or untracked — by a write through this cache, or
   * seen by a refresh. Not called for the first load.
   *
   * @param before the configuration the cache held; empty if none
   * @param after the configuration it holds now; empty if the channel is no longer tracked
   */
  default void onChannelChanged(
      ChannelId channelId, Optional<ChannelConfig> before, Optional<ChannelConfig> after) {}

  /** A guild's settings were stored, changed or removed; as {@link #onChannelChanged}. */
  default void onSettingsChanged(
      GuildId guildId, Optional<GuildSettings> before, Optional<GuildSettings> after) {}

  /**
   * The cache's {@link CacheStatus.State state} changed (for example READY to STALE when the store
   * is down).
   */
  default void onStatusChanged(CacheStatus previous, CacheStatus current) {}
}
