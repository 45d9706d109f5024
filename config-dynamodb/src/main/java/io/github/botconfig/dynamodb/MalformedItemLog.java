package io.github.botconfig.dynamodb;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Logs each malformed item once per store, not on every refresh: a bad item in the table would
 * otherwise repeat the same warning every 30 minutes for ever. Thread-safe.
 */
final class MalformedItemLog {
  private static final Logger LOG = LoggerFactory.getLogger(DynamoDbConfigStore.class);

  /**
   * Past this many distinct problems, stop remembering (and so log again): memory stays bounded.
   */
  private static final int MAX_REMEMBERED = 10_000;

  private final Set<String> logged = ConcurrentHashMap.newKeySet();
  private final Consumer<String> warn;

  MalformedItemLog(String tableName) {
    this(
        message ->
            LOG.warn(
                "Skipping a malformed item in DynamoDB table '{}': {} (logged once)",
                tableName,
                message));
  }

  /** Sends each warning to {@code warn}. */
  MalformedItemLog(Consumer<String> warn) {
    this.warn = warn;
  }

  /**
   * Logs the problem unless it was logged before; returns its description, {@code PK=… SK=…:
   * reason}.
   */
  String report(Map<String, AttributeValue> item, MalformedItemException problem) {
    String description = ItemKeys.describe(item) + ": " + problem.getMessage();
    if (logged.size() >= MAX_REMEMBERED) {
      logged.clear();
    }
    if (logged.add(description)) {
      warn.accept(description);
    }
    return description;
  }
}
