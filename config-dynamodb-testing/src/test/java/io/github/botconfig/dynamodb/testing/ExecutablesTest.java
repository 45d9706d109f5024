package io.github.botconfig.dynamodb.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding and installing the servers, with a stand-in npm (no network in tests). */
class ExecutablesTest {

  @TempDir Path temp;

  @Test
  void thePinnedVersionIsTheOneInToolsDynalite() throws IOException {
    String packageJson =
        Files.readString(Path.of("../tools/dynalite/package.json"), StandardCharsets.UTF_8);

    assertThat(packageJson).contains("\"dynalite\": \"" + Executables.pinnedDynaliteVersion());
  }

  @Test
  void installRunsNpmCiOnThePinnedLockFileInTheCacheAndReturnsThePackage() throws IOException {
    Path npm =
        fakeNpm(
            "mkdir -p node_modules/dynalite && echo \"$@\" > npm-args"
                + " && echo '{\"name\": \"dynalite\"}' > node_modules/dynalite/package.json"
                + " && touch node_modules/dynalite/index.js");

    Path installed = Executables.installDynalite(npm, temp.resolve("cache"));

    Path home = temp.resolve("cache/dynalite-" + Executables.pinnedDynaliteVersion());
    assertThat(installed).isEqualTo(home.resolve("node_modules/dynalite"));
    assertThat(Files.readString(home.resolve("npm-args")).strip())
        .isEqualTo("ci --ignore-scripts --no-audit --no-fund");
    assertThat(Files.readString(home.resolve("package-lock.json")))
        .isEqualTo(Files.readString(Path.of("../tools/dynalite/package-lock.json")));
  }

  @Test
  void aSecondInstallFindsTheFirstAndRunsNothing() throws IOException {
    Path npm =
        fakeNpm(
            "mkdir -p node_modules/dynalite && echo run >> ../npm-runs"
                + " && echo '{\"name\": \"dynalite\"}' > node_modules/dynalite/package.json"
                + " && touch node_modules/dynalite/index.js");

    Executables.installDynalite(npm, temp.resolve("cache"));
    Executables.installDynalite(npm, temp.resolve("cache"));

    assertThat(Files.readAllLines(temp.resolve("cache/npm-runs"))).hasSize(1);
  }

  @Test
  void aFailedInstallSaysWhatNpmSaid() throws IOException {
    Path npm = fakeNpm("echo 'npm ERR! network unreachable' && exit 1");

    assertThatThrownBy(() -> Executables.installDynalite(npm, temp.resolve("cache")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("could not install dynalite")
        .hasMessageContaining("exited with 1")
        .hasMessageContaining("npm ERR! network unreachable");
  }

  @Test
  void withNothingToRunTheMessageSaysExactlyWhatToInstall() {
    String dynalite = System.getProperty(Executables.DYNALITE_PROPERTY);
    String moto = System.getProperty(Executables.MOTO_PROPERTY);
    System.setProperty(Executables.DYNALITE_PROPERTY, "/nowhere/dynalite");
    System.setProperty(Executables.MOTO_PROPERTY, "/nowhere/moto_server");
    try {
      assertThatThrownBy(LocalDynamoDb::start)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith("No local DynamoDB server for tests (looked at ")
          .hasMessageContaining("/nowhere/dynalite")
          .hasMessageContaining("/nowhere/moto_server")
          .hasMessageContaining(
              "install Node.js 20+ with npm (tests then install dynalite "
                  + Executables.pinnedDynaliteVersion())
          .hasMessageContaining("or moto (pip install 'moto[server]')")
          .hasMessageContaining("or set DYNAMODB_ENDPOINT (or -Dbotconfig.dynamodb.endpoint)");
    } finally {
      restore(Executables.DYNALITE_PROPERTY, dynalite);
      restore(Executables.MOTO_PROPERTY, moto);
    }
  }

  @Test
  void anEndpointPropertyWinsOverStartingAServer() {
    String previous = System.getProperty(LocalDynamoDb.ENDPOINT_PROPERTY);
    System.setProperty(LocalDynamoDb.ENDPOINT_PROPERTY, " http://127.0.0.1:1 ");
    try (LocalDynamoDb server = LocalDynamoDb.start()) {
      assertThat(server.kind()).isEqualTo(LocalDynamoDb.Kind.EXTERNAL);
      assertThat(server.endpoint()).hasToString("http://127.0.0.1:1");
      assertThat(server.processes()).isEmpty();
    } finally {
      restore(LocalDynamoDb.ENDPOINT_PROPERTY, previous);
    }
  }

  private Path fakeNpm(String script) throws IOException {
    Path npm = temp.resolve("npm");
    Files.writeString(npm, "#!/bin/sh\n" + script + "\n");
    Files.setPosixFilePermissions(npm, PosixFilePermissions.fromString("rwxr-xr-x"));
    return npm;
  }

  private static void restore(String property, String previous) {
    if (previous == null) {
      System.clearProperty(property);
    } else {
      System.setProperty(property, previous);
    }
  }
}
