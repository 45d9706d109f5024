package io.github.botconfig.bot;

import io.github.botconfig.bot.internal.guild.LiveBoards;
import io.github.botconfig.bot.report.Alert;
import io.github.botconfig.bot.report.AlertLimits;
import io.github.botconfig.bot.report.AuthorKind;
import io.github.botconfig.bot.report.Decision;
import io.github.botconfig.bot.report.MessagePath;
import io.github.botconfig.bot.report.PostedMessage;
import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ConfigException;
import io.github.botconfig.domain.ConfigRepository;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.entities.MessageType;
import net.dv8tion.jda.api.events.GenericEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.hooks.EventListener;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The message path on JDA: a message in an untracked channel costs one in-memory lookup and nothing
 * else; any other message is read once into a {@link PostedMessage}, {@link MessagePath} decides
 * once, and the decision goes to the publishers: the alert to {@link AlertPublisher}, the result to
 * the guild's live board.
 *
 * <p>A plain {@link EventListener} rather than a {@code ListenerAdapter}: every gateway event
 * passes through here, and one {@code instanceof} is the cheapest way to let the others go.
 * Thread-safe; holds no JDA instance, so it serves any number of shards.
 */
final class TrackedMessageListener implements EventListener {
  private static final Logger log = LoggerFactory.getLogger(TrackedMessageListener.class);

  /**
   * Sends an answer: {@link AlertPublisher} on Discord. An interface so that the message-path
   * benchmark runs this very listener without a network request per alert.
   */
  @FunctionalInterface
  interface Publisher {
    void publish(Message report, Alert alert);
  }

  private final MessagePath path;
  private final Publisher publisher;
  private final LiveBoards boards;

  TrackedMessageListener(
      ConfigRepository repository, AlertLimits limits, Publisher publisher, LiveBoards boards) {
    this.path = new MessagePath(repository, limits);
    this.publisher = publisher;
    this.boards = boards;
  }

  @Override
  public void onEvent(GenericEvent event) {
    if (event instanceof MessageReceivedEvent messageReceivedEvent) {
      onMessage(messageReceivedEvent);
    }
  }

  private void onMessage(MessageReceivedEvent event) {
    if (!event.isFromGuild()) {
      return;
    }
    Optional<ChannelConfig> channel;
    try {
      channel = path.trackedChannel(event.getChannel().getIdLong());
    } catch (ConfigException e) {
      // Only while the cache has never loaded and the store is down; the cache reports that itself.
      log.debug("message in channel {} skipped: {}", event.getChannel().getId(), e.getMessage());
      return;
    }
    if (channel.isEmpty()) {
      return;
    }
    Message message = event.getMessage();
    try {
      Decision decision = path.decide(channel.get(), posted(event.getGuild().getIdLong(), message));
      if (decision instanceof Decision.Report report) {
        boards.resultPosted(channel.get(), report.result(), report.at()); // schedules, no request
        report.alert().ifPresent(alert -> publisher.publish(message, alert));
      }
    } catch (RejectedExecutionException e) {
      log.debug("message {} not answered: JDA is shutting down", message.getId());
    } catch (RuntimeException e) {
      log.error(
          "answering message {} in channel {} failed", message.getId(), message.getChannelId(), e);
    }
  }

  /** The message as the message path reads it: once, here. */
  static PostedMessage posted(long guildId, Message message) {
    return new PostedMessage(
        guildId, authorOf(message), reportText(message), ChannelHistory.createdAt(message));
  }

  /**
   * Who posted a message. A slash command's answer carries its application's webhook id, but it is
   * a bot's message, whoever ran the command; a system message is no one's report.
   */
  static AuthorKind authorOf(Message message) {
    MessageType type = message.getType();
    if (type.isSystem()
        || type == MessageType.SLASH_COMMAND
        || type == MessageType.CONTEXT_COMMAND
        || message.getInteractionMetadata() != null) {
      return AuthorKind.BOT;
    }
    if (message.isWebhookMessage()) {
      return AuthorKind.WEBHOOK;
    }
    return message.getAuthor().isBot() ? AuthorKind.BOT : AuthorKind.MEMBER;
  }

  /**
   * The message's text and its embeds' text: monitoring webhooks often put the result in an embed.
   */
  static String reportText(Message message) {
    if (message.getEmbeds().isEmpty()) {
      return message.getContentRaw();
    }
    StringBuilder text = new StringBuilder(message.getContentRaw());
    for (MessageEmbed embed : message.getEmbeds()) {
      append(text, embed.getTitle());
      append(text, embed.getDescription());
      for (MessageEmbed.Field field : embed.getFields()) {
        append(text, field.getName());
        append(text, field.getValue());
      }
      if (embed.getFooter() != null) {
        append(text, embed.getFooter().getText());
      }
    }
    return text.toString();
  }

  private static void append(StringBuilder text, @Nullable String part) {
    if (part != null && !part.isEmpty()) {
      text.append('\n').append(part);
    }
  }
}
