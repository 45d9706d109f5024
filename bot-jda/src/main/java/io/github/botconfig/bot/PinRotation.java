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
 * Pins alerts; when the channel is full, unpins its oldest pin and pins again.
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
      channel
          .sendMessage(missing(missing, "this " + what + " could not be pinned"))
          .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
          .queue(
              null,
              f -> log.warn("telling channel {} a permission is missing failed", channel.getId()));
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
                oldest(pinned, message)
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
                        () ->
                            log.warn(
                                "channel {} refuses more pins but lists none", channel.getId())))
        .exceptionally(
            f -> {
              onPinFailed(message, what, f, false);
              return null;
            });
  }

  private static Optional<PinnedMessage> oldest(List<PinnedMessage> pinned, Message keep) {
    return pinned.stream()
        .filter(p -> p.getMessage().getIdLong() != keep.getIdLong())
        .min(Comparator.comparing(PinnedMessage::getTimePinned));
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
