package io.github.botconfig.application.port.in;

import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.Reporters;
import io.github.botconfig.domain.Tag;
import io.github.botconfig.domain.Threshold;
import java.util.Optional;

/**
 * What {@code /config channel set} asks to change; every field left empty keeps the stored value.
 *
 * <p>Immutable and thread-safe.
 *
 * @param image turn the result card on or off
 * @param pin turn pinning on or off
 * @param notifyOnClose turn answers to reports on or off
 * @param tag set or clear whom alerts mention
 * @param threshold the new threshold ({@link Threshold#NONE} clears it)
 * @param reporters whose messages count as reports
 * @param custom what changes among the project's own setting keys
 */
public record ChannelChanges(
    Optional<Boolean> image,
    Optional<Boolean> pin,
    Optional<Boolean> notifyOnClose,
    OptionalChange<Tag> tag,
    Optional<Threshold> threshold,
    Optional<Reporters> reporters,
    CustomChanges custom) {

  /** Changes of the built-in options only. */
  public ChannelChanges(
      Optional<Boolean> image,
      Optional<Boolean> pin,
      Optional<Boolean> notifyOnClose,
      OptionalChange<Tag> tag,
      Optional<Threshold> threshold,
      Optional<Reporters> reporters) {
    this(image, pin, notifyOnClose, tag, threshold, reporters, CustomChanges.none());
  }

  /** Changes nothing. */
  public static ChannelChanges none() {
    return new ChannelChanges(
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        OptionalChange.keep(),
        Optional.empty(),
        Optional.empty(),
        CustomChanges.none());
  }

  /** Changes the project's own setting keys only. */
  public static ChannelChanges of(CustomChanges custom) {
    ChannelChanges none = none();
    return new ChannelChanges(
        none.image, none.pin, none.notifyOnClose, none.tag, none.threshold, none.reporters, custom);
  }

  /** These changes, and {@code custom} instead of their custom ones. */
  public ChannelChanges withCustom(CustomChanges custom) {
    return new ChannelChanges(image, pin, notifyOnClose, tag, threshold, reporters, custom);
  }

  /** Whether nothing is to change. */
  public boolean isEmpty() {
    return image.isEmpty()
        && pin.isEmpty()
        && notifyOnClose.isEmpty()
        && tag.isKeep()
        && threshold.isEmpty()
        && reporters.isEmpty()
        && custom.isEmpty();
  }

  /**
   * Returns {@code channel} with these changes; its version is kept, so saving it is optimistic.
   */
  public ChannelConfig applyTo(ChannelConfig channel) {
    return custom.applyTo(
        channel
            .withImage(image.orElse(channel.image()))
            .withPin(pin.orElse(channel.pin()))
            .withNotifyOnClose(notifyOnClose.orElse(channel.notifyOnClose()))
            .withTag(tag.applyTo(channel.tag()))
            .withThreshold(threshold.orElse(channel.threshold()))
            .withReporters(reporters.orElse(channel.reporters())));
  }
}
