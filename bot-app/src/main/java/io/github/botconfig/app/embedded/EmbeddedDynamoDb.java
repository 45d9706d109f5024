package io.github.botconfig.app.embedded;

import io.github.botconfig.domain.StoreUnavailableException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A dynalite server persisted under {@code <home>/data/dynalite}, started on a free 127.0.0.1 port
 * — or the one another botconfig process of the same home already runs (a bot in one terminal, the
 * CLI in another): its address is kept in {@code data/dynalite.address}.
 *
 * <p>A server this process started is stopped by {@link #close()}; one it reused is left running
 * for its owner.
 */
public final class EmbeddedDynamoDb implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDynamoDb.class);
  private static final Duration START_LIMIT = Duration.ofSeconds(30);

  private final URI endpoint;
  private final @Nullable Process process;
  private final Path addressFile;

  private EmbeddedDynamoDb(URI endpoint, @Nullable Process process, Path addressFile) {
    this.endpoint = endpoint;
    this.process = process;
    this.addressFile = addressFile;
  }

  /**
   * Reuses the server of {@code home} if one answers, or starts one.
   *
   * @param home the botconfig directory: holds {@code tools/dynalite} and receives {@code data/}
   * @throws StoreUnavailableException saying what to install when Node.js or dynalite is missing,
   *     or why the server did not start
   */
  public static EmbeddedDynamoDb startOrReuse(Path home) {
    Path data = home.resolve("data");
    Path addressFile = data.resolve("dynalite.address");
    Optional<URI> running = runningServer(addressFile);
    if (running.isPresent()) {
      LOG.info("Using the embedded DynamoDB already running at {}", running.get());
      return new EmbeddedDynamoDb(running.get(), null, addressFile);
    }
    Path cli = home.resolve("tools/dynalite/node_modules/dynalite/cli.js");
    if (!Files.isRegularFile(cli)) {
      throw new StoreUnavailableException(
          "no AWS configuration, and the embedded local DynamoDB (dynalite) is not installed: run"
              + " 'npm ci --prefix "
              + home.resolve("tools/dynalite")
              + "' (Node.js 20+), or set AWS_REGION to use"
              + " real DynamoDB, or AWS_ENDPOINT_URL_DYNAMODB for another server");
    }
    int port = freePort();
    Path dataDir = data.resolve("dynalite");
    Process process;
    try {
      Files.createDirectories(dataDir);
      process =
          new ProcessBuilder(
                  List.of(
                      "node",
                      cli.toString(),
                      "--host",
                      "127.0.0.1",
                      "--port",
                      Integer.toString(port),
                      "--path",
                      dataDir.toString(),
                      "--createTableMs",
                      "0"))
              .redirectErrorStream(true)
              .redirectOutput(data.resolve("dynalite.log").toFile())
              .start();
    } catch (IOException e) {
      throw new StoreUnavailableException(
          "could not start the embedded local DynamoDB: "
              + e.getMessage()
              + " (it needs Node.js 20+ on PATH; or set AWS_REGION to use real DynamoDB)",
          e);
    }
    URI endpoint = URI.create("http://127.0.0.1:" + port);
    waitUntilAnswering(process, port, data.resolve("dynalite.log"));
    try {
      Files.writeString(addressFile, endpoint + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      process.destroy();
      throw new UncheckedIOException(e);
    }
    LOG.info("Started the embedded DynamoDB (dynalite) at {}, data in {}", endpoint, dataDir);
    return new EmbeddedDynamoDb(endpoint, process, addressFile);
  }

  /** Where the server answers. */
  public URI endpoint() {
    return endpoint;
  }

  /** Whether this process started the server (and will stop it). */
  public boolean owned() {
    return process != null;
  }

  @Override
  public void close() {
    if (process == null) {
      return;
    }
    try {
      if (Files.readString(addressFile, StandardCharsets.UTF_8)
          .strip()
          .equals(endpoint.toString())) {
        Files.delete(addressFile);
      }
    } catch (IOException e) {
      // Another process may have replaced or removed it: not ours to clean then.
    }
    process.destroy();
    try {
      if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  private static Optional<URI> runningServer(Path addressFile) {
    try {
      URI endpoint = URI.create(Files.readString(addressFile, StandardCharsets.UTF_8).strip());
      return answers(endpoint.getPort()) ? Optional.of(endpoint) : Optional.empty();
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static void waitUntilAnswering(Process process, int port, Path log) {
    long deadline = System.nanoTime() + START_LIMIT.toNanos();
    while (!answers(port)) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        process.destroyForcibly();
        throw new StoreUnavailableException(
            "the embedded local DynamoDB (dynalite) did not start within "
                + START_LIMIT.toSeconds()
                + " s: "
                + lastLines(log));
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
        throw new StoreUnavailableException(
            "interrupted while starting the embedded local DynamoDB", e);
      }
    }
  }

  private static boolean answers(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String lastLines(Path log) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return lines.isEmpty()
          ? "(no output)"
          : String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
    } catch (IOException e) {
      return "(no output)";
    }
  }
}
