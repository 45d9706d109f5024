package io.github.botconfig.bot;

import io.github.botconfig.bot.testing.EventProbe;
import io.github.botconfig.bot.testing.FakeDiscord;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;

/**
 * Real {@link MessageReceivedEvent}s, made by the unmodified JDA from a {@link FakeDiscord}'s
 * gateway, to hand to a listener directly: JDA runs no listener of the bot, only a probe that keeps
 * what it receives. The events stay usable once JDA has shut down (they hold their message, channel
 * and guild, and the message path reads nothing else), so a test or a benchmark can replay them as
 * often as it likes without a connection.
 */
final class ReceivedMessages implements AutoCloseable {
  private final FakeDiscord discord;
  private final EventProbe probe = new EventProbe();
  private final JDA jda;

  private ReceivedMessages(FakeDiscord discord) throws InterruptedException {
    this.discord = discord;
    this.jda =
        discord.jdaBuilder(DiscordBot.intents()).addEventListeners(probe).build().awaitReady();
  }

  /**
   * Logs a JDA in to {@code discord} (its guilds added first) and waits until every guild has
   * arrived.
   */
  static ReceivedMessages from(FakeDiscord discord) throws InterruptedException {
    return new ReceivedMessages(discord);
  }

  /**
   * A message posted through a webhook, as monitoring services post reports, once JDA has made it
   * an event.
   */
  MessageReceivedEvent webhook(long channelId, String text) {
    return probe.awaitMessage(discord.postWebhookMessage(channelId, text));
  }

  /** A member's message, once JDA has made it an event. */
  MessageReceivedEvent member(long channelId, long authorId, String text) {
    return probe.awaitMessage(discord.postMessage(channelId, authorId, text));
  }

  /** Shuts JDA down; the events received so far stay usable. Does not close the fake Discord. */
  @Override
  public void close() throws InterruptedException {
    jda.shutdown();
    if (!jda.awaitShutdown(10, TimeUnit.SECONDS)) {
      throw new IllegalStateException("JDA did not shut down within 10 s");
    }
  }
}
