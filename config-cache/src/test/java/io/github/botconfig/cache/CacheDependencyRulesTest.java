package io.github.botconfig.cache;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * config-cache is a library other projects import with their own store: it must bring nothing of
 * AWS, JDA or Dagger, and show one entry point.
 */
class CacheDependencyRulesTest {
  private static final JavaClasses CACHE =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.github.botconfig.cache..");

  @Test
  void noAwsJdaOrDaggerClassIsReachableFromTheClasspath() throws IOException {
    ClassLoader loader = getClass().getClassLoader();
    for (String forbidden : List.of("software/amazon", "com/amazonaws", "net/dv8tion", "dagger")) {
      assertThat(Collections.list(loader.getResources(forbidden)))
          .as("resources under %s", forbidden)
          .isEmpty();
    }
    for (String type :
        List.of(
            "software.amazon.awssdk.services.dynamodb.DynamoDbClient",
            "software.amazon.awssdk.core.SdkClient",
            "net.dv8tion.jda.api.JDA",
            "dagger.Component",
            "javax.inject.Inject")) {
      assertThat(isLoadable(type, loader)).as(type).isFalse();
    }
  }

  @Test
  void mainCodeDependsOnlyOnTheJdkTheDomainSlf4jAndJspecify() {
    classes()
        .that()
        .resideInAPackage("io.github.botconfig.cache..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            "io.github.botconfig.cache..",
            "io.github.botconfig.domain",
            "java..",
            "org.slf4j",
            "org.jspecify.annotations..")
        .allowEmptyShould(false)
        .check(CACHE);
  }

  @Test
  void onlyTheCacheItsBuilderAndItsValueTypesArePublic() {
    Set<String> publicTypes =
        CACHE.stream()
            .filter(
                c ->
                    c.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.PUBLIC))
            .map(c -> c.getName().substring("io.github.botconfig.cache.".length()))
            .collect(java.util.stream.Collectors.toSet());

    assertThat(publicTypes)
        .containsExactlyInAnyOrder(
            "ConfigCache",
            "ConfigCache$Builder",
            "CacheStatus",
            "CacheStatus$State",
            "CacheStats",
            "CacheListener");
    assertThat(Modifier.isPublic(CachingConfigRepository.class.getModifiers())).isFalse();
  }

  private static boolean isLoadable(String type, ClassLoader loader) {
    try {
      Class.forName(type, false, loader);
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }
}
