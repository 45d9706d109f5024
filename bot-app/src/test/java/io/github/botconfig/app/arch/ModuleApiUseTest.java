package io.github.botconfig.app.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * bot-app sees every module, but only through what each module's API test allows: the domain, the
 * use cases, the cache's builder and values, the store's public types, and the bot's entry point
 * (plus the message path that {@code simulate} drives). Any other botconfig type it reached would
 * be an internal detail of another module.
 */
class ModuleApiUseTest {
  private static final JavaClasses APP =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.github.botconfig.app..");

  private static final Set<String> ALLOWED_PACKAGES =
      Set.of(
          "io.github.botconfig.domain",
          "io.github.botconfig.application.port.in",
          "io.github.botconfig.application.port.out",
          "io.github.botconfig.dynamodb",
          // botconfig's own tooling (export/import), reached through DynamoDbTooling: no
          // compatibility promise, but bot-app is the tool it exists for.
          "io.github.botconfig.dynamodb.internal");

  private static final Set<String> ALLOWED_TYPES =
      Set.of(
          "io.github.botconfig.application.service.AdminService",
          "io.github.botconfig.cache.ConfigCache",
          "io.github.botconfig.cache.CacheStatus",
          "io.github.botconfig.cache.CacheStats",
          "io.github.botconfig.cache.CacheListener",
          // bot-jda's API as its BotPublicApiTest lists it (never bot.internal, nor the panel)
          "io.github.botconfig.bot.DiscordBot",
          "io.github.botconfig.bot.BotOptions",
          "io.github.botconfig.bot.GuildDirectory",
          // simulate drives the message path as the listener does: one posted message, one
          // decision, the channel's limits
          "io.github.botconfig.bot.report.MessagePath",
          "io.github.botconfig.bot.report.Alert",
          "io.github.botconfig.bot.report.Decision",
          "io.github.botconfig.bot.report.PostedMessage",
          "io.github.botconfig.bot.report.AuthorKind",
          "io.github.botconfig.bot.report.AlertLimits",
          "io.github.botconfig.bot.report.ResultReport");

  @Test
  void theLauncherUsesOtherModulesOnlyThroughTheirApi() {
    noClasses()
        .that()
        .resideInAPackage("io.github.botconfig.app..")
        .should()
        .dependOnClassesThat(outsideTheModuleApis())
        .allowEmptyShould(false)
        .check(APP);
  }

  private static DescribedPredicate<JavaClass> outsideTheModuleApis() {
    return new DescribedPredicate<>("a botconfig type outside the API of its module") {
      @Override
      public boolean test(JavaClass type) {
        String name = type.getName();
        if (!name.startsWith("io.github.botconfig.")
            || name.startsWith("io.github.botconfig.app.")) {
          return false;
        }
        String outer = name.contains("$") ? name.substring(0, name.indexOf('$')) : name;
        return !ALLOWED_PACKAGES.contains(type.getPackageName()) && !ALLOWED_TYPES.contains(outer);
      }
    };
  }
}
