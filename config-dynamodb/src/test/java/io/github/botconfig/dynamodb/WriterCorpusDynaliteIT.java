package io.github.botconfig.dynamodb;

import io.github.botconfig.dynamodb.testing.LocalDynamoDbExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The writer corpus on dynalite. */
class WriterCorpusDynaliteIT extends WriterCorpusContract {
  @RegisterExtension
  static final LocalDynamoDbExtension DYNAMODB = LocalDynamoDbExtension.dynalite();

  @Override
  LocalDynamoDbExtension server() {
    return DYNAMODB;
  }
}
