package io.github.botconfig.dynamodb;

import io.github.botconfig.domain.ConfigStore;
import io.github.botconfig.domain.testing.ConfigStoreContract;
import io.github.botconfig.dynamodb.testing.LocalDynamoDbExtension;
import java.time.Clock;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The ConfigStore contract, against dynalite: a fresh table per test. */
class DynaliteContractIT extends ConfigStoreContract {
  @RegisterExtension
  static final LocalDynamoDbExtension DYNAMODB = LocalDynamoDbExtension.dynalite();

  @Override
  protected ConfigStore newEmptyStore(Clock clock) {
    return DYNAMODB.newStore(clock);
  }
}
