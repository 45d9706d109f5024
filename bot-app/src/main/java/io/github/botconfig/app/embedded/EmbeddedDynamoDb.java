package io.github.botconfig.app.embedded;

import io.github.botconfig.domain.StoreUnavailableException;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default store: one dynalite server per {@code <home>/data}, shared by every
 * botconfig process of that home (a bot in one terminal, commands in others, a cron job), and
 * started by the first of them that needs it.
 *
 * <p>The server outlives the command that started it (so the next command finds it running, and no
 * process's exit takes the database from another) and stops by itself once nobody needs it: no
 * request for the idle time, and no live bot ({@link BotLock}). Its address and pid are in {@code
 * data/dynalite.address}; deciding whether to start one happens under {@code data/server.lock}, so
 * commands started together share one server instead of racing to start several on the same files.
 * The server runs with a minimal environment (nothing of this process's secrets), in a {@code
 * data/} only its user can read.
 *
 * <p>Thread-safe.
 */
public final class EmbeddedDynamoDb {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDynamoDb.class);
  private static final Duration START_LIMIT = Duration.ofSeconds(30);
  private static final String SCRIPT = "embedded-server.js";
  static final String ADDRESS_FILE = "dynalite.address";

  /** Orders the threads of this JVM: a file lock is held per process, not per thread. */
  private static final Object IN_PROCESS = new Object();

  private final URI endpoint;
  private final long pid;
  private final boolean started;

  private EmbeddedDynamoDb(URI endpoint, long pid, boolean started) {
    this.endpoint = endpoint;
    this.pid = pid;
    this.started = started;
  }

  /**
   * Attaches to the server of {@code home}, starting it if none runs.
   *
   * @param home the botconfig directory: holds {@code tools/dynalite} and receives {@code data/}
   * @param idleStop how long a server this call starts keeps running with no request and no bot
   * @throws StoreUnavailableException naming the cause: {@code data/} unusable, Node.js or dynalite
   *     missing, the address file naming a host other than loopback, the server not starting
   */
  public static EmbeddedDynamoDb attach(Path home, Duration idleStop) {
    Path data = DataDirectory.prepare(home);
    synchronized (IN_PROCESS) {
      try (FileChannel channel =
              FileChannel.open(
                  DataDirectory.ownerOnlyFile(data.resolve("server.lock")),
                  StandardOpenOption.READ,
                  StandardOpenOption.WRITE);
          FileLock lock = lockWithin(channel, data)) {
        EmbeddedDynamoDb attached = attachLocked(home, data, idleStop);
        // Under the lock: the server cannot decide to stop between this attach and the lease.
        lease(data);
        lock.release();
        return attached;
      } catch (IOException e) {
        throw DataDirectory.unusable(
            data, "has no usable server.lock (" + DataDirectory.reason(e) + ")");
      }
    }
  }

  /**
   * Says that this process no longer uses the server (its lease, {@code data/clients/PID}, goes):
   * once no process uses it and it has been idle, it stops. A process that ends without calling
   * this leaves a lease that counts no more once the process is gone.
   */
  public static void release(Path home) {
    try {
      Files.deleteIfExists(
          home.resolve("data/clients").resolve(Long.toString(ProcessHandle.current().pid())));
    } catch (IOException e) {
      // It counts no more once this process is gone.
    }
  }

  private static void lease(Path data) throws IOException {
    Path clients = data.resolve("clients");
    if (!Files.isDirectory(clients)) {
      Files.createDirectories(
          clients,
          java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
              DataDirectory.OWNER_ONLY_DIRECTORY));
    }
    DataDirectory.ownerOnlyFile(clients.resolve(Long.toString(ProcessHandle.current().pid())));
  }

  /** Where the server answers. */
  public URI endpoint() {
    return endpoint;
  }

  /** The server's process id. */
  public long pid() {
    return pid;
  }

  /** Whether this call started the server (rather than finding it running). */
  public boolean started() {
    return started;
  }

  private static EmbeddedDynamoDb attachLocked(Path home, Path data, Duration idleStop) {
    Path addressFile = data.resolve(ADDRESS_FILE);
    long deadline = System.nanoTime() + START_LIMIT.toNanos();
    while (true) {
      Optional<Address> address = Address.read(addressFile);
      if (address.isEmpty()) {
        break;
      }
      Address running = address.get();
      boolean alive = running.pid.isEmpty() || isOurServer(running.pid.getAsLong());
      if (alive && answers(running.endpoint)) {
        LOG.debug("Using the embedded DynamoDB at {}", running.endpoint);
        return new EmbeddedDynamoDb(running.endpoint, running.pid.orElse(0), false);
      }
      if (!alive || running.pid.isEmpty()) {
        // Its server is gone (killed, crashed, the machine restarted): nothing to wait for.
        deleteIfUnchanged(addressFile, running);
        break;
      }
      // Alive but not answering: stopping (its files are still in use) or busy. Wait for it.
      if (System.nanoTime() > deadline) {
        throw new StoreUnavailableException(
            "the embedded DynamoDB (pid "
                + running.pid.getAsLong()
                + ") neither answers at "
                + running.endpoint
                + " nor stops; stop it (kill "
                + running.pid.getAsLong()
                + ") and try again");
      }
      sleep(50);
    }
    return start(home, data, idleStop);
  }

  private static EmbeddedDynamoDb start(Path home, Path data, Duration idleStop) {
    Path dynalite = home.resolve("tools/dynalite/node_modules/dynalite");
    if (!Files.isRegularFile(dynalite.resolve("index.js"))) {
      throw new StoreUnavailableException(
          "no AWS configuration, and the embedded local DynamoDB (dynalite) is not installed: run"
              + " 'npm ci --prefix "
              + home.resolve("tools/dynalite")
              + "' (Node.js 20+), or set AWS_REGION to use"
              + " real DynamoDB, or AWS_ENDPOINT_URL_DYNAMODB for another server");
    }
    DataDirectory.restrict(data);
    Path log = data.resolve("dynalite.log");
    Path script = data.resolve(SCRIPT);
    long logStart;
    Process process;
    try {
      writeScript(script);
      logStart = Files.size(DataDirectory.ownerOnlyFile(log));
      ProcessBuilder builder =
          new ProcessBuilder(
                  List.of(
                      "node",
                      script.toString(),
                      dynalite.toString(),
                      data.toString(),
                      Long.toString(Math.max(1, idleStop.toMillis()))))
              .directory(data.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
              .redirectErrorStream(true)
              // Appended: a log of earlier servers is never overwritten.
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      minimalEnvironment(builder);
      process = builder.start();
    } catch (IOException e) {
      String reason = DataDirectory.reason(e);
      throw new StoreUnavailableException(
          reason.contains("\"node\"")
              ? "Node.js (node) is not on PATH, and the embedded local DynamoDB runs on it: install"
                  + " Node.js 20+, or set AWS_REGION to use real DynamoDB"
              : "could not start the embedded local DynamoDB in " + data + ": " + reason,
          e);
    }
    URI endpoint = awaitAddress(process, data.resolve(ADDRESS_FILE), log, logStart);
    LOG.info(
        "Started the embedded DynamoDB (dynalite) at {}, pid {}, data in {}; it stops after {} with"
            + " no request and no bot",
        endpoint,
        process.pid(),
        data.resolve("dynalite"),
        idleStop);
    return new EmbeddedDynamoDb(endpoint, process.pid(), true);
  }

  /**
   * Only what Node.js needs to run: the server must not hold this process's secrets (the Discord
   * token, AWS keys), which any process of the same user could read in {@code /proc/PID/environ}.
   */
  static void minimalEnvironment(ProcessBuilder builder) {
    String path = System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
    builder.environment().clear();
    builder.environment().put("PATH", path);
    builder.environment().put("LANG", "C.UTF-8");
  }

  private static URI awaitAddress(Process process, Path addressFile, Path log, long logStart) {
    long deadline = System.nanoTime() + START_LIMIT.toNanos();
    while (true) {
      Optional<Address> address = Address.read(addressFile);
      if (address.isPresent()
          && address.get().pid.equals(OptionalLong.of(process.pid()))
          && answers(address.get().endpoint)) {
        return address.get().endpoint;
      }
      if (!process.isAlive()) {
        throw new StoreUnavailableException(
            "the embedded local DynamoDB (dynalite) exited at start with status "
                + process.exitValue()
                + ": "
                + linesSince(log, logStart));
      }
      if (System.nanoTime() > deadline) {
        process.destroyForcibly();
        throw new StoreUnavailableException(
            "the embedded local DynamoDB (dynalite) did not start within "
                + START_LIMIT.toSeconds()
                + " s: "
                + linesSince(log, logStart));
      }
      sleep(20);
    }
  }

  private static void writeScript(Path script) throws IOException {
    byte[] wanted;
    try (InputStream in = EmbeddedDynamoDb.class.getResourceAsStream(SCRIPT)) {
      if (in == null) {
        throw new IOException("the jar lacks " + SCRIPT);
      }
      wanted = in.readAllBytes();
    }
    if (Files.isRegularFile(script) && Arrays.equals(Files.readAllBytes(script), wanted)) {
      return;
    }
    Path temporary = script.resolveSibling(SCRIPT + "." + ProcessHandle.current().pid());
    Files.deleteIfExists(temporary);
    Files.write(DataDirectory.ownerOnlyFile(temporary), wanted);
    Files.move(temporary, script, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  private static FileLock lockWithin(FileChannel channel, Path data) throws IOException {
    long deadline = System.nanoTime() + START_LIMIT.toNanos();
    while (true) {
      FileLock lock = channel.tryLock();
      if (lock != null) {
        return lock;
      }
      if (System.nanoTime() > deadline) {
        throw new StoreUnavailableException(
            "another botconfig process has been starting the embedded DynamoDB in "
                + data
                + " for "
                + START_LIMIT.toSeconds()
                + " s; see "
                + data.resolve("dynalite.log"));
      }
      sleep(20);
    }
  }

  /** Whether {@code pid} is alive and is an embedded server (not a process that reused its pid). */
  private static boolean isOurServer(long pid) {
    return ProcessHandle.of(pid)
        .filter(ProcessHandle::isAlive)
        .map(p -> p.info().commandLine().map(c -> c.contains(SCRIPT)).orElse(true))
        .orElse(false);
  }

  private static void deleteIfUnchanged(Path addressFile, Address stale) {
    try {
      if (Address.read(addressFile).equals(Optional.of(stale))) {
        Files.delete(addressFile);
      }
    } catch (IOException e) {
      // Removed meanwhile: the same outcome.
    }
  }

  static boolean answers(URI endpoint) {
    try (Socket socket = new Socket()) {
      socket.connect(
          new InetSocketAddress(InetAddress.getByName(endpoint.getHost()), endpoint.getPort()),
          200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreUnavailableException(
          "interrupted while waiting for the embedded local DynamoDB", e);
    }
  }

  private static String linesSince(Path log, long offset) {
    try {
      byte[] all = Files.readAllBytes(log);
      String text =
          new String(
                  all,
                  (int) Math.min(offset, all.length),
                  (int) (all.length - Math.min(offset, all.length)),
                  StandardCharsets.UTF_8)
              .strip();
      List<String> lines = text.lines().toList();
      return lines.isEmpty()
          ? "(no output; see " + log + ")"
          : String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
    } catch (IOException e) {
      return "(no output; see " + log + ")";
    }
  }

  /** What {@code data/dynalite.address} says: the endpoint and, since this version, the pid. */
  record Address(URI endpoint, OptionalLong pid) {
    static Optional<Address> read(Path file) {
      List<String> lines;
      try {
        lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      } catch (IOException e) {
        return Optional.empty();
      }
      if (lines.isEmpty() || lines.get(0).isBlank()) {
        return Optional.empty();
      }
      URI endpoint;
      try {
        endpoint = URI.create(lines.get(0).strip());
      } catch (IllegalArgumentException e) {
        throw new StoreUnavailableException(
            file + " does not hold a URL: '" + lines.get(0).strip() + "'; remove it");
      }
      String host = endpoint.getHost() == null ? "" : endpoint.getHost().toLowerCase(Locale.ROOT);
      if (!(host.equals("127.0.0.1") || host.equals("[::1]") || host.equals("localhost"))
          || !"http".equals(endpoint.getScheme())
          || endpoint.getPort() <= 0) {
        throw new StoreUnavailableException(
            file
                + " names '"
                + endpoint
                + "', not a server on this machine's loopback address: botconfig never writes"
                + " that, so it is not used; remove the file (the next command starts the"
                + " embedded server)");
      }
      OptionalLong pid = OptionalLong.empty();
      if (lines.size() > 1 && lines.get(1).strip().matches("[0-9]{1,10}")) {
        pid = OptionalLong.of(Long.parseLong(lines.get(1).strip()));
      }
      return Optional.of(new Address(endpoint, pid));
    }
  }

  /**
   * Stops the server of {@code home} and waits until it is gone, if one runs (tests, which must not
   * leave servers behind; an operator uses kill).
   */
  public static void stop(Path home) {
    Optional<Address> address;
    try {
      address = Address.read(home.resolve("data").resolve(ADDRESS_FILE));
    } catch (StoreUnavailableException e) {
      return; // not an address of ours: nothing of ours to stop
    }
    if (address.isPresent() && address.get().pid.isPresent()) {
      Optional<ProcessHandle> process = ProcessHandle.of(address.get().pid.getAsLong());
      if (process.isPresent()) {
        process.get().destroy();
        process.get().onExit().orTimeout(10, TimeUnit.SECONDS).handle((p, e) -> p).join();
      }
    }
  }
}
