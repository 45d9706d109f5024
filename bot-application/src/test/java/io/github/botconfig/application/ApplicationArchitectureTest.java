package io.github.botconfig.application;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The application layer is framework-free, and its public surface is the use cases, their commands
 * and outcomes, and the one service that implements them.
 */
class ApplicationArchitectureTest {
  private static final JavaClasses APPLICATION =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.github.botconfig.application..");

  @Test
  void theApplicationLayerDependsOnlyOnTheDomainTheJdkAndJspecify() {
    classes()
        .that()
        .resideInAPackage("io.github.botconfig.application..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            "io.github.botconfig.application..",
            "io.github.botconfig.domain..",
            "java..",
            "org.jspecify.annotations..")
        .allowEmptyShould(false)
        .check(APPLICATION);
  }

  @Test
  void theInboundPortsDoNotSeeTheirImplementation() {
    classes()
        .that()
        .resideInAPackage("io.github.botconfig.application.port.in..")
        .should()
        .onlyDependOnClassesThat()
        .resideOutsideOfPackage("io.github.botconfig.application.service..")
        .allowEmptyShould(false)
        .check(APPLICATION);
  }

  @Test
  void theServicePackageExposesOnlyTheService() {
    classes()
        .that()
        .resideInAPackage("io.github.botconfig.application.service")
        .and()
        .arePublic()
        .should()
        .haveSimpleName("AdminService")
        .allowEmptyShould(false)
        .check(APPLICATION);
  }
}
