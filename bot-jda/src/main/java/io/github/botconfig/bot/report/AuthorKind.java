package io.github.botconfig.bot.report;

/**
 * Who posted a message, as far as reports go. Read once from the message by the adapter; the
 * channel's {@link io.github.botconfig.domain.Reporters} setting says which kinds count.
 */
public enum AuthorKind {
  /** Posted through a webhook: how monitoring services post reports. */
  WEBHOOK,
  /**
   * A bot's own message, this bot's included, and a bot's answer to a slash command (which Discord
   * also flags as a webhook's): never a report.
   */
  BOT,
  /** A member of the guild. */
  MEMBER
}
