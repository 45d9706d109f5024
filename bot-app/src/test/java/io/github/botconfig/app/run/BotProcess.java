package io.github.botconfig.app.run;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * {@code botconfig} as its own process (java -cp &lt;this test's classpath&gt; Main …), its output
 * collected line by line, so a test can wait for a line and send it signals as a service manager
 * would.
 */
final class BotProcess implements AutoCloseable {
  private final Process process;
  private final List<String> lines = new ArrayList<>();
  private final Thread reader;

  private BotProcess(Process process) {
    this.process = process;
    this.reader =
        new Thread(
            () -> {
              try (BufferedReader in =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                  synchronized (lines) {
                    lines.add(line);
                    lines.notifyAll();
                  }
                }
              } catch (IOException e) {
                // The process ended.
              }
            },
            "bot-process-output");
    reader.setDaemon(true);
    reader.start();
  }

  static BotProcess start(Map<String, String> environment, String... args) throws IOException {
    return startMain("io.github.botconfig.app.Main", environment, args);
  }

  /**
   * Runs {@code botconfig} with {@code home} as its botconfig directory (as bin/botconfig gives it:
   * the embedded store's data/ is there).
   */
  static BotProcess startIn(
      java.nio.file.Path home, Map<String, String> environment, String... args) throws IOException {
    List<String> all = new ArrayList<>();
    all.add("-Dbotconfig.home=" + home);
    return launch(all, "io.github.botconfig.app.Main", environment, args);
  }

  /** Runs another main class of this test's classpath (a test driver) the same way. */
  static BotProcess startMain(String mainClass, Map<String, String> environment, String... args)
      throws IOException {
    return launch(List.of(), List.of(), mainClass, environment, args);
  }

  /**
   * Runs {@code botconfig} under {@code wrapper}, a command that runs the rest of its command line
   * in another setting (such as {@code unshare -n}: a network namespace of its own, with no
   * network).
   */
  static BotProcess startWrapped(
      List<String> wrapper, Map<String, String> environment, String... args) throws IOException {
    return launch(wrapper, List.of(), "io.github.botconfig.app.Main", environment, args);
  }

  /**
   * Runs {@code botconfig} in {@code namespace} ({@code ip netns exec}, which then becomes the JVM:
   * signals reach it as they would without).
   */
  static BotProcess startIn(
      NetworkNamespace namespace, Map<String, String> environment, String... args)
      throws IOException {
    return startWrapped(namespace.commandPrefix(), environment, args);
  }

  private static BotProcess launch(
      List<String> jvmOptions, String mainClass, Map<String, String> environment, String... args)
      throws IOException {
    return launch(List.of(), jvmOptions, mainClass, environment, args);
  }

  private static BotProcess launch(
      List<String> wrapper,
      List<String> jvmOptions,
      String mainClass,
      Map<String, String> environment,
      String... args)
      throws IOException {
    List<String> command = new ArrayList<>(wrapper);
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(mainClass);
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().clear();
    builder.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
    builder.environment().putAll(environment);
    return new BotProcess(builder.start());
  }

  /**
   * Waits for a line matching {@code wanted} (at most {@code limit}); fails with the output so far.
   */
  String awaitLine(Predicate<String> wanted, Duration limit) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    synchronized (lines) {
      int seen = 0;
      while (true) {
        for (; seen < lines.size(); seen++) {
          if (wanted.test(lines.get(seen))) {
            return lines.get(seen);
          }
        }
        long left = deadline - System.nanoTime();
        if (left <= 0 || (!process.isAlive() && !reader.isAlive())) {
          throw new AssertionError(
              "no such line within " + limit + "; output:\n" + String.join("\n", lines));
        }
        TimeUnit.NANOSECONDS.timedWait(lines, Math.min(left, TimeUnit.MILLISECONDS.toNanos(200)));
      }
    }
  }

  /** Sends SIGTERM and waits for the exit status. */
  int terminate(Duration limit) throws InterruptedException {
    // Through the handle: Process.destroy() would also close our end of its output, losing its last
    // lines.
    process.toHandle().destroy();
    if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("still running " + limit + " after SIGTERM; output:\n" + output());
    }
    reader.join(limit.toMillis());
    return process.exitValue();
  }

  /** Waits for the process to end by itself and returns its exit status. */
  int awaitExit(Duration limit) throws InterruptedException {
    if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("still running after " + limit + "; output:\n" + output());
    }
    reader.join(limit.toMillis());
    return process.exitValue();
  }

  /** Kills the process outright (SIGKILL: no shutdown hook runs) and waits until it is gone. */
  void kill(Duration limit) throws InterruptedException {
    process.toHandle().destroyForcibly();
    if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("still running " + limit + " after SIGKILL");
    }
    reader.join(limit.toMillis());
  }

  long pid() {
    return process.pid();
  }

  String output() {
    synchronized (lines) {
      return String.join("\n", lines);
    }
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }
}
