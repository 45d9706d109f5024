package io.github.botconfig.dynamodb.testing;

import io.github.botconfig.dynamodb.DynamoDbClients;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A DynamoDB-compatible server for tests: dynalite or moto_server started on a free port of
 * 127.0.0.1, or an endpoint that is already running (DynamoDB Local on your machine, or AWS
 * itself). {@link #start()} picks the first that can work.
 *
 * <p>A server this class started stops on {@link #close()}, and in any case when the JVM exits,
 * however it exits: no server outlives its tests. Thread-safe.
 *
 * <pre>{@code
 * try (LocalDynamoDb dynamo = LocalDynamoDb.start();
 *     DynamoDbClient client = dynamo.newClient()) {
 *   ...
 * }
 * }</pre>
 *
 * <p>Most tests want {@link LocalDynamoDbExtension}, which shares one server among all test classes
 * and gives each class its own table.
 */
public final class LocalDynamoDb implements AutoCloseable {
  /** The environment variable naming an endpoint to use instead of starting a server. */
  public static final String ENDPOINT_ENV = "DYNAMODB_ENDPOINT";

  /**
   * The system property naming an endpoint to use instead of starting a server; it wins over
   * {@value #ENDPOINT_ENV}.
   */
  public static final String ENDPOINT_PROPERTY = "botconfig.dynamodb.endpoint";

  /** The servers this class knows. */
  public enum Kind {
    /** dynalite (Node.js), the default: pinned in the botconfig repository under tools/dynalite. */
    DYNALITE,
    /** moto_server (Python), where it is installed. */
    MOTO,
    /** An endpoint that was already running, such as {@value #ENDPOINT_ENV}'s. */
    EXTERNAL
  }

  // The wrapper exits, and the server with it, when the JVM closes (or loses) the wrapper's
  // standard input.
  private static final String DYNALITE_WRAPPER =
      "const options = Object.assign({createTableMs: 0, deleteTableMs: 0, updateTableMs: 0}, JSON.parse(process.argv[2]));"
          + "const server = require(process.argv[1])(options);"
          + "server.listen(0, '127.0.0.1', () => console.log('botconfig-dynalite listening on ' + server.address().port));"
          + "process.stdin.on('end', () => process.exit(0)); process.stdin.on('close', () => process.exit(0));"
          + "process.stdin.resume();";
  private static final Pattern DYNALITE_READY =
      Pattern.compile("botconfig-dynalite listening on (\\d+)");
  private static final String MOTO_WRAPPER =
      "\"$0\" -H 127.0.0.1 -p \"$1\" & server=$!; trap 'kill \"$server\" 2>/dev/null' EXIT; cat >/dev/null";
  private static final Pattern MOTO_READY =
      Pattern.compile("Running on http://127\\.0\\.0\\.1:(\\d+)");

  private final Kind kind;
  private final URI endpoint;
  private final @Nullable ServerProcess process;

  private LocalDynamoDb(Kind kind, URI endpoint, @Nullable ServerProcess process) {
    this.kind = kind;
    this.endpoint = endpoint;
    this.process = process;
  }

  /**
   * The first server that can work: the endpoint named by {@value #ENDPOINT_PROPERTY} or {@value
   * #ENDPOINT_ENV}; else dynalite, found (tools/dynalite of the botconfig repository, the user's
   * cache, a global install, or {@code -Dbotconfig.dynalite}) or installed into the user's cache
   * ({@code ~/.cache/botconfig}, or {@code -Dbotconfig.cache.dir}) with npm when Node.js is there;
   * else moto_server.
   *
   * @throws IllegalStateException when none can, saying exactly what to install
   */
  public static LocalDynamoDb start() {
    Optional<LocalDynamoDb> configured = fromEnvironment();
    if (configured.isPresent()) {
      return configured.get();
    }
    List<String> lookedAt = new ArrayList<>();
    if (Executables.node(lookedAt).isPresent()
        && Executables.dynaliteOrInstall(lookedAt).isPresent()) {
      return startDynalite();
    }
    if (motoAvailable()) {
      return startMoto();
    }
    Executables.motoServer(lookedAt);
    throw new IllegalStateException(
        "No local DynamoDB server for tests (looked at "
            + String.join(", ", lookedAt)
            + "): "
            + Executables.howToGetALocalDynamoDb());
  }

  /**
   * Starts dynalite (in memory, tables ACTIVE at once) on a free port; installs it first into the
   * user's cache if it is missing and npm is there (see {@link #start()}).
   *
   * @throws IllegalStateException saying how to install it, if dynalite or Node.js cannot be found
   */
  public static LocalDynamoDb startDynalite() {
    return startDynalite("{}");
  }

  /**
   * Starts dynalite on a free port, keeping its tables in {@code dataDirectory} (LevelDB): a server
   * started again on the same directory finds them as they were.
   */
  public static LocalDynamoDb startDynalite(Path dataDirectory) {
    String path =
        dataDirectory.toAbsolutePath().toString().replace("\\", "\\\\").replace("\"", "\\\"");
    return startDynalite("{\"path\": \"" + path + "\"}");
  }

  private static LocalDynamoDb startDynalite(String optionsJson) {
    List<String> lookedAt = new ArrayList<>();
    Path dynalite =
        Executables.dynaliteOrInstall(lookedAt)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "dynalite was not found (looked at "
                            + String.join(", ", lookedAt)
                            + "): "
                            + Executables.howToGetALocalDynamoDb()));
    Path node =
        Executables.node(lookedAt)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "node (Node.js 20+) was not found on PATH: dynalite needs it; "
                            + Executables.howToGetALocalDynamoDb()));
    ServerProcess server =
        ServerProcess.start(
            "dynalite",
            List.of(node.toString(), "-e", DYNALITE_WRAPPER, dynalite.toString(), optionsJson),
            DYNALITE_READY);
    return new LocalDynamoDb(Kind.DYNALITE, local(server.port()), server);
  }

  /** Whether moto_server can be found (on PATH, in ~/.pyenv/shims, or {@code -Dbotconfig.moto}). */
  public static boolean motoAvailable() {
    return Executables.motoServer(new ArrayList<>()).isPresent();
  }

  /**
   * Starts moto_server (in memory) on a free port.
   *
   * @throws IllegalStateException if it cannot be found; check {@link #motoAvailable()} first
   */
  public static LocalDynamoDb startMoto() {
    List<String> lookedAt = new ArrayList<>();
    Path moto =
        Executables.motoServer(lookedAt)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "moto_server was not found (looked at "
                            + String.join(", ", lookedAt)
                            + "): install moto[server]"));
    IllegalStateException failure = null;
    // moto cannot be told to pick a port itself: pick one, and try another if it was taken
    // meanwhile.
    for (int attempt = 0; attempt < 3; attempt++) {
      try {
        ServerProcess server =
            ServerProcess.start(
                "moto_server",
                List.of(
                    "/bin/sh",
                    "-c",
                    MOTO_WRAPPER,
                    moto.toString(),
                    Integer.toString(FreePorts.pick())),
                MOTO_READY);
        return new LocalDynamoDb(Kind.MOTO, local(server.port()), server);
      } catch (IllegalStateException e) {
        failure = e;
      }
    }
    throw Objects.requireNonNull(failure);
  }

  /** Uses a server that is already running; {@link #close()} leaves it alone. */
  public static LocalDynamoDb external(URI endpoint) {
    return new LocalDynamoDb(Kind.EXTERNAL, endpoint, null);
  }

  /**
   * The endpoint named by the system property {@value #ENDPOINT_PROPERTY}, else by the environment
   * variable {@value #ENDPOINT_ENV}, if either is set.
   */
  public static Optional<LocalDynamoDb> fromEnvironment() {
    return Optional.ofNullable(System.getProperty(ENDPOINT_PROPERTY))
        .filter(value -> !value.isBlank())
        .or(() -> Optional.ofNullable(System.getenv(ENDPOINT_ENV)).filter(v -> !v.isBlank()))
        .map(value -> external(URI.create(value.strip())));
  }

  /** Which server this is. */
  public Kind kind() {
    return kind;
  }

  /** Where the server listens, for a client's {@code endpointOverride}. */
  public URI endpoint() {
    return endpoint;
  }

  /** Whether the server answers (an external one is assumed to). */
  public boolean isRunning() {
    return process == null || process.isAlive();
  }

  /** The processes this server runs as (its wrapper first); empty for an external one. */
  public List<ProcessHandle> processes() {
    return process == null ? List.of() : process.processes();
  }

  /**
   * A new client of this server, with short time limits (a test should fail fast, not hang); close
   * it when done. Local servers get dummy credentials; an external endpoint gets the SDK's default
   * chain.
   */
  public DynamoDbClient newClient() {
    return DynamoDbClients.builder()
        .endpointOverride(endpoint)
        .apiCallAttemptTimeout(Duration.ofSeconds(5))
        .apiCallTimeout(Duration.ofSeconds(20))
        .build();
  }

  /** Stops the server if this class started it, and waits until it is gone. */
  @Override
  public void close() {
    if (process != null) {
      process.stop();
    }
  }

  @Override
  public String toString() {
    return kind + " at " + endpoint;
  }

  private static URI local(int port) {
    return URI.create("http://127.0.0.1:" + port);
  }
}
