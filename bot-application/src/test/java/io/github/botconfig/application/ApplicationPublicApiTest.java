package io.github.botconfig.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The application layer's public types are its API, and nothing else: the use cases with their
 * commands, queries and outcomes ({@code port.in}), and the one service that implements them, which
 * a launcher constructs. A front end codes against the use cases, never against the service's
 * helpers.
 */
class ApplicationPublicApiTest {

  @Test
  void onlyTheUseCasesTheirValuesAndTheServiceArePublic() {
    Set<String> published =
        new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.github.botconfig.application..")
                .stream()
                .filter(c -> c.getModifiers().contains(JavaModifier.PUBLIC))
                .filter(JavaClass::isTopLevelClass)
                .map(JavaClass::getName)
                .map(name -> name.substring("io.github.botconfig.application.".length()))
                .collect(Collectors.toSet());

    assertThat(published)
        .containsExactlyInAnyOrder(
            "port.in.Actor",
            "port.in.Outcome",
            "port.in.OptionalChange",
            "port.in.ChannelChanges",
            "port.in.SettingsChanges",
            "port.in.CustomChanges",
            "port.in.ChangeChannelUseCase",
            "port.in.UntrackChannelUseCase",
            "port.in.ShowChannelUseCase",
            "port.in.ListChannelsUseCase",
            "port.in.ShowSettingsUseCase",
            "port.in.ChangeSettingsUseCase",
            "port.in.PurgeGuildUseCase",
            "port.in.ConfigAdministration",
            // what the service needs from a store beyond the repository (the purge's list)
            "port.out.GuildInventory",
            "service.AdminService");
  }
}
