package io.github.botconfig.app.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code data/} the user cannot use, as a user meets it: {@code botconfig channels list} run as
 * its own process by a user other than the directory's owner says what is wrong with the directory
 * and how to give it back, in one line, exit 3 — never "needs Node.js" or "Cannot run program".
 *
 * <p>The tests run as root here, whom no permission stops: each command runs as {@code nobody}
 * ({@code setpriv}), from a copy of the packaged jar and its {@code lib/} in a directory nobody may
 * read (the checkout itself may lie below a directory only root may enter, as a fresh clone in a
 * {@code mktemp -d} does). Skipped, saying why, where that is impossible.
 */
class DataDirectoryPermissionsIT {
  private static final int NOBODY = 65534;

  @TempDir Path tmp;
  private Path home;
  private Path jar;

  @BeforeEach
  void homeNobodyCanReach() throws IOException {
    assumeTrue(
        "root".equals(System.getProperty("user.name")),
        "runs only as root: it needs to run a command as another user (nobody)");
    assumeTrue(
        Files.isExecutable(Path.of("/usr/bin/setpriv")),
        "needs setpriv (util-linux) to run a command as nobody");
    Path packaged =
        Path.of(System.getProperty("botconfig.jar", "target/botconfig.jar")).toAbsolutePath();
    assumeTrue(
        Files.isRegularFile(packaged), "needs the packaged jar " + packaged + " (mvn package)");
    jar = readableByNobody(packaged);
    home = Files.createDirectory(tmp.resolve("home"));
    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path tools = Files.createDirectories(home.resolve("tools"));
    Files.createSymbolicLink(
        tools.resolve("dynalite"), Path.of("..", "tools", "dynalite").toAbsolutePath().normalize());
  }

  /**
   * A copy of the jar and of the {@code lib/} beside it (its manifest's class path) under {@code
   * tmp}, every directory on the way readable by all.
   */
  private Path readableByNobody(Path packaged) throws IOException {
    Path app = Files.createDirectory(tmp.resolve("app"));
    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.setPosixFilePermissions(app, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path copy = Files.copy(packaged, app.resolve(packaged.getFileName()));
    Path lib = packaged.resolveSibling("lib");
    if (Files.isDirectory(lib)) {
      Path libCopy = Files.createDirectory(app.resolve("lib"));
      Files.setPosixFilePermissions(libCopy, PosixFilePermissions.fromString("rwxr-xr-x"));
      try (Stream<Path> jars = Files.list(lib)) {
        for (Path dependency : (Iterable<Path>) jars::iterator) {
          Files.copy(dependency, libCopy.resolve(dependency.getFileName()));
        }
      }
    }
    return copy;
  }

  private record Result(int code, String output) {}

  /** {@code botconfig channels list} on the embedded store of {@code home}, as nobody. */
  private Result channelsListAsNobody() throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                "/usr/bin/setpriv",
                "--reuid=" + NOBODY,
                "--regid=" + NOBODY,
                "--clear-groups",
                "--",
                ProcessHandle.current().info().command().orElse("java"),
                "-Dbotconfig.home=" + home,
                "-jar",
                jar.toString(),
                "channels",
                "list"));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().clear();
    builder.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
    builder.environment().put("HOME", "/nonexistent");
    Process process = builder.start();
    byte[] output = process.getInputStream().readAllBytes();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
  }

  private static void assertOneErrorLine(Result result, String expected) {
    assertThat(result.code()).as(result.output()).isEqualTo(3);
    assertThat(result.output().lines().filter(line -> line.startsWith("error: ")))
        .as(result.output())
        .containsExactly(expected);
    assertThat(result.output())
        .doesNotContain("Node.js")
        .doesNotContain("Cannot run program")
        .doesNotContain("\tat ");
  }

  /** What a {@code data/} of root's with {@code mode} is said as to nobody. */
  private static String notUsable(Path data, String mode) {
    return "error: the embedded DynamoDB's directory "
        + data
        + " is not readable and writable by this user (owner root, mode "
        + mode
        + "); give it back to the user botconfig runs as: chown -R \"$(id -un)\" "
        + data
        + " && chmod 700 "
        + data;
  }

  @Test
  void anUnreadableDataDirectoryIsNamedWithItsOwnerAndModeAndHowToGiveItBack() throws Exception {
    Path data = Files.createDirectory(home.resolve("data"));
    Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx------"));

    assertOneErrorLine(channelsListAsNobody(), notUsable(data, "rwx------"));
  }

  @Test
  void aDataDirectoryThatIsNotWritableIsNamedAsSuch() throws Exception {
    Path data = Files.createDirectory(home.resolve("data"));
    Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("r-xr-xr-x"));

    assertOneErrorLine(channelsListAsNobody(), notUsable(data, "r-xr-xr-x"));
  }

  @Test
  void aHomeWhereDataCannotBeCreatedIsNamedWithTheSystemsReason() throws Exception {
    // home stays root's 0755: nobody may enter it but not create data/ in it.
    Result result = channelsListAsNobody();

    assertOneErrorLine(
        result,
        "error: the embedded DynamoDB's directory "
            + home.resolve("data")
            + " cannot be created (AccessDenied: "
            + home.resolve("data")
            + ")");
  }
}
