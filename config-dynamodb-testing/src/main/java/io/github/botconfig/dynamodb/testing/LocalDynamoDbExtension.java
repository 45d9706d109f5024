package io.github.botconfig.dynamodb.testing;

import io.github.botconfig.dynamodb.DynamoDbConfigStore;
import io.github.botconfig.dynamodb.TableProvisioner;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * Gives a test class a DynamoDB-compatible server and its own table, laid out as botconfig's (keys
 * PK/SK and the ChannelIndex), deleted after the class.
 *
 * <pre>{@code
 * class MyDynamoDbTest {
 *   @RegisterExtension
 *   static final LocalDynamoDbExtension DYNAMODB = LocalDynamoDbExtension.create();
 *
 *   @Test
 *   void storesAChannel() {
 *     ConfigStore store = DYNAMODB.newStore(Clock.systemUTC()); // a fresh, empty table
 *     ...
 *   }
 * }
 * }</pre>
 *
 * <p>One server of each kind is started for the whole test run (the first class that needs it
 * starts it) and stopped at its end — or when the JVM dies, however it dies. Register the extension
 * on a {@code static} field. Thread-safe once the class has started.
 */
public final class LocalDynamoDbExtension
    implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(LocalDynamoDbExtension.class);

  /** The server asked for; null: the first that can work ({@link LocalDynamoDb#start()}). */
  private final LocalDynamoDb.@Nullable Kind kind;

  private final List<String> tables = new CopyOnWriteArrayList<>();
  private volatile @Nullable LocalDynamoDb server;
  private volatile @Nullable DynamoDbClient client;
  private volatile @Nullable String tableName;
  private volatile String classTag = "test";
  private volatile @Nullable String unavailable;

  private LocalDynamoDbExtension(LocalDynamoDb.@Nullable Kind kind) {
    this.kind = kind;
  }

  /**
   * The first server that can work, as {@link LocalDynamoDb#start()} picks it: the endpoint in
   * {@code -Dbotconfig.dynamodb.endpoint} or {@code DYNAMODB_ENDPOINT} when set (DynamoDB Local on
   * your machine, or AWS), else dynalite (installed into the user's cache when Node.js is there and
   * it is not), else moto_server. Fails, saying exactly what to install, when none can.
   */
  public static LocalDynamoDbExtension create() {
    return new LocalDynamoDbExtension(null);
  }

  /** Always dynalite (installed into the user's cache first if it is missing and npm is there). */
  public static LocalDynamoDbExtension dynalite() {
    return new LocalDynamoDbExtension(LocalDynamoDb.Kind.DYNALITE);
  }

  /**
   * moto_server; where it is not installed, each test of the class is skipped, with a message
   * saying so.
   */
  public static LocalDynamoDbExtension moto() {
    return new LocalDynamoDbExtension(LocalDynamoDb.Kind.MOTO);
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    unavailable = null;
    if (kind == LocalDynamoDb.Kind.MOTO && !LocalDynamoDb.motoAvailable()) {
      // Each test is then skipped, so the report counts them as skipped rather than not there at
      // all.
      unavailable =
          "moto_server was not found (PATH, ~/.pyenv/shims, -Dbotconfig.moto): skipping "
              + context.getDisplayName()
              + ". Install moto[server] to run it.";
      System.err.println("[SKIPPED] " + unavailable);
      return;
    }
    classTag = context.getRequiredTestClass().getSimpleName();
    LocalDynamoDb shared = sharedServer(context);
    server = shared;
    client = shared.newClient();
    tableName = newTable();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    String reason = unavailable;
    if (reason != null) {
      Assumptions.abort(reason);
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    DynamoDbClient current = client;
    if (current == null) {
      return;
    }
    try {
      for (String table : tables) {
        try {
          current.deleteTable(request -> request.tableName(table));
        } catch (ResourceNotFoundException e) {
          // Deleted by the test itself.
        } catch (SdkException e) {
          // A test that stopped the server leaves nothing to delete.
        }
      }
    } finally {
      tables.clear();
      current.close();
      client = null;
    }
  }

  /** The server the class runs against. */
  public LocalDynamoDb server() {
    return started(server, "server");
  }

  /** Where the server listens. */
  public URI endpoint() {
    return server().endpoint();
  }

  /** A client of the server, shared by the class; do not close it. */
  public DynamoDbClient client() {
    return started(client, "client");
  }

  /** The class's table, created empty before its first test. */
  public String tableName() {
    return started(tableName, "table name");
  }

  /**
   * Creates another empty table with botconfig's layout, deleted after the class; returns its name.
   */
  public String newTable() {
    String name =
        ("botconfig-" + classTag + "-" + UUID.randomUUID().toString().substring(0, 8))
            .toLowerCase(Locale.ROOT);
    tables.add(name);
    TableProvisioner.builder()
        .client(client())
        .tableName(name)
        // Local servers create tables at once; AWS takes seconds, and need not be asked 20 times a
        // second.
        .pollInterval(Duration.ofMillis(server().kind() == LocalDynamoDb.Kind.EXTERNAL ? 1000 : 20))
        .waitTimeout(Duration.ofMinutes(2))
        .build()
        .createIfMissing();
    return name;
  }

  /** A store on a new, empty table (see {@link #newTable()}), its times from {@code clock}. */
  public DynamoDbConfigStore newStore(Clock clock) {
    return DynamoDbConfigStore.builder()
        .client(client())
        .tableName(newTable())
        .clock(clock)
        .build();
  }

  private LocalDynamoDb sharedServer(ExtensionContext context) {
    LocalDynamoDb.@Nullable Kind requested = kind;
    Supplier<LocalDynamoDb> start =
        () -> {
          if (requested == null) {
            return LocalDynamoDb.start();
          }
          switch (requested) {
            case MOTO:
              return LocalDynamoDb.startMoto();
            case EXTERNAL:
              return LocalDynamoDb.fromEnvironment()
                  .orElseThrow(
                      () -> new IllegalStateException(LocalDynamoDb.ENDPOINT_ENV + " is not set"));
            case DYNALITE:
            default:
              return LocalDynamoDb.startDynalite();
          }
        };
    // The root store lives as long as the test run and closes what it holds (AutoCloseable) at its
    // end.
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(
            requested == null ? "first that works" : requested,
            k -> start.get(),
            LocalDynamoDb.class);
  }

  private static <T> T started(@Nullable T value, String what) {
    return Objects.requireNonNull(
        value,
        () ->
            "no "
                + what
                + " yet: register LocalDynamoDbExtension on a static field (@RegisterExtension)");
  }
}
