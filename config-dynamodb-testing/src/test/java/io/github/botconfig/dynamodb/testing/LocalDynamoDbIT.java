package io.github.botconfig.dynamodb.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.abortedWithReason;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The servers and the extension other projects' tests use: tables come and go, servers never
 * outlive tests.
 */
class LocalDynamoDbIT {

  /** A test class as another project writes it; run here by the test kit, not by the build. */
  static class ATestClassOfAnotherProject {
    @RegisterExtension
    static final LocalDynamoDbExtension DYNAMODB = LocalDynamoDbExtension.create();

    static volatile String classTable;
    static volatile String extraTable;
    static volatile java.net.URI endpoint;

    @Test
    void hasItsOwnTables() {
      classTable = DYNAMODB.tableName();
      extraTable = DYNAMODB.newTable();
      endpoint = DYNAMODB.endpoint();
      assertThat(classTable)
          .isNotEqualTo(extraTable)
          .startsWith("botconfig-atestclassofanotherproject-");
      assertThat(DYNAMODB.client().listTables().tableNames()).contains(classTable, extraTable);
      assertThat(DYNAMODB.newStore(java.time.Clock.systemUTC()).loadAll().channels()).isEmpty();
    }
  }

  /** Runs after the first: same server, and the first's tables are gone. */
  static class ALaterTestClass {
    @RegisterExtension
    static final LocalDynamoDbExtension DYNAMODB = LocalDynamoDbExtension.create();

    @Test
    void sharesTheServerButNotTheTables() {
      assertThat(DYNAMODB.endpoint()).isEqualTo(ATestClassOfAnotherProject.endpoint);
      assertThat(DYNAMODB.client().listTables().tableNames())
          .contains(DYNAMODB.tableName())
          .doesNotContain(
              ATestClassOfAnotherProject.classTable, ATestClassOfAnotherProject.extraTable);
    }
  }

  static class AMotoTestClass {
    @RegisterExtension static final LocalDynamoDbExtension DYNAMODB = LocalDynamoDbExtension.moto();

    @Test
    void runs() {
      assertThat(DYNAMODB.server().kind()).isEqualTo(LocalDynamoDb.Kind.MOTO);
    }
  }

  @Test
  void eachTestClassGetsItsOwnTablesOnOneServerWhichStopsWithTheRun() {
    Events events =
        EngineTestKit.engine("junit-jupiter")
            .selectors(
                selectClass(ATestClassOfAnotherProject.class), selectClass(ALaterTestClass.class))
            .execute()
            .testEvents();

    events.assertStatistics(stats -> stats.started(2).succeeded(2));
    try (LocalDynamoDb stopped = LocalDynamoDb.external(ATestClassOfAnotherProject.endpoint);
        DynamoDbClient client = stopped.newClient()) {
      assertThatThrownBy(client::listTables)
          .isInstanceOf(SdkClientException.class)
          .hasMessageContaining("Connection refused");
    }
  }

  @Test
  void withoutMotoAMotoTestClassIsSkippedSayingWhy() {
    String previous = System.getProperty(Executables.MOTO_PROPERTY);
    System.setProperty(Executables.MOTO_PROPERTY, "/nowhere/moto_server");
    try {
      EngineTestKit.engine("junit-jupiter")
          .selectors(selectClass(AMotoTestClass.class))
          .execute()
          .testEvents()
          .assertThatEvents()
          .haveExactly(
              1,
              event(
                  test("runs"),
                  abortedWithReason(
                      message(
                          reason ->
                              reason.contains("moto_server was not found")
                                  && reason.contains("Install moto[server]")))));
    } finally {
      restore(Executables.MOTO_PROPERTY, previous);
    }
  }

  @Test
  void withMotoAMotoTestClassRuns() {
    assumeTrue(LocalDynamoDb.motoAvailable(), "moto_server is not installed");

    EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(AMotoTestClass.class))
        .execute()
        .testEvents()
        .assertThatEvents()
        .haveExactly(1, event(finishedSuccessfully()));
  }

  @Test
  void withoutDynaliteTheFailureSaysHowToInstallIt() {
    String previous = System.getProperty(Executables.DYNALITE_PROPERTY);
    System.setProperty(Executables.DYNALITE_PROPERTY, "/nowhere/dynalite");
    try {
      assertThatThrownBy(LocalDynamoDb::startDynalite)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining(
              "dynalite was not found (looked at /nowhere/dynalite, /nowhere/dynalite/node_modules/dynalite)")
          .hasMessageContaining("install Node.js 20+ with npm");
    } finally {
      restore(Executables.DYNALITE_PROPERTY, previous);
    }
  }

  @Test
  void closingAServerStopsItAndItsWrapper() {
    assumeTrue(LocalDynamoDb.motoAvailable(), "moto_server is not installed");
    List<ProcessHandle> processes;
    try (LocalDynamoDb moto = LocalDynamoDb.startMoto()) {
      processes = moto.processes();
      assertThat(processes)
          .as("the wrapper and moto")
          .hasSizeGreaterThanOrEqualTo(2)
          .allMatch(ProcessHandle::isAlive);
    }
    assertThat(processes).noneMatch(ProcessHandle::isAlive);
  }

  @Test
  void dynaliteDiesWithTheJvmThatStartedItEvenKilledOutright() throws Exception {
    assertServerDiesWithItsJvm("dynalite");
  }

  @Test
  void motoDiesWithTheJvmThatStartedItEvenKilledOutright() throws Exception {
    assumeTrue(LocalDynamoDb.motoAvailable(), "moto_server is not installed");
    assertServerDiesWithItsJvm("moto");
  }

  private static void assertServerDiesWithItsJvm(String kind) throws Exception {
    String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    Process jvm =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                ServerOfADyingJvm.class.getName(),
                kind)
            .redirectErrorStream(true)
            .start();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8))) {
      String line = out.readLine();
      while (line != null && !line.startsWith("PIDS")) {
        line = out.readLine();
      }
      assertThat(line).as("the child JVM's server processes").isNotNull();
      List<ProcessHandle> servers =
          Arrays.stream(line.substring("PIDS ".length()).split(" "))
              .map(pid -> ProcessHandle.of(Long.parseLong(pid)).orElseThrow())
              .toList();
      assertThat(servers).allMatch(ProcessHandle::isAlive);

      jvm.destroyForcibly(); // SIGKILL: no shutdown hook runs
      assertThat(jvm.waitFor(10, TimeUnit.SECONDS)).isTrue();

      for (ProcessHandle server : servers) {
        server.onExit().get(10, TimeUnit.SECONDS);
        assertThat(server.isAlive()).as("process %d", server.pid()).isFalse();
      }
    } finally {
      jvm.destroyForcibly();
    }
  }

  private static void restore(String property, String previous) {
    if (previous == null) {
      System.clearProperty(property);
    } else {
      System.setProperty(property, previous);
    }
  }
}
