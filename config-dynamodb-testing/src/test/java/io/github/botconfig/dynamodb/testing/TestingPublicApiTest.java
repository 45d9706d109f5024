package io.github.botconfig.dynamodb.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The module's public types are its API, and nothing else: the local servers, their JUnit
 * extension, the fault proxy and the item fixtures. Finding executables, free ports and running a
 * server process stay package-private.
 */
class TestingPublicApiTest {

  @Test
  void onlyTheServersTheExtensionTheProxyAndTheFixturesArePublic() {
    Set<String> published =
        new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.github.botconfig.dynamodb.testing")
                .stream()
                .filter(c -> c.getModifiers().contains(JavaModifier.PUBLIC))
                .map(JavaClass::getName)
                .map(name -> name.substring("io.github.botconfig.dynamodb.testing.".length()))
                .collect(Collectors.toSet());

    assertThat(published)
        .containsExactlyInAnyOrder(
            "LocalDynamoDb",
            "LocalDynamoDb$Kind",
            "LocalDynamoDbExtension",
            "FaultProxy",
            "FaultProxy$Fault",
            "FreePorts",
            "StoredItems",
            "StoredItems$FieldChange",
            "TableCorpus");
  }
}
