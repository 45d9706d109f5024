package io.github.botconfig.bot;

import io.github.botconfig.domain.GuildId;
import java.util.Set;

/**
 * Lists every guild that has anything stored, for the daily purge of departed guilds. The
 * repository port answers per guild only; bot-app implements this from the store's snapshot ({@code
 * () -> store.loadAll().guilds()}, once a day) or from the cache's.
 *
 * <p>Implementations are thread-safe and may throw {@link
 * io.github.botconfig.domain.StoreUnavailableException}.
 */
@FunctionalInterface
public interface GuildDirectory {
  Set<GuildId> storedGuilds();
}
