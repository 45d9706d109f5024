package io.github.botconfig.bot.internal.guild;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.testing.ManualScheduler;
import io.github.botconfig.domain.testing.MutableClock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FairQueueTest {
  private static final GuildId A = GuildId.of(1);
  private static final GuildId B = GuildId.of(2);
  private static final GuildId C = GuildId.of(3);
  private final ManualScheduler executor = new ManualScheduler(MutableClock.startingAt2026());
  private final List<String> ran = new ArrayList<>();

  @AfterEach
  void stop() {
    executor.shutdownNow();
  }

  private Runnable job(String name) {
    return () -> ran.add(name);
  }

  @Test
  void oneLaneRunsOneJobAtATimeInTheOrderTheGuildsAsked() {
    FairQueue queue = new FairQueue(executor, 1);
    queue.submit(A, job("A"));
    queue.submit(B, job("B"));
    queue.submit(C, job("C"));

    assertThat(executor.pending()).as("one job handed to the executor, the others wait").isOne();
    assertThat(queue.waiting()).isEqualTo(2);
    executor.runDue();

    assertThat(ran).containsExactly("A", "B", "C");
  }

  @Test
  void aGuildAskingAgainWhileWaitingKeepsItsPlaceAndRunsItsNewerJobOnce() {
    FairQueue queue = new FairQueue(executor, 1);
    queue.submit(A, job("A"));
    queue.submit(B, job("B old"));
    queue.submit(C, job("C"));
    queue.submit(B, job("B new"));

    executor.runDue();

    assertThat(ran).containsExactly("A", "B new", "C");
  }

  @Test
  void aGuildThatAsksWhileItsJobRunsGoesAfterTheOthersWaiting() {
    FairQueue queue = new FairQueue(executor, 1);
    queue.submit(
        A,
        () -> {
          ran.add("A1");
          queue.submit(A, job("A2"));
        });
    queue.submit(B, job("B"));

    executor.runDue();

    assertThat(ran).containsExactly("A1", "B", "A2");
  }

  @Test
  void aFailingJobFreesItsLane() {
    FairQueue queue = new FairQueue(executor, 1);
    queue.submit(
        A,
        () -> {
          throw new IllegalStateException("Discord failed");
        });
    queue.submit(B, job("B"));

    try {
      executor.runDue();
    } catch (IllegalStateException expected) {
      // ManualScheduler runs tasks on the calling thread; a real executor would log it
    }
    executor.runDue();

    assertThat(ran).containsExactly("B");
  }

  @Test
  void twoLanesRunTwoGuildsAtOnceButNeverOneGuildTwice() {
    FairQueue queue = new FairQueue(executor, 2);
    queue.submit(A, job("A1"));
    queue.submit(A, job("A2"));
    queue.submit(B, job("B"));

    assertThat(executor.pending()).isEqualTo(2);
    executor.runDue();

    assertThat(ran).containsExactly("A1", "B", "A2");
  }
}
