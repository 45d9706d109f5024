package io.github.botconfig.dynamodb;

import io.github.botconfig.domain.StoreUnavailableException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbWaiter;

/**
 * Creates, checks and repairs the table, with the definition of the seed's {@code aws dynamodb
 * create-table} (keys PK/SK, the {@code ChannelIndex} on GSI_PK/GSI_SK projecting ALL).
 *
 * <pre>{@code
 * TableProvisioner provisioner = TableProvisioner.builder().client(client).tableName("discord-bot-config").build();
 * provisioner.createIfMissing();          // PAY_PER_REQUEST; createIfMissing(10, 10) for PROVISIONED
 * List<String> problems = provisioner.verify();
 * int repaired = provisioner.backfill();  // channel items written without index keys
 * }</pre>
 *
 * <p>Thread-safe. Failures surface as {@link StoreUnavailableException} naming the table and
 * endpoint.
 */
public final class TableProvisioner {
  private final DynamoDbClient client;
  private final String tableName;
  private final Duration pollInterval;
  private final Duration waitTimeout;
  private final StoreErrors errors;
  private final IndexKeyRepair indexKeys;

  private TableProvisioner(Builder builder) {
    this.client =
        Objects.requireNonNull(
            builder.client, "client is required: TableProvisioner.builder().client(…)");
    this.tableName = builder.tableName;
    this.pollInterval = builder.pollInterval;
    this.waitTimeout = builder.waitTimeout;
    this.errors = new StoreErrors(client, tableName);
    this.indexKeys = new IndexKeyRepair(client, errors);
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Creates the table, billed PAY_PER_REQUEST, unless it exists; waits until it is ACTIVE.
   *
   * @return {@code true} if this call created it
   */
  public boolean createIfMissing() {
    return create(null);
  }

  /**
   * Creates the table, billed PROVISIONED with these units for the table and for its index alike,
   * unless it exists; waits until it is ACTIVE. AWS's free tier covers 25 read and 25 write units
   * in all, index included: {@code createIfMissing(10, 10)} stays inside it.
   *
   * @return {@code true} if this call created it
   */
  public boolean createIfMissing(long readCapacityUnits, long writeCapacityUnits) {
    if (readCapacityUnits < 1 || writeCapacityUnits < 1) {
      throw new IllegalArgumentException(
          "capacity units must be at least 1, got "
              + readCapacityUnits
              + " read, "
              + writeCapacityUnits
              + " write");
    }
    return create(
        ProvisionedThroughput.builder()
            .readCapacityUnits(readCapacityUnits)
            .writeCapacityUnits(writeCapacityUnits)
            .build());
  }

  /**
   * Compares the existing table with the definition.
   *
   * @return every mismatch (keys, key types, index, projection, status), in plain words; empty if
   *     the table is as botconfig needs it
   */
  public List<String> verify() {
    return describe()
        .map(TableDefinition::problems)
        .orElseGet(
            () -> List.of("table '" + tableName + "' does not exist at " + errors.location()));
  }

  /**
   * Gives the index keys ({@code GSI_PK}, {@code GSI_SK}) to every channel item that lacks them or
   * has wrong ones (items written by the seed's code lacked them, so lookups by channel id could
   * not find them). Other attributes are not touched.
   *
   * @return how many items were repaired
   */
  public int backfill() {
    return backfill(progress -> {});
  }

  /**
   * {@link #backfill()}, telling {@code progress} how far it is, on the calling thread: after each
   * page of the scan (a page is up to 1 MB of items), then after every 100 repairs and after the
   * last.
   *
   * @return how many items were repaired
   */
  public int backfill(Consumer<BackfillProgress> progress) {
    Objects.requireNonNull(progress, "progress");
    int[] scanned = new int[1];
    long[] items = new long[1];
    List<Map<String, AttributeValue>> missing =
        indexKeys.scanMissing(
            "backfill the index keys",
            (pages, itemsSoFar, missingSoFar) -> {
              scanned[0] = pages;
              items[0] = itemsSoFar;
              progress.accept(new BackfillProgress(pages, itemsSoFar, missingSoFar, 0));
            });
    int repaired = 0;
    int done = 0;
    for (Map<String, AttributeValue> item : missing) {
      if (indexKeys.repair(item)) {
        repaired++;
      }
      done++;
      if (done % REPAIRS_PER_REPORT == 0 || done == missing.size()) {
        progress.accept(new BackfillProgress(scanned[0], items[0], missing.size(), done));
      }
    }
    return repaired;
  }

  /** How often {@link #backfill(Consumer)} reports while it repairs. */
  static final int REPAIRS_PER_REPORT = 100;

  /**
   * How far a {@link #backfill(Consumer)} is.
   *
   * @param pagesScanned scan pages read so far
   * @param itemsScanned items of every kind read so far
   * @param lacking channel items found so far that lack their index keys (or hold wrong ones)
   * @param handled of those, how many have been repaired (or found deleted meanwhile)
   */
  public record BackfillProgress(int pagesScanned, long itemsScanned, int lacking, int handled) {}

  /**
   * Counts the channel items {@link #backfill()} would repair, without changing anything.
   *
   * @return how many channel items lack their index keys or have wrong ones
   */
  public int countItemsMissingIndexKeys() {
    return indexKeys.scanMissing("look for items missing index keys").size();
  }

  private boolean create(@Nullable ProvisionedThroughput capacity) {
    if (describe().isPresent()) {
      waitUntilActive();
      return false;
    }
    boolean created;
    try {
      client.createTable(TableDefinition.createRequest(tableName, capacity));
      created = true;
    } catch (ResourceInUseException e) {
      created = false; // created by someone else meanwhile
    } catch (SdkException e) {
      throw errors.unavailable("create table '" + tableName + "'", e);
    }
    waitUntilActive();
    return created;
  }

  private Optional<TableDescription> describe() {
    try {
      return Optional.of(client.describeTable(request -> request.tableName(tableName)).table());
    } catch (ResourceNotFoundException e) {
      return Optional.empty();
    } catch (SdkException e) {
      throw errors.unavailable("describe table '" + tableName + "'", e);
    }
  }

  private void waitUntilActive() {
    // The SDK's waiter polls every 20 s by default: far too slow for local servers, which answer at
    // once.
    int attempts =
        (int) Math.max(2, waitTimeout.toMillis() / Math.max(1, pollInterval.toMillis()) + 1);
    try (DynamoDbWaiter waiter =
        DynamoDbWaiter.builder()
            .client(client)
            .overrideConfiguration(
                WaiterOverrideConfiguration.builder()
                    .backoffStrategyV2(BackoffStrategy.fixedDelayWithoutJitter(pollInterval))
                    .maxAttempts(attempts)
                    .waitTimeout(waitTimeout)
                    .build())
            .build()) {
      waiter
          .waitUntilTableExists(request -> request.tableName(tableName))
          .matched()
          .exception()
          .ifPresent(
              e -> {
                throw new StoreUnavailableException(
                    "table '"
                        + tableName
                        + "' at "
                        + errors.location()
                        + " did not become ACTIVE: "
                        + e.getMessage(),
                    e);
              });
    } catch (SdkException e) {
      throw new StoreUnavailableException(
          "table '"
              + tableName
              + "' at "
              + errors.location()
              + " did not become ACTIVE within "
              + waitTimeout
              + ": "
              + e.getMessage(),
          e);
    }
  }

  /** Settings of the provisioner. Not thread-safe. */
  public static final class Builder {
    private @Nullable DynamoDbClient client;
    private String tableName = TableLayout.DEFAULT_TABLE_NAME;
    private Duration pollInterval = Duration.ofMillis(500);
    private Duration waitTimeout = Duration.ofMinutes(2);

    private Builder() {}

    /** The client to use (required). The provisioner does not close it. */
    public Builder client(DynamoDbClient client) {
      this.client = Objects.requireNonNull(client, "client");
      return this;
    }

    /** The table; default {@code discord-bot-config}. */
    public Builder tableName(String tableName) {
      this.tableName = TableLayout.requireTableName(tableName);
      return this;
    }

    /** How often to look whether a new table is ACTIVE; default 500 ms. */
    public Builder pollInterval(Duration interval) {
      this.pollInterval = DynamoDbClients.requirePositive("pollInterval", interval);
      return this;
    }

    /** How long to wait for a new table to become ACTIVE; default 2 minutes. */
    public Builder waitTimeout(Duration timeout) {
      this.waitTimeout = DynamoDbClients.requirePositive("waitTimeout", timeout);
      return this;
    }

    public TableProvisioner build() {
      return new TableProvisioner(this);
    }
  }
}
