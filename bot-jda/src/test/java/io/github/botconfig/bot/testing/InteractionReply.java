package io.github.botconfig.bot.testing;

/**
 * What the bot answered to an interaction: the text a user reads, whether only they see it, and how
 * many requests the answer took (1 for a direct reply; 2 for an acknowledgement edited into the
 * reply).
 *
 * @param content the reply's text
 * @param ephemeral whether only the user who ran the command sees it
 * @param requests the REST requests of the answer
 */
public record InteractionReply(String content, boolean ephemeral, int requests) {}
