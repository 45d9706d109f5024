package io.github.botconfig.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DelaysTest {
  private final Delays delays =
      new Delays(Duration.ofMinutes(30), Duration.ofSeconds(1), Duration.ofMinutes(5));

  @Test
  void retryWaitsDoubleFromTheInitialDelayUpToTheCap() {
    assertThat(delays.retry(1, () -> 1.0)).isEqualTo(Duration.ofSeconds(1));
    assertThat(delays.retry(2, () -> 1.0)).isEqualTo(Duration.ofSeconds(2));
    assertThat(delays.retry(5, () -> 1.0)).isEqualTo(Duration.ofSeconds(16));
    assertThat(delays.retry(9, () -> 1.0)).isEqualTo(Duration.ofSeconds(256));
    assertThat(delays.retry(10, () -> 1.0)).isEqualTo(Duration.ofMinutes(5));
    assertThat(delays.retry(1_000, () -> 1.0)).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void retryJitterKeepsBetweenHalfAndAllOfTheWait() {
    assertThat(delays.retry(5, () -> 0.0)).isEqualTo(Duration.ofSeconds(8));
    assertThat(delays.retry(5, () -> 0.5)).isEqualTo(Duration.ofSeconds(12));
  }

  @Test
  void periodicRefreshIsSpreadByTenPercent() {
    assertThat(delays.nextRefresh(() -> 0.0)).isEqualTo(Duration.ofMinutes(27));
    assertThat(delays.nextRefresh(() -> 0.5)).isEqualTo(Duration.ofMinutes(30));
    assertThat(delays.nextRefresh(() -> 1.0)).isEqualTo(Duration.ofMinutes(33));
  }
}
