package io.github.botconfig.bot;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * bot-jda's public types outside {@code …bot.internal} are its API, and nothing else: the entry
 * point with its options, and the message path that the launcher's {@code simulate} drives. The
 * rest is package-private or internal (public only so the adapter's own packages share it), as
 * OkHttp keeps {@code okhttp3.internal}. bot-app's {@code ModuleApiUseTest} allows it exactly
 * these.
 */
class BotPublicApiTest {
  private static final JavaClasses BOT =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.github.botconfig.bot..");

  /** The API, by package-relative name. */
  static final Set<String> API =
      Set.of(
          "DiscordBot",
          "BotOptions",
          "GuildDirectory",
          "report.MessagePath",
          "report.PostedMessage",
          "report.AuthorKind",
          "report.Decision",
          "report.Alert",
          "report.AlertLimits",
          "report.ResultReport");

  @Test
  void onlyTheEntryPointItsOptionsAndTheMessagePathArePublicOutsideInternal() {
    Set<String> published =
        BOT.stream()
            .filter(JavaClass::isTopLevelClass)
            .filter(c -> c.getModifiers().contains(JavaModifier.PUBLIC))
            .filter(c -> !c.getPackageName().startsWith("io.github.botconfig.bot.internal"))
            .map(c -> c.getName().substring("io.github.botconfig.bot.".length()))
            .collect(Collectors.toSet());

    assertThat(published).containsExactlyInAnyOrderElementsOf(API);
  }

  @Test
  void theApiNeverHandsOutAnInternalType() {
    List<String> leaks = new ArrayList<>();
    for (JavaClass type : BOT) {
      if (!type.getModifiers().contains(JavaModifier.PUBLIC)
          || type.getPackageName().startsWith("io.github.botconfig.bot.internal")) {
        continue;
      }
      for (JavaCodeUnit unit : type.getCodeUnits()) {
        if (!unit.getModifiers().contains(JavaModifier.PUBLIC)) {
          continue;
        }
        List<JavaClass> signature = new ArrayList<>(unit.getRawParameterTypes());
        signature.add(unit.getRawReturnType());
        for (JavaClass used : signature) {
          if (used.getPackageName().startsWith("io.github.botconfig.bot.internal")) {
            leaks.add(unit.getFullName() + " uses " + used.getName());
          }
        }
      }
    }
    assertThat(leaks).isEmpty();
  }
}
