package io.github.botconfig.dynamodb;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a DynamoDB client has asked for so far ({@link RequestMetrics#snapshot()}): API calls per
 * operation, HTTP attempts (retries included), and the capacity DynamoDB reported as consumed. The
 * base of the cost figures.
 *
 * <p>Immutable and thread-safe. Capacity is only reported for requests that ask for it ({@code
 * ReturnConsumedCapacity}): {@link DynamoDbConfigStore} always does. Only {@link RequestMetrics}
 * makes these; a later version may count more (a new accessor), which is why this is a class with
 * accessors and not a record.
 */
public final class RequestStats {

  /** Nothing asked for yet. */
  public static final RequestStats NONE = new RequestStats(Map.of(), Map.of(), 0, 0, 0);

  private final Map<String, Long> callsByOperation;
  private final Map<String, Long> failuresByOperation;
  private final long httpAttempts;
  private final double readCapacityUnits;
  private final double writeCapacityUnits;

  RequestStats(
      Map<String, Long> callsByOperation,
      Map<String, Long> failuresByOperation,
      long httpAttempts,
      double readCapacityUnits,
      double writeCapacityUnits) {
    this.callsByOperation = sorted(callsByOperation);
    this.failuresByOperation = sorted(failuresByOperation);
    this.httpAttempts = httpAttempts;
    this.readCapacityUnits = readCapacityUnits;
    this.writeCapacityUnits = writeCapacityUnits;
  }

  /**
   * API calls per operation name ({@code GetItem}, {@code Scan}, …), failed ones included; sorted
   * by name.
   */
  public Map<String, Long> callsByOperation() {
    return callsByOperation;
  }

  /** API calls that ended in an error, per operation name; sorted by name. */
  public Map<String, Long> failuresByOperation() {
    return failuresByOperation;
  }

  /** HTTP requests sent: at least one per call, more when the SDK retried. */
  public long httpAttempts() {
    return httpAttempts;
  }

  /** Read capacity units consumed (4 KB strongly consistent reads). */
  public double readCapacityUnits() {
    return readCapacityUnits;
  }

  /** Write capacity units consumed (1 KB writes, index writes included). */
  public double writeCapacityUnits() {
    return writeCapacityUnits;
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

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof RequestStats that)) {
      return false;
    }
    return httpAttempts == that.httpAttempts
        && Double.compare(readCapacityUnits, that.readCapacityUnits) == 0
        && Double.compare(writeCapacityUnits, that.writeCapacityUnits) == 0
        && callsByOperation.equals(that.callsByOperation)
        && failuresByOperation.equals(that.failuresByOperation);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        callsByOperation, failuresByOperation, httpAttempts, readCapacityUnits, writeCapacityUnits);
  }

  @Override
  public String toString() {
    return "RequestStats[callsByOperation="
        + callsByOperation
        + ", failuresByOperation="
        + failuresByOperation
        + ", httpAttempts="
        + httpAttempts
        + ", readCapacityUnits="
        + readCapacityUnits
        + ", writeCapacityUnits="
        + writeCapacityUnits
        + "]";
  }
}
