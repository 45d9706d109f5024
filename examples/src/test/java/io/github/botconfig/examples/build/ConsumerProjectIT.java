package io.github.botconfig.examples.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A project of another team, as the READMEs tell it to be written: examples/consumer/pom.xml with
 * the examples' sources, built by Maven offline, in a local repository of its own, where the only
 * place botconfig's artifacts can come from is the repository this build staged. A missing
 * artifact, POM or piece of metadata fails here.
 */
class ConsumerProjectIT {
  private static final List<String> LIBRARIES =
      List.of("config-domain", "config-cache", "config-dynamodb", "config-dynamodb-testing");
  private static final Path ROOT = ReadmeSnippetsTest.ROOT;
  private static final Path WORK = ROOT.resolve("examples/target/consumer");

  private static Path staged;
  private static String version;

  @BeforeAll
  static void stagedRepository() {
    staged = Path.of(System.getProperty("botconfig.staging.repository")).normalize();
    version = System.getProperty("botconfig.version");
    assumeTrue(
        Files.isDirectory(staged.resolve("io/github/botconfig")),
        "no staged repository at "
            + staged
            + ": an offline build (mvn -o) stages nothing (Maven's deploy plugin refuses offline"
            + " mode); build online to run the consumer test");
  }

  @Test
  void everyLibraryIsStagedWithSourcesJavadocLicenceAndChecksums() throws Exception {
    List<String> missing = new ArrayList<>();
    for (String library : LIBRARIES) {
      Path dir = staged.resolve("io/github/botconfig/" + library + "/" + version);
      for (String suffix : List.of(".pom", ".jar", "-sources.jar", "-javadoc.jar")) {
        Path file = newest(dir, library, suffix);
        if (file == null) {
          missing.add(library + suffix);
          continue;
        }
        checksums(file, missing);
        if (suffix.endsWith(".jar")) {
          try (ZipFile jar = new ZipFile(file.toFile())) {
            if (jar.getEntry("META-INF/LICENSE") == null) {
              missing.add(file.getFileName() + "!META-INF/LICENSE");
            }
          }
        }
        if (suffix.equals(".pom")) {
          String pom = Files.readString(file, StandardCharsets.UTF_8);
          for (String element : List.of("<name>", "<description>", "<parent>")) {
            if (!pom.contains(element)) {
              missing.add(file.getFileName() + " " + element);
            }
          }
        }
      }
    }
    // The libraries inherit url, licences, scm and developers from the parent, staged with them.
    for (String pomOf : List.of("botconfig-parent", "botconfig-bom")) {
      Path pom =
          newest(staged.resolve("io/github/botconfig/" + pomOf + "/" + version), pomOf, ".pom");
      if (pom == null) {
        missing.add(pomOf + ".pom");
        continue;
      }
      checksums(pom, missing);
      String text = Files.readString(pom, StandardCharsets.UTF_8);
      for (String element :
          List.of("<url>", "<licenses>", "<name>Apache-2.0</name>", "<scm>", "<developers>")) {
        if (!text.contains(element)) {
          missing.add(pom.getFileName() + " " + element);
        }
      }
    }
    assertThat(missing).as("missing from the staged repository " + staged).isEmpty();
  }

