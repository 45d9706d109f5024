package io.github.botconfig.dynamodb;

import io.github.botconfig.dynamodb.testing.LocalDynamoDbExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The backup round trip against dynalite. */
class BackupRoundTripDynaliteIT extends BackupRoundTripContract {
  @RegisterExtension
  static final LocalDynamoDbExtension DYNAMODB = LocalDynamoDbExtension.dynalite();

  @Override
  LocalDynamoDbExtension dynamodb() {
    return DYNAMODB;
  }
}
