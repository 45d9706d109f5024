package io.github.botconfig.bot;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The decisions are plain Java, tested alone; the adapter sees only the domain's ports. */
class BotDependencyRulesTest {
  private static final JavaClasses BOT =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.github.botconfig.bot..");

  @Test
  void policyAdminLifecycleAndGuildFeatureLogicKnowNothingOfJda() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "io.github.botconfig.bot.report..",
            "io.github.botconfig.bot.internal.report..",
            "io.github.botconfig.bot.internal.admin..",
            "io.github.botconfig.bot.internal.lifecycle..",
            "io.github.botconfig.bot.internal.guild..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("net.dv8tion..")
        .allowEmptyShould(false)
        .check(BOT);
  }

  @Test
  void whatAPanelClickDoesKnowsNothingOfJda() {
    noClasses()
        .that()
        .resideInAPackage("io.github.botconfig.bot.internal.panel")
        .and()
        .haveSimpleNameNotStartingWith("Jda")
        .and()
        .haveSimpleNameNotStartingWith("PanelListener")
        .and()
        .haveSimpleNameNotStartingWith("PanelRenderer")
        .and()
        .haveSimpleNameNotStartingWith("PanelForms")
        .and()
        .haveSimpleNameNotStartingWith("PanelView")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("net.dv8tion..")
        .allowEmptyShould(false)
        .check(BOT);
  }

  @Test
  void thePanelsReadAndWriteOnlyThroughTheUseCases() {
    noClasses()
        .that()
        .resideInAPackage("io.github.botconfig.bot.internal.panel")
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName("io.github.botconfig.domain.ConfigRepository")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("io.github.botconfig.domain.ConfigStore")
        .orShould()
        .dependOnClassesThat()
        .resideInAPackage("io.github.botconfig.application.service..")
        .allowEmptyShould(false)
        .check(BOT);
  }

  @Test
  void theAdapterNeverSeesTheCacheOrTheStoreAdapters() {
    noClasses()
        .that()
        .resideInAPackage("io.github.botconfig.bot..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.github.botconfig.cache..", "io.github.botconfig.dynamodb..", "software.amazon..")
        .allowEmptyShould(false)
        .check(BOT);
  }
}
