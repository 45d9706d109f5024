package io.github.botconfig.app.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * docs/configuration.md lists every setting, with its option and default, so that the reference
 * cannot drift.
 */
class ConfigurationDocTest {
  private static final List<String> LINES = read();

  private static List<String> read() {
    try {
      return Files.readAllLines(Path.of("..", "docs", "configuration.md"));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @ParameterizedTest
  @EnumSource(LaunchOption.class)
  void everySettingHasItsRow(LaunchOption setting) {
    String option = setting.option().isEmpty() ? "—" : "`" + setting.option() + "`";
    String defaultValue =
        setting.defaultValue().isEmpty() ? "—" : "`" + setting.defaultValue() + "`";

    assertThat(LINES)
        .anySatisfy(
            line ->
                assertThat(line)
                    .startsWith(
                        "| `"
                            + setting.variable()
                            + "` | "
                            + option
                            + " | "
                            + defaultValue
                            + " | "));
  }
}
