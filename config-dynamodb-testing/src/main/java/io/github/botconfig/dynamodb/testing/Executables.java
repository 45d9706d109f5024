package io.github.botconfig.dynamodb.testing;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Finds the programs a local server needs: node and dynalite, or moto_server; installs the pinned
 * dynalite into the user's cache when it is missing and npm is there.
 */
final class Executables {
  static final String DYNALITE_PROPERTY = "botconfig.dynalite";
  static final String DYNALITE_ENV = "BOTCONFIG_DYNALITE";
  static final String MOTO_PROPERTY = "botconfig.moto";
  static final String CACHE_PROPERTY = "botconfig.cache.dir";
  static final String CACHE_ENV = "BOTCONFIG_CACHE_DIR";
  static final String INSTALL_PROPERTY = "botconfig.dynalite.install";

  /** The pinned dynalite (tools/dynalite's package.json and lock), packed into this jar. */
  private static final String PINNED = "dynalite/";

  private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(5);
  private static final Pattern DYNALITE_NAME = Pattern.compile("\"name\"\\s*:\\s*\"dynalite\"");
  private static final Pattern PINNED_VERSION =
      Pattern.compile("\"dynalite\"\\s*:\\s*\"([^\"]+)\"");

  private Executables() {}

  /** The dynalite version this artifact pins (tools/dynalite/package.json). */
  static String pinnedDynaliteVersion() {
    Matcher matcher = PINNED_VERSION.matcher(pinnedFile("package.json"));
    if (!matcher.find()) {
      throw new IllegalStateException("the pinned package.json names no dynalite version");
    }
    return matcher.group(1);
  }

  /**
   * What to do when no server can be started: one sentence naming each way, the first the easiest.
   */
  static String howToGetALocalDynamoDb() {
    return "install Node.js 20+ with npm (tests then install dynalite "
        + pinnedDynaliteVersion()
        + " into "
        + cacheDirectory()
        + " by themselves), or moto (pip install 'moto[server]'), or set "
        + LocalDynamoDb.ENDPOINT_ENV
        + " (or -D"
        + LocalDynamoDb.ENDPOINT_PROPERTY
        + ") to a running DynamoDB-compatible server; -D"
        + DYNALITE_PROPERTY
        + " (or "
        + DYNALITE_ENV
        + ") may name a dynalite package directory";
  }

