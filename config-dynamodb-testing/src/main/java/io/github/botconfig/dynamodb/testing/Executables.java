package io.github.botconfig.dynamodb.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Finds the programs a local server needs: node and dynalite, or moto_server. */
final class Executables {
  static final String DYNALITE_PROPERTY = "botconfig.dynalite";
  static final String DYNALITE_ENV = "BOTCONFIG_DYNALITE";
  static final String MOTO_PROPERTY = "botconfig.moto";
  static final String HOW_TO_INSTALL_DYNALITE =
      "install it with `npm ci --ignore-scripts --prefix tools/dynalite` in the botconfig repository (Node.js 20+; `mvn verify`"
          + " does it when tools/dynalite/node_modules is missing), or `npm install -g dynalite@4.0.0`; or point"
          + " -D"
          + DYNALITE_PROPERTY
          + " (or "
          + DYNALITE_ENV
          + ") at the dynalite package directory; or set"
          + " DYNAMODB_ENDPOINT to a running DynamoDB-compatible server";

  private static final Pattern DYNALITE_NAME = Pattern.compile("\"name\"\\s*:\\s*\"dynalite\"");

  private Executables() {}

  /**
   * The dynalite package directory (holding its package.json), or empty with the places looked at.
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
