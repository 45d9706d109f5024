package io.github.botconfig.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.botconfig.bot.testing.ErrorLogTrap;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What every end-to-end test shares: an ERROR in the log fails it, and the bot and the fake stop
 * after it.
 */
abstract class EndToEndTest {
  @RegisterExtension final ErrorLogTrap errors = new ErrorLogTrap();

  @Nullable BotHarness bot;

  @AfterEach
  void stopTheBot() throws Exception {
    if (bot != null) {
      bot.close();
      assertThat(bot.discord.unhandledCalls())
          .as("requests the fake Discord has no route for")
          .isEmpty();
    }
  }
}
