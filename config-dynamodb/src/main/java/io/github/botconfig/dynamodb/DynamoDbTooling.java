package io.github.botconfig.dynamodb;

import io.github.botconfig.dynamodb.internal.TableBackup;
import java.time.Clock;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The one entry point to botconfig's own tooling ({@link io.github.botconfig.dynamodb.internal}):
 * what its command line needs beyond the store. The types it returns work on raw DynamoDB items and
 * carry no compatibility promise. Thread-safe.
 */
public final class DynamoDbTooling {
  private DynamoDbTooling() {}

  /**
   * Backup and restore of the table {@code tableName} ({@code botconfig export} and {@code
   * import}); the client is not closed by it.
   *
   * @param clock the time of the change marker's moves
   * @throws IllegalArgumentException naming the table name if DynamoDB would refuse it
   */
  public static TableBackup tableBackup(DynamoDbClient client, String tableName, Clock clock) {
    return new DynamoDbTableBackup(
        Objects.requireNonNull(client, "client"),
        tableName,
        Objects.requireNonNull(clock, "clock"));
  }
}
