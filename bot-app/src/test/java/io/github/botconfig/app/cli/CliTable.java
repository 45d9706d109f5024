package io.github.botconfig.app.cli;

import io.github.botconfig.dynamodb.DynamoDbConfigStore;
import io.github.botconfig.dynamodb.testing.LocalDynamoDbExtension;
import java.util.Map;

/** A fresh table on the test server, and the command line pointed at it through the environment. */
final class CliTable {
  final String name;
  final Map<String, String> environment;
  final DynamoDbConfigStore store;

  CliTable(LocalDynamoDbExtension dynamodb) {
    this.name = dynamodb.newTable();
    this.environment =
        Map.of(
            "AWS_ENDPOINT_URL_DYNAMODB", dynamodb.endpoint().toString(), "BOTCONFIG_TABLE", name);
    this.store = DynamoDbConfigStore.builder().client(dynamodb.client()).tableName(name).build();
  }

  CliRun run(String... args) {
    return CliRun.run(environment, args);
  }
}
