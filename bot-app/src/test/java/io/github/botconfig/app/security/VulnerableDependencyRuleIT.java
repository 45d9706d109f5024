package io.github.botconfig.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The root pom's {@code refuse-vulnerable-dependencies} rule fires: a throwaway project whose
 * parent is this build's root pom, and which depends on one Jackson version, is checked with that
 * rule alone, by the Maven that runs this build, offline.
 *
 * <p>The rule is read from the root pom itself (the throwaway project inherits it), so this test
 * proves the one copy there is, not a copy of it. A pinned version is given as a system-scoped
 * dependency: the rule judges it by its coordinates, and Maven reads no POM for it, so the verdict
 * does not depend on what the local repository happens to hold.
 */
class VulnerableDependencyRuleIT {
  private static final Path ROOT_POM = Path.of("..", "pom.xml").toAbsolutePath().normalize();
  private static final String RULE =
      "org.apache.maven.plugins:maven-enforcer-plugin:enforce@refuse-vulnerable-dependencies";
  private static final String REFUSED = "A dependency has a version with a known vulnerability";

  @TempDir Path project;
  @TempDir Path jars;

  @ParameterizedTest(name = "{0} {1} is refused")
  @CsvSource({
    // The version JDA 6.5.0 brings: CVE-2026-54515, CVE-2026-68497.
    "jackson-databind, 2.22.0",
    // CVE-2026-68497, fixed one patch later.
    "jackson-databind, 2.22.1",
    // CVE-2026-68498.
    "jackson-core, 2.22.1",
    // An older line: refused until someone checks that it carries the fixes.
    "jackson-databind, 2.21.1",
  })
  void aVulnerableJacksonVersionFailsTheBuildNamingTheArtifact(String artifact, String version)
      throws Exception {
    Build build = check(pinned(artifact, version), "");

    assertThat(build.exitCode()).as(build.output()).isNotZero();
    assertThat(build.output())
        .contains(REFUSED)
        .contains("com.fasterxml.jackson.core:" + artifact + ":jar:" + version + " <--- banned");
  }

  @ParameterizedTest(name = "{0} {1} passes")
  @CsvSource({"jackson-databind, 2.22.2", "jackson-core, 2.22.2"})
  void theFirstFixedVersionPassesTheRule(String artifact, String version) throws Exception {
    Build build = check(pinned(artifact, version), "");

    assertThat(build.exitCode()).as(build.output()).isZero();
  }

  @Test
  void theJacksonThisBuildPinsPassesTheRule() throws Exception {
    Build build = check(managed("jackson-databind"), "");

    assertThat(build.exitCode()).as(build.output()).isZero();
  }

  @Test
  void puttingTheRootPomsJacksonBackTo2220FailsTheBuild() throws Exception {
    Build build = check(managed("jackson-databind"), "<jackson.version>2.22.0</jackson.version>");

    assumeThat(build.output())
        .as("Jackson 2.22.0's POMs are not in the local repository (nothing here needs them)")
        .doesNotContain("has not been downloaded from it before");
    assertThat(build.exitCode()).as(build.output()).isNotZero();
    assertThat(build.output())
        .contains(REFUSED)
        .contains("com.fasterxml.jackson.core:jackson-databind:jar:2.22.0 <--- banned");
  }

  private String pinned(String artifact, String version) throws IOException {
    Path jar = Files.createFile(jars.resolve(artifact + "-" + version + ".jar"));
    return dependency(
        artifact,
        "      <version>"
            + version
            + "</version>\n"
            + "      <scope>system</scope>\n"
            + "      <systemPath>"
            + jar
            + "</systemPath>\n");
  }

  /** No version: the one the root pom's dependencyManagement gives. */
  private static String managed(String artifact) {
    return dependency(artifact, "");
  }

  private static String dependency(String artifact, String more) {
    return "    <dependency>\n"
        + "      <groupId>com.fasterxml.jackson.core</groupId>\n"
        + "      <artifactId>"
        + artifact
        + "</artifactId>\n"
        + more
        + "    </dependency>\n";
  }

  private Build check(String dependency, String properties)
      throws IOException, InterruptedException {
    String pom =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<project xmlns=\"http://maven.apache.org/POM/4.0.0\">\n"
            + "  <modelVersion>4.0.0</modelVersion>\n"
            + "  <parent>\n"
            + "    <groupId>io.github.botconfig</groupId>\n"
            + "    <artifactId>botconfig-parent</artifactId>\n"
            + "    <version>"
            + System.getProperty("botconfig.version", "0.1.0-SNAPSHOT")
            + "</version>\n"
            // Maven 3.8 takes only a relative path here.
            + "    <relativePath>"
            + project.relativize(ROOT_POM)
            + "</relativePath>\n"
            + "  </parent>\n"
            + "  <artifactId>vulnerable-dependency-probe</artifactId>\n"
            + "  <properties>"
            + properties
            + "</properties>\n"
            + "  <dependencies>\n"
            + dependency
            + "  </dependencies>\n"
            + "</project>\n";
    Files.writeString(project.resolve("pom.xml"), pom, StandardCharsets.UTF_8);

    List<String> command = new ArrayList<>(List.of(maven(), "-B", "-o", "-ntp"));
    String localRepository = System.getProperty("botconfig.maven.localRepository", "");
    if (!localRepository.isEmpty()) {
      command.add("-Dmaven.repo.local=" + localRepository);
    }
    command.add(RULE);
    Path log = project.resolve("build.log");
    Process process =
        new ProcessBuilder(command)
            .directory(project.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("the throwaway build did not end in 5 minutes: " + command);
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);
    // The enforcer plugin comes from the local repository, where this build put it; one without it
    // (another build's) can say nothing about the rule.
    assumeThat(output)
        .as("the enforcer plugin is not in the local repository; run the build online once")
        .doesNotContain("artifact org.apache.maven.plugins:maven-enforcer-plugin");
    return new Build(process.exitValue(), output);
  }

  /** The Maven running this build (failsafe passes its home), else the one on the PATH. */
  private static String maven() {
    String home = System.getProperty("botconfig.maven.home", "");
    if (!home.isEmpty()) {
      Path mvn = Path.of(home, "bin", "mvn");
      if (Files.isExecutable(mvn)) {
        return mvn.toString();
      }
    }
    return "mvn";
  }

  private record Build(int exitCode, String output) {}
}
