package io.github.botconfig.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The domain's public types are its API, and nothing else: the model, the two ports and the
 * exceptions. The parsing helpers, the Immutables style and the generated implementations stay
 * package-private; callers write {@code ChannelConfig.builder()}.
 */
class DomainPublicApiTest {

  @Test
  void onlyTheModelThePortsAndTheExceptionsArePublic() {
    Set<String> published =
        new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.github.botconfig.domain")
                .stream()
                .filter(c -> c.getModifiers().contains(JavaModifier.PUBLIC))
                .filter(JavaClass::isTopLevelClass)
                .filter(c -> c.getPackageName().equals("io.github.botconfig.domain"))
                .map(JavaClass::getSimpleName)
                .collect(Collectors.toSet());

    assertThat(published)
        .containsExactlyInAnyOrder(
            // the model
            "ChannelConfig",
            "ChannelId",
            "GuildId",
            "GuildSettings",
            "SummaryPreferences",
            "LiveBoard",
            "Tag",
            "TagType",
            "Threshold",
            "Trigger",
            "Reporters",
            "UnreadableItem",
            // settings of your own: typed keys, their schema and their values
            "SettingKey",
            "SettingType",
            "SettingRecord",
            "SettingsSchema",
            "CustomValues",
            // the ports and what they answer
            "ConfigRepository",
            "ConfigStore",
            "ConfigSnapshot",
            "UpdateResult",
            "ConfigKey",
            "ConfigChange",
            "RecentChanges",
            // the exceptions
            "ConfigException",
            "InvalidConfigException",
            "ConfigConflictException",
            "StoreUnavailableException",
            "StoreNotFoundException");
  }
}
