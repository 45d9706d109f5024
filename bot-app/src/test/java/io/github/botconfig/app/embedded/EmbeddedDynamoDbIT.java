package io.github.botconfig.app.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.botconfig.domain.StoreUnavailableException;
import io.github.botconfig.dynamodb.DynamoDbClients;
import io.github.botconfig.dynamodb.TableProvisioner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The embedded default: one dynalite under {@code <home>/data}, shared, single-user, and gone when
 * nobody needs it.
 */
class EmbeddedDynamoDbIT {
  private static final Duration IDLE = Duration.ofMinutes(5);

  @TempDir Path home;

  /**
   * A home like the repository's: tools/dynalite is the repository's own (installed by the build).
   */
  private Path homeWithDynalite() throws Exception {
    Path tools = Files.createDirectories(home.resolve("tools"));
    Files.createSymbolicLink(
        tools.resolve("dynalite"), Path.of("..", "tools", "dynalite").toAbsolutePath().normalize());
    return home;
  }

  @AfterEach
  void stopTheServer() throws Exception {
    EmbeddedDynamoDb.stop(home);
  }

  @Test
  void startsOnceIsSharedAndKeepsItsDataAcrossRestarts() throws Exception {
    Path botHome = homeWithDynalite();

    EmbeddedDynamoDb first = EmbeddedDynamoDb.attach(botHome, IDLE);
    EmbeddedDynamoDb second = EmbeddedDynamoDb.attach(botHome, IDLE);
    assertThat(first.started()).isTrue();
    assertThat(first.endpoint().getHost()).isEqualTo("127.0.0.1");
    assertThat(second.started()).as("the running one is shared").isFalse();
    assertThat(second.endpoint()).isEqualTo(first.endpoint());
    assertThat(second.pid()).isEqualTo(first.pid());
    try (DynamoDbClient client =
        DynamoDbClients.builder().endpointOverride(first.endpoint()).build()) {
      TableProvisioner.builder().client(client).tableName("kept").build().createIfMissing();
    }

    EmbeddedDynamoDb.stop(botHome);
    assertThat(botHome.resolve("data/dynalite.address"))
        .as("a stopping server removes its own address")
        .doesNotExist();

    EmbeddedDynamoDb restarted = EmbeddedDynamoDb.attach(botHome, IDLE);
    try (DynamoDbClient client =
        DynamoDbClients.builder().endpointOverride(restarted.endpoint()).build()) {
      assertThat(restarted.started()).isTrue();
      assertThat(client.listTables().tableNames()).contains("kept");
    }
    assertThat(Files.readString(botHome.resolve("data/dynalite.log")))
        .as("the log of earlier servers is kept, not overwritten")
        .contains("listening at " + first.endpoint())
        .contains("listening at " + restarted.endpoint());
  }

