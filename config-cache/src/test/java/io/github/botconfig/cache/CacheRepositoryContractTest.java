package io.github.botconfig.cache;

import io.github.botconfig.cache.testing.ThroughTheCache;
import io.github.botconfig.domain.ConfigStore;
import io.github.botconfig.domain.testing.ConfigStoreContract;
import io.github.botconfig.domain.testing.InMemoryConfigStore;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;

/**
 * The cache keeps every promise of {@link io.github.botconfig.domain.ConfigRepository}: the whole
 * store contract suite runs with every lookup and write going through a started cache (only {@code
 * loadAll} and {@code changeMarker}, which a repository does not have, go to the store behind it).
 */
class CacheRepositoryContractTest extends ConfigStoreContract {
  private ConfigCache cache;

  @Override
  protected ConfigStore newEmptyStore(Clock clock) {
    InMemoryConfigStore store = new InMemoryConfigStore(clock);
    cache = ConfigCache.builder(store).clock(clock).initialLoadWait(Duration.ofSeconds(30)).build();
    cache.start();
    return new ThroughTheCache(cache, store);
  }

  @AfterEach
  void closeCache() {
    cache.close();
  }
}
