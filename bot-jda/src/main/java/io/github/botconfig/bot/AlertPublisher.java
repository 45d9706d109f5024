package io.github.botconfig.bot;

import io.github.botconfig.bot.internal.report.ResultCard;
import io.github.botconfig.bot.report.Alert;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.InsufficientPermissionException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.requests.restaction.MessageCreateAction;
import net.dv8tion.jda.api.utils.FileUpload;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends an {@link Alert} to Discord: the reply, its mention, its result card, and the pin.
 *
 * <p>Permissions are checked on the cached view first, so a missing one costs no failed request and
 * the reply itself says what it lacks; a permission lost in the meantime is reported by {@link
 * PinRotation} or logged. Every request is asynchronous: nothing here blocks the gateway thread.
 * Thread-safe.
 */
final class AlertPublisher implements TrackedMessageListener.Publisher {
  private static final Logger log = LoggerFactory.getLogger(AlertPublisher.class);
  static final String CARD_FILE_NAME = "result.png";

  private final PinRotation pins;

  AlertPublisher(PinRotation pins) {
    this.pins = pins;
  }

  @Override
  public void publish(Message report, Alert alert) {
    GuildMessageChannel channel = report.getGuildChannel();
    Member self = report.getGuild().getSelfMember();
    if (!self.hasPermission(channel, Permission.VIEW_CHANNEL, Permission.MESSAGE_SEND)) {
      log.warn(
          "cannot answer a report in channel {} of guild {}: missing the Send Messages permission",
          channel.getId(),
          channel.getGuild().getId());
      return;
    }
    List<String> notes = new ArrayList<>(2);
    byte @Nullable [] card = null;
    if (alert.image()) {
      if (self.hasPermission(channel, Permission.MESSAGE_ATTACH_FILES)) {
        card = drawCard(alert, channel.getName(), notes);
      } else {
        notes.add(
            PinRotation.missing(
                Permission.MESSAGE_ATTACH_FILES, "the result card is not attached"));
      }
    }
    boolean pin = alert.pin();
    if (pin && !self.hasPermission(channel, Permission.PIN_MESSAGES)) {
      pin = false;
      notes.add(PinRotation.missing(Permission.PIN_MESSAGES, "this alert is not pinned"));
    }

    StringBuilder text = new StringBuilder(alert.text());
    notes.forEach(note -> text.append('\n').append(note));
    // Without Read Message History Discord refuses replies; a plain message still answers.
    MessageCreateAction action =
        (self.hasPermission(channel, Permission.MESSAGE_HISTORY)
                ? report.reply(text.toString()).failOnInvalidReply(false).mentionRepliedUser(false)
                : channel.sendMessage(text.toString()))
            .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class));
    if (alert.mention().isPresent()) {
      action = Mentions.allow(action, alert.mention().get());
    }
    if (card != null) {
      action.addFiles(FileUpload.fromData(card, CARD_FILE_NAME));
    }
    boolean pinIt = pin;
    action.queue(
        sent -> {
          if (pinIt) {
            pins.pin(sent);
          }
        },
        failure ->
            log.warn(
                "sending an alert to channel {} failed: {}", channel.getId(), describe(failure)));
  }

  private static byte @Nullable [] drawCard(Alert alert, String channelName, List<String> notes) {
    try {
      return ResultCard.png(alert.report(), channelName);
    } catch (RuntimeException | LinkageError | InternalError e) {
      // A JVM without fonts fails here; the alert still goes out, without its picture.
      log.warn("drawing a result card failed: {}", e.toString());
      notes.add("⚠️ The result card could not be drawn on this host.");
      return null;
    }
  }

  static String describe(Throwable failure) {
    if (failure instanceof InsufficientPermissionException insufficientPermissionException) {
      return "missing the "
          + insufficientPermissionException.getPermission().getName()
          + " permission";
    }
    if (failure instanceof ErrorResponseException errorResponseException) {
      ErrorResponse response = errorResponseException.getErrorResponse();
      return response + " (" + errorResponseException.getErrorCode() + ")";
    }
    return failure.toString();
  }
}