  @Test
  void aConsumerProjectBuildsAndRunsItsTestsAgainstTheStagedRepositoryOnly() throws Exception {
    Path project = freshProject();
    Path localRepository = WORK.resolve("local-repository");
    Path settings = WORK.resolve("settings.xml");
    Files.writeString(settings, settings(thirdPartyRepository(), localRepository));
    Path log = WORK.resolve("build.log");

    Process maven =
        new ProcessBuilder(
                mavenExecutable(),
                "-B",
                "-o",
                "-s",
                settings.toString(),
                "-Daether.offline.protocols=file",
                "-Dbotconfig.version=" + version,
                "-Dbotconfig.dynalite=" + ROOT.resolve("tools/dynalite"),
                "verify")
            .directory(project.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    boolean finished = maven.waitFor(10, TimeUnit.MINUTES);
    if (!finished) {
      maven.descendants().forEach(ProcessHandle::destroyForcibly);
      maven.destroyForcibly();
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);

    assertThat(finished).as("the consumer build finished within 10 minutes; " + log).isTrue();
    assertThat(maven.exitValue())
        .as("the consumer build's exit code; its output:\n" + output)
        .isZero();
    assertThat(output)
        .containsPattern(
            "Tests run: [1-9][0-9]+, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: [^\\n]* in"
                + " io.github.botconfig.examples.AuditedConfigStoreTest")
        .containsPattern(
            "Tests run: 2, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: [^\\n]* in"
                + " io.github.botconfig.examples.StoreOnLocalDynamoDbIT")
        .containsPattern(
            "Tests run: 2, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: [^\\n]* in"
                + " io.github.botconfig.examples.PinChannelTest")
        .containsPattern(
            "Tests run: 4, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: [^\\n]* in"
                + " io.github.botconfig.examples.WelcomeBotIT")
        .contains("BUILD SUCCESS");
    try (Stream<Path> files = Files.walk(localRepository.resolve("io/github/botconfig"))) {
      List<Path> origins =
          files.filter(f -> f.getFileName().toString().equals("_remote.repositories")).toList();
      assertThat(origins).isNotEmpty();
      for (Path origin : origins) {
        assertThat(Files.readString(origin))
            .as("where %s came from", origin.getParent())
            .contains(">botconfig-staging=");
      }
    }
  }

  /** examples/consumer/pom.xml and the examples (not this module's own build checks). */
  private static Path freshProject() throws IOException {
    Path project = WORK.resolve("my-bot");
    deleteRecursively(WORK);
    Files.createDirectories(project);
    Files.copy(ROOT.resolve("examples/consumer/pom.xml"), project.resolve("pom.xml"));
    Path sources = ROOT.resolve("examples/src");
    try (Stream<Path> files = Files.walk(sources)) {
      for (Path file :
          files
              .filter(f -> f.toString().endsWith(".java"))
              .filter(f -> !f.toString().contains("/examples/build/"))
              .toList()) {
        Path target = project.resolve("src").resolve(sources.relativize(file).toString());
        Files.createDirectories(target.getParent());
        Files.copy(file, target);
      }
    }
    return project;
  }

  /**
   * The user's local repository as a remote one, less botconfig's own artifacts: links to every
   * group directory but io/github/botconfig.
   */
  private static Path thirdPartyRepository() throws IOException {
    Path source = Path.of(System.getProperty("botconfig.local.repository"));
    Path mirror = WORK.resolve("third-party-repository");
    link(source, mirror, List.of("io", "github", "botconfig"));
    return mirror;
  }

  private static void link(Path source, Path mirror, List<String> excluded) throws IOException {
    Files.createDirectories(mirror);
    try (Stream<Path> entries = Files.list(source)) {
      for (Path entry : entries.toList()) {
        String name = entry.getFileName().toString();
        if (!excluded.isEmpty() && name.equals(excluded.get(0))) {
          if (excluded.size() > 1) {
            link(entry, mirror.resolve(name), excluded.subList(1, excluded.size()));
          }
        } else {
          Files.createSymbolicLink(mirror.resolve(name), entry);
        }
      }
    }
  }

  private static String settings(Path thirdParty, Path localRepository) {
    return """
        <settings>
          <localRepository>%s</localRepository>
          <offline>true</offline>
          <mirrors>
            <mirror>
              <id>third-party</id>
              <mirrorOf>central</mirrorOf>
              <url>%s</url>
            </mirror>
          </mirrors>
          <profiles>
            <profile>
              <id>botconfig-staging</id>
              <repositories>
                <repository>
                  <id>botconfig-staging</id>
                  <url>%s</url>
                  <snapshots><enabled>true</enabled></snapshots>
                </repository>
              </repositories>
            </profile>
          </profiles>
          <activeProfiles>
            <activeProfile>botconfig-staging</activeProfile>
          </activeProfiles>
        </settings>
        """
        .formatted(localRepository, thirdParty.toUri(), staged.toUri());
  }

  private static String mavenExecutable() {
    String home = System.getProperty("botconfig.maven.home");
    Path mvn = home == null ? null : Path.of(home, "bin", "mvn");
    return mvn != null && Files.isExecutable(mvn) ? mvn.toString() : "mvn";
  }

  /** The newest timestamped snapshot (or the release) of {@code artifact} ending in suffix. */
  private static @Nullable Path newest(Path dir, String artifact, String suffix)
      throws IOException {
    if (!Files.isDirectory(dir)) {
      return null;
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(f -> f.getFileName().toString().startsWith(artifact + "-"))
          .filter(f -> f.getFileName().toString().endsWith(suffix))
          .filter(
              f ->
                  suffix.startsWith("-")
                      || !f.getFileName().toString().matches(".*-(sources|javadoc|tests)\\.jar"))
          .sorted()
          .reduce((first, second) -> second)
          .orElse(null);
    }
  }

  private static void checksums(Path file, List<String> missing)
      throws IOException, NoSuchAlgorithmException {
    byte[] content = Files.readAllBytes(file);
    for (String algorithm : List.of("SHA-1", "MD5")) {
      Path sum =
          file.resolveSibling(
              file.getFileName() + "." + algorithm.replace("-", "").toLowerCase(Locale.ROOT));
      String expected =
          HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(content));
      if (!Files.exists(sum) || !Files.readString(sum).strip().startsWith(expected)) {
        missing.add(sum.getFileName() + " (matching " + file.getFileName() + ")");
      }
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.sorted((a, b) -> b.compareTo(a)).toList()) {
        Files.delete(file);
      }
    }
  }
}
