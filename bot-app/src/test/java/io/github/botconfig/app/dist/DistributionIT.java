package io.github.botconfig.app.dist;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.botconfig.dynamodb.testing.LocalDynamoDbExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tarball {@code mvn package} builds, unpacked in a temporary folder and run as an operator
 * would on a machine without Java: no {@code java} on the PATH, no JAVA_HOME.
 */
class DistributionIT {
  @RegisterExtension
  static final LocalDynamoDbExtension DYNAMODB = LocalDynamoDbExtension.dynalite();

  private static final String VERSION = System.getProperty("botconfig.version", "");
  @TempDir static Path dir;
  private static Path home;
  private static Path noJava;

  /**
   * What jdeps finds (and the two modules only reflection reaches), with what those modules need in
   * turn.
   */
  private static final List<String> MODULES =
      List.of(
          "java.base",
          "java.datatransfer",
          "java.xml",
          "java.prefs",
          "java.desktop",
          "java.logging",
          "java.management",
          "java.security.sasl",
          "java.naming",
          "java.transaction.xa",
          "java.sql",
          "jdk.crypto.ec",
          "jdk.httpserver",
          "jdk.management");

  @BeforeAll
  static void unpack() throws Exception {
    Path tarball =
        Path.of(System.getProperty("botconfig.distribution", "bot-app/target/botconfig.tar.gz"));
    assertThat(tarball)
        .as("the distribution: mvn package builds it (unless -Dbotconfig.distribution.skip)")
        .isRegularFile();
    Process tar =
        new ProcessBuilder("tar", "-xzf", tarball.toString(), "-C", dir.toString())
            .inheritIO()
            .start();
    assertThat(tar.waitFor(60, TimeUnit.SECONDS) && tar.exitValue() == 0)
        .as("tar -xzf " + tarball)
        .isTrue();
    home = dir.resolve("botconfig-" + VERSION);
    noJava = Files.createDirectories(dir.resolve("path-without-java"));
  }

