package io.github.botconfig.app.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/botconfig} of a checkout rebuilds its jar when a source of a module it bundles is
 * newer than the jar, and only then. Run as a process in a copy of the checkout's layout, with a
 * {@code mvn} and a {@code java} on the PATH that only record how they were called: nothing is
 * built or started for real.
 */
class LauncherRebuildTest {
  /** bot-app's directory, where Maven runs the tests. */
  private static final Path LAUNCHER = Path.of("..", "bin", "botconfig").toAbsolutePath();

  private static final Instant BUILT = Instant.parse("2026-12-01T12:00:00Z");

  @TempDir Path home;
  private Path jar;
  private Path calls;

  @BeforeEach
  void checkoutWithABuiltJar() throws IOException {
    Files.createDirectories(home.resolve("bin"));
    Files.copy(LAUNCHER, home.resolve("bin/botconfig"));
    Files.setPosixFilePermissions(
        home.resolve("bin/botconfig"), PosixFilePermissions.fromString("rwxr-xr-x"));
    for (String module :
        List.of(
            "config-domain",
            "config-cache",
            "config-dynamodb",
            "bot-application",
            "bot-jda",
            "bot-app")) {
      Path source = home.resolve(module + "/src/main/java/Some.java");
      write(source, "class Some {}", BUILT.minusSeconds(3600));
      write(home.resolve(module + "/pom.xml"), "<project/>", BUILT.minusSeconds(3600));
    }
    write(home.resolve("pom.xml"), "<project/>", BUILT.minusSeconds(3600));
    // Not bundled: a change there must not rebuild the bot's jar.
    write(home.resolve("examples/src/main/java/Example.java"), "class Example {}", BUILT);
    jar = home.resolve("bot-app/target/botconfig.jar");
    write(jar, "the jar", BUILT);
    // The class-data archive is newer than the jar, so the fake java is asked to run only the CLI.
    write(home.resolve("bot-app/target/botconfig.jsa"), "archive", BUILT.plusSeconds(60));
    calls = home.resolve("calls.log");
    Path tools = Files.createDirectories(home.resolve("fake-tools"));
    script(tools.resolve("mvn"), "echo \"mvn $*\" >> " + calls + "\ntouch " + jar);
    // As a JVM that writes the class list it is asked for and cannot dump an archive: the
    // launcher then goes on without one.
    script(
        tools.resolve("java"),
        "echo \"java $*\" >> "
            + calls
            + "\nfor a in \"$@\"; do case \"$a\" in"
            + " -XX:DumpLoadedClassList=*) echo java/lang/Object > \"${a#*=}\" ;;"
            + " -Xshare:dump) exit 1 ;; esac; done");
  }

  @Test
  void aJarNewerThanEverySourceIsRunAsItIs() throws Exception {
    Result result = launch();

    assertThat(result.calls()).noneMatch(call -> call.startsWith("mvn"));
    assertThat(result.calls())
        .anyMatch(call -> call.startsWith("java") && call.endsWith("--version"));
    assertThat(result.stderr()).doesNotContain("rebuilding");
  }

  @Test
  void aSourceNewerThanTheJarRebuildsItWithOneLineSayingWhich() throws Exception {
    write(
        home.resolve("bot-jda/src/main/java/Some.java"),
        "class Some { int changed; }",
        BUILT.plusSeconds(5));

    Result result = launch();

    assertThat(result.calls())
        .anyMatch(call -> call.startsWith("mvn") && call.contains("-pl bot-app -am package"));
    assertThat(result.stderr().lines().filter(line -> line.contains("rebuilding")))
        .containsExactly(
            "botconfig: bot-jda/src/main/java/Some.java is newer than the jar: rebuilding it"
                + " (the full log goes to bot-app/target/build.log)");
    assertThat(result.calls())
        .anyMatch(call -> call.startsWith("java") && call.endsWith("--version"));

    // Built once: the next run starts the new jar without building again.
    Files.delete(calls);
    assertThat(launch().calls()).noneMatch(call -> call.startsWith("mvn"));
  }

  @Test
  void aChangedPomOfABundledModuleRebuildsTheJar() throws Exception {
    write(
        home.resolve("config-cache/pom.xml"),
        "<project><!-- changed --></project>",
        BUILT.plusSeconds(5));

    assertThat(launch().calls()).anyMatch(call -> call.startsWith("mvn"));
  }

  private Result launch() throws IOException, InterruptedException {
    Path stderr = home.resolve("stderr.txt");
    ProcessBuilder builder =
        new ProcessBuilder(home.resolve("bin/botconfig").toString(), "--version")
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(stderr.toFile());
    builder.environment().put("PATH", home.resolve("fake-tools") + ":/usr/bin:/bin");
    // A region: the launcher then installs no local DynamoDB.
    builder.environment().put("AWS_REGION", "eu-west-3");
    Process process = builder.start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("bin/botconfig ends").isTrue();
    assertThat(process.exitValue())
        .as("exit status; stderr: %s", Files.readString(stderr))
        .isZero();
    List<String> recorded = Files.exists(calls) ? Files.readAllLines(calls) : List.of();
    return new Result(recorded, Files.readString(stderr, StandardCharsets.UTF_8));
  }

  private record Result(List<String> calls, String stderr) {}

  private static void write(Path file, String content, Instant modified) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, content, StandardCharsets.UTF_8);
    Files.setLastModifiedTime(file, FileTime.from(modified));
  }

  private static void script(Path file, String body) throws IOException {
    Files.writeString(file, "#!/bin/sh\n" + body + "\n", StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }
}