  @Test
  void dataIsOwnerOnlyAndAnOlderWorldReadableDataIsTightened() throws Exception {
    Path botHome = homeWithDynalite();
    Path data = Files.createDirectories(botHome.resolve("data"));
    Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path oldLog = Files.writeString(data.resolve("dynalite.log"), "an older server's log\n");
    Files.setPosixFilePermissions(oldLog, PosixFilePermissions.fromString("rw-r--r--"));

    EmbeddedDynamoDb server = EmbeddedDynamoDb.attach(botHome, IDLE);
    try (DynamoDbClient client =
        DynamoDbClients.builder().endpointOverride(server.endpoint()).build()) {
      TableProvisioner.builder().client(client).tableName("files").build().createIfMissing();
    }

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data)))
        .isEqualTo("rwx------");
    try (Stream<Path> files = Files.walk(data)) {
      for (Path path : files.toList()) {
        String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
        assertThat(mode)
            .as(path.toString())
            .isEqualTo(Files.isDirectory(path) ? "rwx------" : "rw-------");
      }
    }
  }

  @Test
  void theServerGetsAMinimalEnvironmentWithNothingSecret() throws Exception {
    Path botHome = homeWithDynalite();

    EmbeddedDynamoDb server = EmbeddedDynamoDb.attach(botHome, IDLE);

    byte[] environ = Files.readAllBytes(Path.of("/proc", Long.toString(server.pid()), "environ"));
    List<String> names =
        Arrays.stream(new String(environ, StandardCharsets.UTF_8).split("\0"))
            .filter(entry -> !entry.isEmpty())
            .map(entry -> entry.substring(0, entry.indexOf('=')))
            .toList();
    assertThat(names).containsExactlyInAnyOrder("PATH", "LANG");
  }

  @Test
  void anAddressFileNamingAnotherHostIsRefusedNotTrusted() throws Exception {
    Path botHome = homeWithDynalite();
    Path data = Files.createDirectories(botHome.resolve("data"));
    Files.writeString(data.resolve("dynalite.address"), "http://10.9.8.7:8000\n4242\n");

    assertThatThrownBy(() -> EmbeddedDynamoDb.attach(botHome, IDLE))
        .isInstanceOf(StoreUnavailableException.class)
        .hasMessageContaining(
            "names 'http://10.9.8.7:8000', not a server on this machine's loopback")
        .hasMessageContaining("remove the file");
  }

  @Test
  void theAddressOfADeadServerIsReplacedNotFollowed() throws Exception {
    Path botHome = homeWithDynalite();
    Path data = Files.createDirectories(botHome.resolve("data"));
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    Files.writeString(data.resolve("dynalite.address"), "http://127.0.0.1:1\n" + gone.pid() + "\n");

    EmbeddedDynamoDb server = EmbeddedDynamoDb.attach(botHome, IDLE);

    assertThat(server.started()).isTrue();
    assertThat(server.endpoint().getPort()).isNotEqualTo(1);
  }

  @Test
  void anIdleServerStopsByItselfAndRemovesItsAddress() throws Exception {
    Path botHome = homeWithDynalite();

    EmbeddedDynamoDb server = EmbeddedDynamoDb.attach(botHome, Duration.ofMillis(500));
    ProcessHandle process = ProcessHandle.of(server.pid()).orElseThrow();
    Thread.sleep(1_500);
    assertThat(process.isAlive()).as("this process's lease holds it").isTrue();
    EmbeddedDynamoDb.release(botHome);

    process.onExit().get(20, java.util.concurrent.TimeUnit.SECONDS);
    assertThat(botHome.resolve("data/dynalite.address")).doesNotExist();
  }

  @Test
  void aRunningBotKeepsAnIdleServerUp() throws Exception {
    Path botHome = homeWithDynalite();

    try (BotLock bot = BotLock.acquire(botHome)) {
      EmbeddedDynamoDb server = EmbeddedDynamoDb.attach(botHome, Duration.ofMillis(300));
      EmbeddedDynamoDb.release(botHome); // only the bot holds it now
      Thread.sleep(2_000);
      assertThat(ProcessHandle.of(server.pid()).map(ProcessHandle::isAlive)).contains(true);
      assertThat(EmbeddedDynamoDb.attach(botHome, IDLE).pid()).isEqualTo(server.pid());
    }
  }

  @Test
  void aSecondBotLockIsRefusedNamingTheHolderAndHowToStopIt() throws Exception {
    Path botHome = homeWithDynalite();

    try (BotLock first = BotLock.acquire(botHome)) {
      long pid = ProcessHandle.current().pid();
      assertThatThrownBy(() -> BotLock.acquire(botHome))
          .isInstanceOf(StoreUnavailableException.class)
          .hasMessageContaining("another bot already runs on " + botHome.resolve("data"))
          .hasMessageContaining("botconfig run, pid " + pid)
          .hasMessageContaining("kill " + pid);
    }
    try (BotLock again = BotLock.acquire(botHome)) {
      assertThat(Files.readString(botHome.resolve("data/bot.lock")))
          .startsWith(ProcessHandle.current().pid() + "\n");
    }
  }

  @Test
  void withoutDynaliteItSaysHowToInstallItOrUseAws() {
    assertThatThrownBy(() -> EmbeddedDynamoDb.attach(home, IDLE))
        .isInstanceOf(StoreUnavailableException.class)
        .hasMessageContaining("npm ci --prefix")
        .hasMessageContaining("AWS_REGION");
  }

  @Test
  void aDataThatIsNotADirectoryIsNamedAsSuchNotAsAMissingNode() throws Exception {
    Path botHome = homeWithDynalite();
    Files.writeString(botHome.resolve("data"), "a file");

    assertThatThrownBy(() -> EmbeddedDynamoDb.attach(botHome, IDLE))
        .isInstanceOf(StoreUnavailableException.class)
        .hasMessage(
            "the embedded DynamoDB's directory " + botHome.resolve("data") + " is not a directory");
  }
}
