package io.github.botconfig.domain.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ManualSchedulerTest {
  private final MutableClock clock = MutableClock.startingAt2026();
  private final ManualScheduler scheduler = new ManualScheduler(clock);
  private final Instant start = clock.instant();
  private final List<String> runs = new ArrayList<>();

  @Test
  void nothingRunsUntilTheTestMovesTimeAndEachTaskSeesItsOwnDueTime() {
    scheduler.schedule(() -> runs.add("b@" + since()), 2, TimeUnit.SECONDS);
    scheduler.schedule(() -> runs.add("a@" + since()), 1, TimeUnit.SECONDS);
    assertThat(runs).isEmpty();

    assertThat(scheduler.advance(Duration.ofSeconds(5))).isEqualTo(2);

    assertThat(runs).containsExactly("a@PT1S", "b@PT2S");
    assertThat(clock.instant()).isEqualTo(start.plusSeconds(5));
  }

  @Test
  void runDueRunsWhatIsDueNowAndWhatItSchedulesForNow() {
    scheduler.execute(() -> scheduler.execute(() -> runs.add("second")));
    scheduler.schedule(() -> runs.add("later"), 1, TimeUnit.MILLISECONDS);

    assertThat(scheduler.runDue()).isEqualTo(2);

    assertThat(runs).containsExactly("second");
    assertThat(scheduler.pending()).isEqualTo(1);
    assertThat(scheduler.nextTaskIn()).contains(Duration.ofMillis(1));
  }

  @Test
  void aPeriodicTaskRunsAsOftenAsItCameDueAtFixedRateOrFixedDelay() {
    scheduler.scheduleAtFixedRate(() -> runs.add("rate@" + since()), 1, 2, TimeUnit.SECONDS);
    scheduler.scheduleWithFixedDelay(() -> runs.add("delay@" + since()), 0, 3, TimeUnit.SECONDS);

    scheduler.advance(Duration.ofSeconds(6));

    assertThat(runs)
        .containsExactly(
            "delay@PT0S", "rate@PT1S", "delay@PT3S", "rate@PT3S", "rate@PT5S", "delay@PT6S");
  }

  @Test
  void aCancelledTaskNeverRunsAndIsNotCounted() {
    ScheduledFuture<?> cancelled = scheduler.schedule(() -> runs.add("x"), 1, TimeUnit.SECONDS);
    cancelled.cancel(false);

    assertThat(scheduler.pending()).isZero();
    assertThat(scheduler.advance(Duration.ofSeconds(2))).isZero();
    assertThat(runs).isEmpty();
  }

  @Test
  void afterShutdownSchedulingIsRefusedAndPeriodicTasksStop() {
    scheduler.scheduleAtFixedRate(scheduler::shutdown, 1, 1, TimeUnit.SECONDS);

    assertThat(scheduler.advance(Duration.ofSeconds(5))).isEqualTo(1);
    assertThatThrownBy(() -> scheduler.execute(() -> {}))
        .isInstanceOf(RejectedExecutionException.class);
    assertThatThrownBy(() -> scheduler.scheduleAtFixedRate(() -> {}, 0, 0, TimeUnit.SECONDS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("got 0");
  }

  private Duration since() {
    return Duration.between(start, clock.instant());
  }
}
