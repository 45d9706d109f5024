package io.github.botconfig.bot.report;

import java.time.Instant;

/**
 * A message in a tracked channel, read once from Discord's event: everything the message path
 * decides on.
 *
 * <p>Immutable and thread-safe.
 *
 * @param guildId the guild Discord says the message was posted in
 * @param author who posted it
 * @param text its text and its embeds' text (monitoring webhooks often put the result in an embed)
 * @param at when Discord made it
 */
public record PostedMessage(long guildId, AuthorKind author, String text, Instant at) {}
