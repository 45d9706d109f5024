package io.github.botconfig.domain;

import java.util.Locale;

/**
 * Who may post the result reports a tracked channel answers (mentions, pins, the live board).
 *
 * <p>The default, {@link #WEBHOOKS}, keeps the tag's mention with the monitoring service that posts
 * reports: a member typing "take profit +12 %" would otherwise ping the channel's role at will.
 */
public enum Reporters {
  /** Messages posted through a webhook only, as monitoring services post them. The default. */
  WEBHOOKS,
  /** Webhooks and members alike; bots (this one included) never count. */
  EVERYONE;

  /** The stored and displayed form: {@code webhooks}, {@code everyone}. */
  public String text() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Reads {@code webhooks} or {@code everyone} in any case, surrounding spaces ignored.
   *
   * @throws InvalidConfigException naming the value for anything else
   */
  public static Reporters parse(String text) {
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "webhooks" -> WEBHOOKS;
      case "everyone" -> EVERYONE;
      default ->
          throw Inputs.invalid(
              "reporters must be 'webhooks' or 'everyone', got %s", Inputs.quote(text));
    };
  }

  @Override
  public String toString() {
    return text();
  }
}
