package io.github.botconfig.app.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.botconfig.domain.StoreUnavailableException;
import io.github.botconfig.dynamodb.DynamoDbClients;
import io.github.botconfig.dynamodb.TableProvisioner;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The embedded default: a dynalite under {@code <home>/data}, started once and reused, its data
 * kept.
 */
class EmbeddedDynamoDbIT {
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

  @Test
  void startsReusesAndKeepsItsDataAcrossRestarts() throws Exception {
    Path botHome = homeWithDynalite();

    try (EmbeddedDynamoDb first = EmbeddedDynamoDb.startOrReuse(botHome)) {
      assertThat(first.owned()).isTrue();
      assertThat(first.endpoint().getHost()).isEqualTo("127.0.0.1");
      try (EmbeddedDynamoDb second = EmbeddedDynamoDb.startOrReuse(botHome)) {
        assertThat(second.owned()).as("the running one is reused").isFalse();
        assertThat(second.endpoint()).isEqualTo(first.endpoint());
      }
      try (DynamoDbClient client =
          DynamoDbClients.builder().endpointOverride(first.endpoint()).build()) {
        TableProvisioner.builder().client(client).tableName("kept").build().createIfMissing();
      }
    }
    assertThat(botHome.resolve("data/dynalite.address")).doesNotExist();

    try (EmbeddedDynamoDb restarted = EmbeddedDynamoDb.startOrReuse(botHome);
        DynamoDbClient client =
            DynamoDbClients.builder().endpointOverride(restarted.endpoint()).build()) {
      assertThat(restarted.owned()).isTrue();
      assertThat(client.listTables().tableNames()).contains("kept");
    }
  }

  @Test
  void withoutDynaliteItSaysHowToInstallItOrUseAws() {
    assertThatThrownBy(() -> EmbeddedDynamoDb.startOrReuse(home))
        .isInstanceOf(StoreUnavailableException.class)
        .hasMessageContaining("npm ci --prefix")
        .hasMessageContaining("AWS_REGION");
  }
}
