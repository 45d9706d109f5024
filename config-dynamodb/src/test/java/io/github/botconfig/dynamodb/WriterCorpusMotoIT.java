package io.github.botconfig.dynamodb;

import io.github.botconfig.dynamodb.testing.LocalDynamoDbExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The writer corpus on moto_server (skipped, saying so, where it is not installed). */
class WriterCorpusMotoIT extends WriterCorpusContract {
  @RegisterExtension static final LocalDynamoDbExtension DYNAMODB = LocalDynamoDbExtension.moto();

  @Override
  LocalDynamoDbExtension server() {
    return DYNAMODB;
  }
}
