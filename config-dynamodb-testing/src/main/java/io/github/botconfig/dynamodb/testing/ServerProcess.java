package io.github.botconfig.dynamodb.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server process started for tests, which dies with the JVM that started it.
 *
 * <p>Each server runs under a wrapper that exits, taking the server with it, when its standard
 * input closes: the JVM holds that pipe open, so when the JVM exits — normally, by a signal, or
 * killed outright — the pipe closes and the server goes. A shutdown hook and {@link #stop()} close
 * it earlier and make sure of the rest.
 *
 * <p>Thread-safe.
 */
final class ServerProcess {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);
  private static final int OUTPUT_LINES_KEPT = 40;

  private final String name;
  private final Process process;
  private final int port;
  private final Thread shutdownHook;

  private ServerProcess(String name, Process process, int port) {
    this.name = name;
    this.process = process;
    this.port = port;
    this.shutdownHook = new Thread(this::stopQuietly, "botconfig-stop-" + name);
  }

  /**
   * Starts {@code command} and waits until a line of its output matches {@code ready}, whose first
   * group is the port it listens on.
   */
  static ServerProcess start(String name, List<String> command, Pattern ready) {
    Process process;
    try {
      process = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new IllegalStateException(
          "could not start " + name + " (" + String.join(" ", command) + "): " + e.getMessage(), e);
    }
    Deque<String> lines = new ArrayDeque<>();
    CompletableFuture<Integer> port = new CompletableFuture<>();
    Thread reader =
        new Thread(() -> drain(process, ready, lines, port), "botconfig-output-" + name);
    reader.setDaemon(true);
    reader.start();
    // If the server exits before it says its port, the wait below fails at once; nothing else
    // waits on this stage, so its own result is not needed.
    CompletableFuture<Void> unused =
        process
            .onExit()
            .thenRun(
                () ->
                    port.completeExceptionally(
                        new IllegalStateException("exited with " + process.exitValue())));
    try {
      int listening = port.get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      ServerProcess server = new ServerProcess(name, process, listening);
      Runtime.getRuntime().addShutdownHook(server.shutdownHook);
      return server;
    } catch (ExecutionException | TimeoutException e) {
      destroyTree(process);
      String why =
          e instanceof TimeoutException
              ? "did not start within " + START_TIMEOUT.toSeconds() + " s"
              : String.valueOf(Objects.requireNonNullElse(e.getCause(), e).getMessage());
      throw new IllegalStateException(
          name + " " + why + " (" + String.join(" ", command) + "); its output:\n" + joined(lines),
          e);
    } catch (InterruptedException e) {
      destroyTree(process);
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting " + name, e);
    }
  }

  int port() {
    return port;
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** The process and every process it started, for tests that check nothing is left behind. */
  List<ProcessHandle> processes() {
    List<ProcessHandle> all = new ArrayList<>();
    all.add(process.toHandle());
    process.descendants().forEach(all::add);
    return all;
  }

  /** Stops the server and its wrapper; waits until they are gone. */
  void stop() {
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // The JVM is already shutting down: the hook is what called us.
    }
    stopQuietly();
  }

  private void stopQuietly() {
    List<ProcessHandle> tree = processes();
    try {
      process.getOutputStream().close(); // the wrapper's cue to stop its server
    } catch (IOException e) {
      // Already closed.
    }
    for (ProcessHandle handle : tree) {
      try {
        handle.onExit().get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException | ExecutionException e) {
        handle.destroyForcibly();
      } catch (InterruptedException e) {
        handle.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }

  private static void destroyTree(Process process) {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }

  /**
   * Reads the output for ever (a full pipe would block the server); keeps the last lines for
   * diagnostics.
   */
  private static void drain(
      Process process, Pattern ready, Deque<String> lines, CompletableFuture<Integer> port) {
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        synchronized (lines) {
          lines.addLast(line);
          if (lines.size() > OUTPUT_LINES_KEPT) {
            lines.removeFirst();
          }
        }
        Matcher matcher = ready.matcher(line);
        if (!port.isDone() && matcher.find()) {
          port.complete(Integer.parseInt(matcher.group(1)));
        }
      }
    } catch (IOException e) {
      port.completeExceptionally(new UncheckedIOException(e));
    }
  }

  private static String joined(Deque<String> lines) {
    synchronized (lines) {
      return lines.isEmpty() ? "(nothing)" : String.join("\n", lines);
    }
  }

  @Override
  public String toString() {
    return name + " (pid " + process.pid() + ", port " + port + ")";
  }
}
