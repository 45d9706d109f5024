package io.github.botconfig.app.wiring;

import io.github.botconfig.cache.ConfigCache;
import io.github.botconfig.cache.testing.ThroughTheCache;
import io.github.botconfig.domain.ConfigStore;
import io.github.botconfig.domain.testing.ConfigStoreContract;
import io.github.botconfig.dynamodb.DynamoDbConfigStore;
import io.github.botconfig.dynamodb.testing.LocalDynamoDbExtension;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The stack the bot runs: every promise of the ports, checked with every lookup and write going
 * through the cache to the DynamoDB store on dynalite.
 */
class CacheOverDynamoDbContractIT extends ConfigStoreContract {
  @RegisterExtension
  static final LocalDynamoDbExtension DYNAMODB = LocalDynamoDbExtension.dynalite();

  private ConfigCache cache;

  @Override
  protected ConfigStore newEmptyStore(Clock clock) {
    DynamoDbConfigStore store = DYNAMODB.newStore(clock);
    cache =
        ConfigCache.builder(store)
            .clock(clock)
            .changePollInterval(Duration.ZERO)
            .initialLoadWait(Duration.ofSeconds(30))
            .build();
    cache.start();
    return new ThroughTheCache(cache, store);
  }

  @AfterEach
  void closeCache() {
    cache.close();
  }
}
