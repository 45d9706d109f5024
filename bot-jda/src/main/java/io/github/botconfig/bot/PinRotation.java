package io.github.botconfig.bot;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.InsufficientPermissionException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.requests.restaction.pagination.PinnedMessagePaginationAction.PinnedMessage;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pins alerts; when the channel is full, unpins the oldest of the bot's own pins and pins again.
 * Nobody else's pin is ever removed: a moderator's pins stay whoever posts reports. Discord does
 * not say who pinned a message; the bot pins only its own messages, so their author stands for it.
 * A channel full of others' pins is told why the alert is not pinned.
 *
 * <p>The channel being full is learnt from Discord's refusal ({@link
 * ErrorResponse#MAX_MESSAGE_PINS}) rather than by counting pins before every pin: the usual case
 * costs one request instead of two, and whatever limit Discord applies (50 when the running bot was
 * written) needs no copy here. A missing permission gets one message in the channel naming it.
 * Asynchronous and thread-safe.
 */
final class PinRotation {
  private static final Logger log = LoggerFactory.getLogger(PinRotation.class);

  /** Far above any pin limit Discord has had; bounds the pages read to find the oldest pin. */
  private static final int MAX_PINS_READ = 1000;

  /** Pins an alert. */
  void pin(Message message) {
    pin(message, "alert");
  }

  /**
   * Pins a message; {@code what} names it in the channel if that fails ("this summary could not be
   * pinned").
   */
  void pin(Message message, String what) {
    message.pin().queue(null, failure -> onPinFailed(message, what, failure, true));
  }

  private void onPinFailed(Message message, String what, Throwable failure, boolean mayRotate) {
    Throwable cause =
        failure instanceof CompletionException && failure.getCause() != null
            ? failure.getCause()
            : failure;
    if (mayRotate && isError(cause, ErrorResponse.MAX_MESSAGE_PINS)) {
      unpinOldestThenPin(message, what);
      return;
    }
    GuildMessageChannel channel = message.getGuildChannel();
    Permission missing = missingPermission(cause);
    if (missing != null) {
      tell(channel, missing(missing, "this " + what + " could not be pinned"));
      return;
    }
    log.warn(
        "pinning message {} in channel {} failed: {}",
        message.getId(),
        channel.getId(),
        AlertPublisher.describe(cause));
  }

  private void unpinOldestThenPin(Message message, String what) {
    GuildMessageChannel channel = message.getGuildChannel();
    channel
        .retrievePinnedMessages()
        .takeAsync(MAX_PINS_READ)
        .thenAccept(
            pinned ->
                oldestOwn(pinned, message)
                    .ifPresentOrElse(
                        oldest ->
                            channel
                                .unpinMessageById(oldest.getMessage().getIdLong())
                                .queue(
                                    unpinned ->
                                        message
                                            .pin()
                                            .queue(null, f -> onPinFailed(message, what, f, false)),
                                    f -> onPinFailed(message, what, f, false)),
                        () -> tell(channel, fullOfOthersPins(what))))
        .exceptionally(
            f -> {
              onPinFailed(message, what, f, false);
              return null;
            });
  }

  /** The oldest pin of a message the bot posted itself, other than the one to pin. */
  static Optional<PinnedMessage> oldestOwn(List<PinnedMessage> pinned, Message keep) {
    long self = keep.getJDA().getSelfUser().getIdLong();
    return pinned.stream()
        .filter(p -> p.getMessage().getIdLong() != keep.getIdLong())
        .filter(p -> p.getMessage().getAuthor().getIdLong() == self)
        .min(Comparator.comparing(PinnedMessage::getTimePinned));
  }

  static String fullOfOthersPins(String what) {
    return "⚠️ This channel has as many pins as Discord allows, and none of them is mine to"
        + " remove: this "
        + what
        + " could not be pinned. Unpin a message, or turn pinning off.";
  }

  private static void tell(GuildMessageChannel channel, String text) {
    channel
        .sendMessage(text)
        .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
        .queue(null, f -> log.warn("telling channel {} why a pin failed failed", channel.getId()));
  }

  /**
   * The text telling a channel what the bot lacks: "⚠️ I need the **Pin Messages** permission …".
   */
  static String missing(Permission permission, String consequence) {
    return "⚠️ I need the **"
        + permission.getName()
        + "** permission in this channel: "
        + consequence
        + ".";
  }

  private static @Nullable Permission missingPermission(Throwable failure) {
    if (failure instanceof InsufficientPermissionException insufficientPermissionException) {
      return insufficientPermissionException.getPermission();
    }
    if (isError(failure, ErrorResponse.MISSING_PERMISSIONS)) {
      return Permission.PIN_MESSAGES; // the only permission a pin needs
    }
    return null;
  }

  private static boolean isError(Throwable failure, ErrorResponse response) {
    return failure instanceof ErrorResponseException errorResponseException
        && errorResponseException.getErrorResponse() == response;
  }
}
