package io.github.botconfig.dynamodb;

import io.github.botconfig.dynamodb.testing.LocalDynamoDbExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The backup round trip against moto_server (skipped, saying so, where it is not installed). */
class BackupRoundTripMotoIT extends BackupRoundTripContract {
  @RegisterExtension static final LocalDynamoDbExtension DYNAMODB = LocalDynamoDbExtension.moto();

  @Override
  LocalDynamoDbExtension dynamodb() {
    return DYNAMODB;
  }
}
