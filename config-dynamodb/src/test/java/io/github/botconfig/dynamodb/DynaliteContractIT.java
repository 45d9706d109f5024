package io.github.botconfig.dynamodb;

import io.github.botconfig.dynamodb.testing.LocalDynamoDbExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The ConfigStore contract, against dynalite: a fresh table per test. */
class DynaliteContractIT extends DynamoDbStoreContract {
  @RegisterExtension
  static final LocalDynamoDbExtension DYNAMODB = LocalDynamoDbExtension.dynalite();

  @Override
  LocalDynamoDbExtension server() {
    return DYNAMODB;
  }
}