  /**
   * The dynalite package directory (holding its package.json), or empty with the places looked at:
   * the configured directory if one is (and then only it), else tools/dynalite in this directory or
   * any above it (the botconfig repository), the user's cache, a global install on PATH.
   */
  static Optional<Path> dynalite(List<String> lookedAt) {
    String configured = System.getProperty(DYNALITE_PROPERTY, System.getenv(DYNALITE_ENV));
    if (configured != null && !configured.isBlank()) {
      Path path = Paths.get(configured.strip());
      for (Path candidate : List.of(path, path.resolve("node_modules/dynalite"))) {
        lookedAt.add(candidate.toString());
        if (isDynalitePackage(candidate)) {
          return Optional.of(candidate.toAbsolutePath());
        }
      }
      return Optional.empty();
    }
    for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("tools/dynalite/node_modules/dynalite");
      lookedAt.add(candidate.toString());
      if (isDynalitePackage(candidate)) {
        return Optional.of(candidate);
      }
    }
    Path cached = cachedDynalite(cacheDirectory());
    lookedAt.add(cached.toString());
    if (isDynalitePackage(cached)) {
      return Optional.of(cached);
    }
    Optional<Path> onPath = onPath("dynalite", lookedAt);
    if (onPath.isPresent()) {
      try {
        // A global install links bin/dynalite to .../node_modules/dynalite/cli.js.
        Path packageDir = onPath.get().toRealPath().getParent();
        if (packageDir != null && isDynalitePackage(packageDir)) {
          return Optional.of(packageDir);
        }
      } catch (IOException e) {
        lookedAt.add(onPath.get() + " (unreadable: " + e.getMessage() + ")");
      }
    }
    return Optional.empty();
  }

  /**
   * dynalite as {@link #dynalite} finds it, else installed now into the user's cache when npm is on
   * PATH (and neither a directory is configured nor {@code -Dbotconfig.dynalite.install=false}).
   */
  static Optional<Path> dynaliteOrInstall(List<String> lookedAt) {
    Optional<Path> found = dynalite(lookedAt);
    String configured = System.getProperty(DYNALITE_PROPERTY, System.getenv(DYNALITE_ENV));
    if (found.isPresent()
        || (configured != null && !configured.isBlank())
        || "false".equals(System.getProperty(INSTALL_PROPERTY))) {
      return found;
    }
    return onPath("npm", lookedAt).map(npm -> installDynalite(npm, cacheDirectory()));
  }

  /**
   * Installs the pinned dynalite with {@code npm ci} (the pinned lock file, no install scripts)
   * into {@code cacheDirectory}, unless it is there already; one JVM at a time (a file lock).
   *
   * @return the dynalite package directory
   * @throws IllegalStateException if npm fails, with its output
   */
  static Path installDynalite(Path npm, Path cacheDirectory) {
    Path packageDir = cachedDynalite(cacheDirectory);
    Path home = installHome(cacheDirectory);
    try {
      Files.createDirectories(home);
      try (FileChannel channel =
          FileChannel.open(
              cacheDirectory.resolve(home.getFileName() + ".lock"),
              StandardOpenOption.CREATE,
              StandardOpenOption.WRITE)) {
        FileLock lock = channel.lock(); // released when the channel closes
        try {
          if (isDynalitePackage(packageDir)) {
            return packageDir; // another JVM installed it while this one waited
          }
          for (String file : List.of("package.json", "package-lock.json", ".npmrc")) {
            Files.writeString(home.resolve(file), pinnedFile(file), StandardCharsets.UTF_8);
          }
          runNpmCi(npm, home);
        } finally {
          lock.release();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not install dynalite into " + home, e);
    }
    if (!isDynalitePackage(packageDir)) {
      throw new IllegalStateException(
          "npm ci in " + home + " succeeded but left no dynalite package at " + packageDir);
    }
    return packageDir;
  }

  private static void runNpmCi(Path npm, Path home) throws IOException {
    Path log = Files.createTempFile("botconfig-npm-ci", ".log");
    try {
      System.err.println(
          "[botconfig] installing dynalite " + pinnedDynaliteVersion() + " into " + home);
      Process npmCi =
          new ProcessBuilder(npm.toString(), "ci", "--ignore-scripts", "--no-audit", "--no-fund")
              .directory(home.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      boolean finished = npmCi.waitFor(INSTALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      if (!finished) {
        npmCi.descendants().forEach(ProcessHandle::destroyForcibly);
        npmCi.destroyForcibly();
      }
      if (!finished || npmCi.exitValue() != 0) {
        throw new IllegalStateException(
            "could not install dynalite: "
                + npm
                + " ci in "
                + home
                + (finished
                    ? " exited with " + npmCi.exitValue()
                    : " did not finish within " + INSTALL_TIMEOUT.toMinutes() + " min")
                + "; its output:\n"
                + Files.readString(log, StandardCharsets.UTF_8));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while installing dynalite into " + home, e);
    } finally {
      Files.deleteIfExists(log);
    }
  }

  /**
   * The user's cache of botconfig: {@code -Dbotconfig.cache.dir}, {@code BOTCONFIG_CACHE_DIR},
   * {@code $XDG_CACHE_HOME/botconfig}, or {@code ~/.cache/botconfig}.
   */
  static Path cacheDirectory() {
    String configured = System.getProperty(CACHE_PROPERTY, System.getenv(CACHE_ENV));
    if (configured != null && !configured.isBlank()) {
      return Paths.get(configured.strip()).toAbsolutePath();
    }
    String xdg = System.getenv("XDG_CACHE_HOME");
    if (xdg != null && !xdg.isBlank()) {
      return Paths.get(xdg.strip(), "botconfig").toAbsolutePath();
    }
    return Paths.get(System.getProperty("user.home"), ".cache", "botconfig");
  }

  private static Path installHome(Path cacheDirectory) {
    return cacheDirectory.resolve("dynalite-" + pinnedDynaliteVersion());
  }

  private static Path cachedDynalite(Path cacheDirectory) {
    return installHome(cacheDirectory).resolve("node_modules/dynalite");
  }

  private static String pinnedFile(String name) {
    try (InputStream in = Executables.class.getResourceAsStream(PINNED + name)) {
      if (in == null) {
        throw new IllegalStateException(
            "the pinned dynalite file "
                + name
                + " is missing from config-dynamodb-testing's jar (a broken build)");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Optional<Path> node(List<String> lookedAt) {
    return onPath("node", lookedAt);
  }

  /**
   * moto_server: a system property, PATH, or pyenv's shims (a bare environment may lack them on
   * PATH).
   */
  static Optional<Path> motoServer(List<String> lookedAt) {
    String configured = System.getProperty(MOTO_PROPERTY);
    if (configured != null && !configured.isBlank()) {
      Path path = Paths.get(configured.strip());
      lookedAt.add(path.toString());
      return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
    }
    Optional<Path> onPath = onPath("moto_server", lookedAt);
    if (onPath.isPresent()) {
      return onPath;
    }
    String home = System.getProperty("user.home");
    String pyenvRoot = Optional.ofNullable(System.getenv("PYENV_ROOT")).orElse(home + "/.pyenv");
    Path shim = Paths.get(pyenvRoot, "shims", "moto_server");
    lookedAt.add(shim.toString());
    return Files.isExecutable(shim) ? Optional.of(shim) : Optional.empty();
  }

  static Optional<Path> onPath(String program, List<String> lookedAt) {
    String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
    List<String> dirs = new ArrayList<>(List.of(path.split(Pattern.quote(File.pathSeparator))));
    dirs.add("/usr/local/bin");
    dirs.add("/usr/bin");
    for (String dir : dirs) {
      if (dir.isEmpty()) {
        continue;
      }
      Path candidate = Paths.get(dir, program);
      if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
        return Optional.of(candidate);
      }
    }
    lookedAt.add(program + " on PATH");
    return Optional.empty();
  }

  private static boolean isDynalitePackage(@Nullable Path dir) {
    if (dir == null || !Files.isRegularFile(dir.resolve("index.js"))) {
      return false;
    }
    try {
      return DYNALITE_NAME.matcher(Files.readString(dir.resolve("package.json"))).find();
    } catch (IOException e) {
      return false;
    }
  }
}
