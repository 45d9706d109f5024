package io.github.botconfig.dynamodb;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;

/**
 * Counts what a DynamoDB client asks for. Attach {@link #interceptor()} to a client ({@link
 * DynamoDbClients.Builder#metrics} does it), then read {@link #snapshot()} whenever needed.
 *
 * <p><b>Tooling</b>, for cost figures, benchmarks and the bot's metrics endpoint: not part of the
 * library's compatibility promise (the binary-compatibility check leaves it out,
 * docs/releasing.md), since what it counts follows the SDK's interceptor API.
 *
 * <p>Thread-safe; counting is lock-free and costs a few nanoseconds per request.
 */
public final class RequestMetrics {
  private static final Set<String> READS = Set.of("GetItem", "BatchGetItem", "Query", "Scan");
  private static final Set<String> WRITES =
      Set.of("PutItem", "UpdateItem", "DeleteItem", "BatchWriteItem");

  private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> failures = new ConcurrentHashMap<>();
  private final LongAdder attempts = new LongAdder();
  private final DoubleAdder readUnits = new DoubleAdder();
  private final DoubleAdder writeUnits = new DoubleAdder();
  private final ExecutionInterceptor interceptor = new Counter();

  /** The interceptor that feeds these metrics; add it to a client's override configuration. */
  public ExecutionInterceptor interceptor() {
    return interceptor;
  }

  /** The counts so far. */
  public RequestStats snapshot() {
    return new RequestStats(
        totals(calls), totals(failures), attempts.sum(), readUnits.sum(), writeUnits.sum());
  }

  private static Map<String, Long> totals(Map<String, LongAdder> counters) {
    return counters.entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().sum()));
  }

  private static String operation(ExecutionAttributes attributes) {
    return Optional.ofNullable(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME))
        .orElse("unknown");
  }

  private void addCapacity(String operation, SdkResponse response) {
    // The batch operations report one entry per table; the others one for their table.
    if (response instanceof BatchWriteItemResponse batchWriteItemResponse) {
      batchWriteItemResponse
          .consumedCapacity()
          .forEach(capacity -> addCapacity(operation, capacity));
    } else if (response instanceof BatchGetItemResponse batchGetItemResponse) {
      batchGetItemResponse.consumedCapacity().forEach(capacity -> addCapacity(operation, capacity));
    } else if (response.sdkFieldNameToField().containsKey("ConsumedCapacity")) {
      response
          .getValueForField("ConsumedCapacity", ConsumedCapacity.class)
          .ifPresent(capacity -> addCapacity(operation, capacity));
    }
  }

  private void addCapacity(String operation, ConsumedCapacity capacity) {
    if (capacity.readCapacityUnits() != null || capacity.writeCapacityUnits() != null) {
      readUnits.add(Optional.ofNullable(capacity.readCapacityUnits()).orElse(0.0));
      writeUnits.add(Optional.ofNullable(capacity.writeCapacityUnits()).orElse(0.0));
    } else if (capacity.capacityUnits() != null) {
      // ReturnConsumedCapacity TOTAL gives one figure: its kind follows from the operation.
      if (READS.contains(operation)) {
        readUnits.add(capacity.capacityUnits());
      } else if (WRITES.contains(operation)) {
        writeUnits.add(capacity.capacityUnits());
      }
    }
  }

  private final class Counter implements ExecutionInterceptor {
    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
      calls.computeIfAbsent(operation(attributes), k -> new LongAdder()).increment();
    }

    @Override
    public void beforeTransmission(
        Context.BeforeTransmission context, ExecutionAttributes attributes) {
      attempts.increment();
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
      addCapacity(operation(attributes), context.response());
    }

    @Override
    public void onExecutionFailure(
        Context.FailedExecution context, ExecutionAttributes attributes) {
      failures.computeIfAbsent(operation(attributes), k -> new LongAdder()).increment();
    }
  }
}
