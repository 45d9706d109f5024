package io.github.botconfig.bot.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.testing.InMemoryConfigStore;
import io.github.botconfig.domain.testing.InstrumentedConfigStore;
import io.github.botconfig.domain.testing.InstrumentedConfigStore.Operation;
import org.junit.jupiter.api.Test;

class MessagePathTest {
  private static final long TRACKED = 10;
  private final InstrumentedConfigStore store =
      new InstrumentedConfigStore(new InMemoryConfigStore());
  private final MessagePath path = new MessagePath(store);

  MessagePathTest() {
    store.delegate().saveChannel(ChannelConfig.of(GuildId.of(1), ChannelId.of(TRACKED)));
  }

  @Test
  void anUntrackedChannelIsOneLookupAndNoAnswer() {
    assertThat(path.trackedChannel(11)).isEmpty();
    assertThat(store.calls(Operation.FIND_CHANNEL)).isEqualTo(1);
    assertThat(store.totalCalls()).isEqualTo(1);
  }

  @Test
  void aReportInATrackedChannelIsAnswered() {
    ChannelConfig channel = path.trackedChannel(TRACKED).orElseThrow();

    assertThat(path.alertFor(channel, false, false, "Take profit: +12.5%")).isPresent();
    assertThat(path.alertFor(channel, true, true, "Take profit: +12.5%"))
        .as("a webhook")
        .isPresent();
  }

  @Test
  void botsOtherThanWebhooksAndTextsThatAreNotReportsAreIgnored() {
    ChannelConfig channel = path.trackedChannel(TRACKED).orElseThrow();

    assertThat(path.alertFor(channel, true, false, "Take profit: +12.5%")).isEmpty();
    assertThat(path.alertFor(channel, false, false, "gm everyone")).isEmpty();
  }
}
