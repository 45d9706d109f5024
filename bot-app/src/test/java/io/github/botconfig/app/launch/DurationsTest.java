package io.github.botconfig.app.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

  @ParameterizedTest
  @CsvSource({
    "500ms, PT0.5S",
    "30s, PT30S",
    "30m, PT30M",
    "2h, PT2H",
    "7d, PT168H",
    "PT30M, PT30M",
    "pt1h, PT1H",
    "0, PT0S"
  })
  void readsShortAndIsoForms(String text, String iso) {
    assertThat(Durations.parse(text)).isEqualTo(Duration.parse(iso));
  }

  @ParameterizedTest
  @CsvSource({
    "PT0.5S, 500ms",
    "PT30S, 30s",
    "PT30M, 30m",
    "PT2H, 2h",
    "PT168H, 7d",
    "PT0S, 0s",
    "PT90M, 90m"
  })
  void writesTheLargestExactUnit(String iso, String text) {
    assertThat(Durations.format(Duration.parse(iso))).isEqualTo(text);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "soon", "-5s", "5 s", "5w", "1e3s"})
  void refusesTheRest(String text) {
    assertThatThrownBy(() -> Durations.parse(text))
        .hasMessage("must be a duration such as 30s, 30m, 2h, 7d or PT30M, got '" + text + "'");
  }
}
