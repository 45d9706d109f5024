package io.github.botconfig.domain;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The domain is plain Java: no AWS, no JDA, no Dagger, no logging — only the JDK and its
 * annotations.
 */
class DomainDependencyRulesTest {
  private static final JavaClasses DOMAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.github.botconfig.domain..");

  @Test
  void domainDependsOnlyOnTheJdkImmutablesAndJspecify() {
    classes()
        .that()
        .resideInAPackage("io.github.botconfig.domain..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            "io.github.botconfig.domain..",
            "java..",
            "org.immutables.value..",
            "org.jspecify.annotations..",
            // @FormatMethod/@FormatString: class-retention annotations, nothing at run time.
            "com.google.errorprone.annotations..")
        .allowEmptyShould(false)
        .check(DOMAIN);
  }

  @Test
  void generatedImplementationsStayPackagePrivate() {
    classes()
        .that()
        .haveSimpleNameStartingWith("Immutable")
        .should()
        .notBePublic()
        .allowEmptyShould(false)
        .check(DOMAIN);
  }
}
