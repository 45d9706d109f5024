package io.github.botconfig.app.health;

import io.github.botconfig.app.health.HealthReport.StoreCheck;
import io.github.botconfig.cache.ConfigCache;
import io.github.botconfig.domain.ConfigException;
import io.github.botconfig.domain.ConfigStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Makes {@link HealthReport}s. The cache and the shards are read from memory; the table is asked
 * for its change marker (one small GetItem), at most once per {@link #STORE_CHECK_INTERVAL} however
 * often the endpoint is probed, so a probe every second costs no more than one every 15 s.
 * Thread-safe.
 */
public final class HealthCheck {
  /**
   * How long a check of the table is reused: bounds what probing costs (at most ~$0.03 a month).
   */
  public static final Duration STORE_CHECK_INTERVAL = Duration.ofSeconds(15);

  private final ConfigCache cache;
  private final ConfigStore store;
  private final ShardView shards;
  private final Clock clock;
  private @Nullable StoreCheck lastStoreCheck;

  public HealthCheck(ConfigCache cache, ConfigStore store, ShardView shards, Clock clock) {
    this.cache = cache;
    this.store = store;
    this.shards = shards;
    this.clock = clock;
  }

  /** The health now. */
  public HealthReport report() {
    return HealthReport.of(
        cache.status(), cache.stats(), shards.total(), shards.statuses(), storeCheck());
  }

  private synchronized StoreCheck storeCheck() {
    Instant now = clock.instant();
    if (lastStoreCheck != null
        && now.isBefore(lastStoreCheck.checkedAt().plus(STORE_CHECK_INTERVAL))) {
      return lastStoreCheck;
    }
    long started = System.nanoTime();
    Optional<String> error;
    try {
      store.changeMarker();
      error = Optional.empty();
    } catch (RuntimeException e) {
      // StoreUnavailableException names the table and endpoint; anything else is reported as it is.
      error = Optional.of(e instanceof ConfigException config ? config.getMessage() : e.toString());
    }
    lastStoreCheck =
        new StoreCheck(error.isEmpty(), now, Duration.ofNanos(System.nanoTime() - started), error);
    return lastStoreCheck;
  }
}
