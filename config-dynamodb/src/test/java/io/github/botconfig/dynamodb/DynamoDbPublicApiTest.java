package io.github.botconfig.dynamodb;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The module's public types are its API (what bot-app and other JVM projects may use), and nothing
 * else: the item codecs, the scanner, the purge and the request plumbing stay package-private.
 */
class DynamoDbPublicApiTest {
  private static final JavaClasses STORE =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.github.botconfig.dynamodb");

  @Test
  void onlyTheStoreItsClientsProvisionerBackupAndMetricsArePublic() {
    Set<String> publicTopLevelTypes =
        STORE.stream()
            .filter(c -> c.getModifiers().contains(JavaModifier.PUBLIC))
            .filter(JavaClass::isTopLevelClass)
            .filter(c -> c.getPackageName().equals("io.github.botconfig.dynamodb"))
            .map(JavaClass::getSimpleName)
            .collect(Collectors.toSet());

    assertThat(publicTopLevelTypes)
        .containsExactlyInAnyOrder(
            "DynamoDbConfigStore",
            "DynamoDbClients",
            "TableProvisioner",
            "DynamoDbTooling",
            "LoadReport",
            "RequestMetrics",
            "RequestStats");
  }

  @Test
  void theToolingOnRawItemsIsInternalAndNoWiderThanBackupAndItsPlan() {
    Set<String> internalPublicTypes =
        STORE.stream()
            .filter(c -> c.getModifiers().contains(JavaModifier.PUBLIC))
            .filter(JavaClass::isTopLevelClass)
            .filter(c -> c.getPackageName().equals("io.github.botconfig.dynamodb.internal"))
            .map(JavaClass::getSimpleName)
            .collect(Collectors.toSet());

    // Raw AttributeValue maps (ImportPlan.AttributeChange) are what a whole-item backup is made
    // of; they stay here, outside the compatibility promise, reached only through DynamoDbTooling.
    assertThat(internalPublicTypes).containsExactlyInAnyOrder("TableBackup", "ImportPlan");
  }

  @Test
  void theStoreSeesNeitherTheCacheNorTheFrontEnds() {
    noClasses()
        .that()
        .resideInAPackage("io.github.botconfig.dynamodb..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.github.botconfig.cache..",
            "io.github.botconfig.application..",
            "io.github.botconfig.bot..",
            "io.github.botconfig.app..",
            "net.dv8tion..")
        .allowEmptyShould(false)
        .check(STORE);
  }
}