  @Test
  void itHoldsTheLauncherTheJarsAndARuntimeOfOnlyTheModulesTheBotNeeds() throws IOException {
    assertThat(home.resolve("bin/botconfig")).isExecutable();
    assertThat(home.resolve("botconfig.jar")).isRegularFile();
    assertThat(home.resolve("lib"))
        .isDirectoryContaining("glob:**/JDA-*.jar")
        .isDirectoryContaining("glob:**/dynamodb-*.jar");

    Properties release = new Properties();
    try (var in =
        Files.newBufferedReader(home.resolve("runtime/release"), StandardCharsets.UTF_8)) {
      release.load(in);
    }
    List<String> modules =
        Arrays.asList(release.getProperty("MODULES").replace("\"", "").split(" "));
    assertThat(modules).containsExactlyInAnyOrderElementsOf(MODULES);
    try (var tools = Files.list(home.resolve("runtime/bin"))) {
      assertThat(tools.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("java", "keytool");
    }
    // The JDK's own CA certificates, not a link to the build machine's (Debian links them to
    // /etc/ssl).
    Path cacerts = home.resolve("runtime/lib/security/cacerts");
    assertThat(Files.isSymbolicLink(cacerts)).isFalse();
    assertThat(Files.size(cacerts)).isGreaterThan(50_000);
  }

  @Test
  void itShipsTheManualPageAndTheStartUpCacheOfItsRuntime() throws IOException {
    assertThat(Files.readString(home.resolve("man/man1/botconfig.1"), StandardCharsets.UTF_8))
        .startsWith(".TH BOTCONFIG 1")
        .contains(".SS \"botconfig channels list\"");
    assertThat(
            Files.exists(home.resolve("lib/botconfig.aot"))
                || Files.exists(home.resolve("lib/botconfig.jsa")))
        .as("lib/botconfig.aot (Java 25+) or lib/botconfig.jsa")
        .isTrue();
  }

  @Test
  void theDockerfileUnpacksThisVeryTarballAndStartsItsLauncherAsANonRootUser() throws IOException {
    // No Docker engine here: what the image relies on is checked against the tarball instead.
    List<String> dockerfile = Files.readAllLines(Path.of("Dockerfile"), StandardCharsets.UTF_8);

    assertThat(dockerfile)
        .contains("ARG VERSION=" + VERSION, "ADD target/botconfig-${VERSION}.tar.gz /opt/");
    assertThat(dockerfile).contains("RUN ln -s /opt/botconfig-${VERSION} /opt/botconfig");
    assertThat(dockerfile).contains("ENTRYPOINT [\"/opt/botconfig/bin/botconfig\"]");
    assertThat(home.resolve("bin/botconfig")).isExecutable();
    assertThat(dockerfile)
        .filteredOn(line -> line.startsWith("USER "))
        .containsExactly("USER botconfig");
    assertThat(dockerfile).anyMatch(line -> line.contains("useradd --system --uid 10001"));
  }

  @Test
  void versionRunsOnTheBundledRuntimeWithNoJavaOnThePath() throws Exception {
    Run version = run(Map.of(), "--version");

    assertThat(version.status()).as(version.err()).isZero();
    // The bundled runtime is the newest JDK (25+) the build found beside its own, else the build's.
    assertThat(version.out()).startsWith("botconfig " + VERSION + "\nJava ");
    assertThat(version.err()).as("Logback starts cleanly on the trimmed runtime").isEmpty();
  }

  @Test
  void doctorChecksATableOnDynalite() throws Exception {
    Run doctor =
        run(
            Map.of(
                "AWS_ENDPOINT_URL_DYNAMODB",
                DYNAMODB.endpoint().toString(),
                "BOTCONFIG_TABLE",
                DYNAMODB.newTable()),
            "doctor");

    assertThat(doctor.status()).as(doctor.out() + doctor.err()).isZero();
    assertThat(doctor.out()).contains("OK       connection").endsWith("all checks passed\n");
  }

  @Test
  void simulateRunsTheWholeMessagePathOnTheBundledRuntime() throws Exception {
    Run simulate =
        run(
            Map.of("AWS_ENDPOINT_URL_DYNAMODB", DYNAMODB.endpoint().toString()),
            "simulate",
            "--messages",
            "5000");

    assertThat(simulate.status()).as(simulate.err()).isZero();
    assertThat(simulate.out()).contains("store requests   0 during the run");
  }

  @Test
  void theBundledRuntimeSpeaksEllipticCurveTls() throws Exception {
    // Discord's and AWS's endpoints use elliptic-curve certificates and key exchange: the runtime
    // must have
    // jdk.crypto.ec, which nothing calls directly (jdeps cannot see it). A local HTTPS server with
    // an EC
    // certificate stands in for them; a request reaching it means the handshake went through.
    Path keystore = dir.resolve("tls.p12");
    Process keytool =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair",
                "-alias",
                "local",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=127.0.0.1",
                "-ext",
                "san=ip:127.0.0.1",
                "-validity",
                "2",
                "-keystore",
                keystore.toString(),
                "-storetype",
                "PKCS12",
                "-storepass",
                "changeit")
            .inheritIO()
            .start();
    assertThat(keytool.waitFor(60, TimeUnit.SECONDS) && keytool.exitValue() == 0)
        .as("keytool")
        .isTrue();
    try (TlsServer server = TlsServer.start(keystore, "changeit")) {
      Run doctor =
          run(
              Map.of(
                  "AWS_ENDPOINT_URL_DYNAMODB",
                  "https://127.0.0.1:" + server.port(),
                  "BOTCONFIG_JAVA_OPTS",
                  "-Djavax.net.ssl.trustStore="
                      + keystore
                      + " -Djavax.net.ssl.trustStorePassword=changeit"),
              "doctor");

      assertThat(server.requests()).as(doctor.out() + doctor.err()).isPositive();
    }
  }

  private record Run(int status, String out, String err) {}

  /** Runs bin/botconfig with only {@code environment}, a PATH without java and no JAVA_HOME. */
  private static Run run(Map<String, String> environment, String... args) throws Exception {
    List<String> command =
        new java.util.ArrayList<>(List.of(home.resolve("bin/botconfig").toString()));
    command.addAll(List.of(args));
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
    Map<String, String> env = builder.environment();
    env.clear();
    env.putAll(environment);
    env.put("PATH", noJava.toString());
    Process process = builder.start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(
          "bin/botconfig " + String.join(" ", args) + " still runs after 60 s");
    }
    return new Run(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }
}
