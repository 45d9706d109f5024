package io.github.botconfig.dynamodb;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a DynamoDB client has asked for so far: API calls per operation, HTTP attempts (retries
 * included), and the capacity DynamoDB reported as consumed. The base of the cost figures.
 *
 * <p>Immutable and thread-safe. Capacity is only reported for requests that ask for it ({@code
 * ReturnConsumedCapacity}): {@link DynamoDbConfigStore} always does.
 *
 * @param callsByOperation API calls per operation name ({@code GetItem}, {@code Scan}, …), failed
 *     ones included
 * @param failuresByOperation API calls that ended in an error, per operation name
 * @param httpAttempts HTTP requests sent: at least one per call, more when the SDK retried
 * @param readCapacityUnits read capacity units consumed (4 KB strongly consistent reads)
 * @param writeCapacityUnits write capacity units consumed (1 KB writes, index writes included)
 */
public record RequestStats(
    Map<String, Long> callsByOperation,
    Map<String, Long> failuresByOperation,
    long httpAttempts,
    double readCapacityUnits,
    double writeCapacityUnits) {

  /** Nothing asked for yet. */
  public static final RequestStats NONE = new RequestStats(Map.of(), Map.of(), 0, 0, 0);

  public RequestStats {
    callsByOperation = sorted(callsByOperation);
    failuresByOperation = sorted(failuresByOperation);
  }

  /** API calls of every operation. */
  public long calls() {
    return callsByOperation.values().stream().mapToLong(Long::longValue).sum();
  }

  /** API calls of one operation, such as {@code "Scan"}. */
  public long calls(String operation) {
    return callsByOperation.getOrDefault(operation, 0L);
  }

  /**
   * What was asked for between {@code earlier} and this one (both of the same {@link
   * RequestMetrics}).
   */
  public RequestStats since(RequestStats earlier) {
    return new RequestStats(
        minus(callsByOperation, earlier.callsByOperation),
        minus(failuresByOperation, earlier.failuresByOperation),
        httpAttempts - earlier.httpAttempts,
        readCapacityUnits - earlier.readCapacityUnits,
        writeCapacityUnits - earlier.writeCapacityUnits);
  }

  private static Map<String, Long> minus(Map<String, Long> now, Map<String, Long> before) {
    Map<String, Long> difference = new HashMap<>();
    now.forEach(
        (operation, count) -> {
          long delta = count - before.getOrDefault(operation, 0L);
          if (delta != 0) {
            difference.put(operation, delta);
          }
        });
    return difference;
  }

  private static Map<String, Long> sorted(Map<String, Long> counts) {
    return Collections.unmodifiableMap(new TreeMap<>(counts));
  }
}
