package io.github.botconfig.dynamodb;

import io.github.botconfig.domain.ConfigStore;
import io.github.botconfig.domain.testing.ConfigStoreContract;
import io.github.botconfig.dynamodb.testing.LocalDynamoDbExtension;
import java.time.Clock;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The ConfigStore contract, against moto_server (skipped, saying so, where it is not installed).
 */
class MotoContractIT extends ConfigStoreContract {
  @RegisterExtension static final LocalDynamoDbExtension DYNAMODB = LocalDynamoDbExtension.moto();

  @Override
  protected ConfigStore newEmptyStore(Clock clock) {
    return DYNAMODB.newStore(clock);
  }
}
