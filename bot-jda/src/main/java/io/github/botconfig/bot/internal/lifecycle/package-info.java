/**
 * Internal to bot-jda, no compatibility promise. What happens to stored configuration when Discord
 * takes a guild away: the departure is recorded, cleared when the bot comes back, and a daily sweep
 * purges guilds gone for longer than the grace period. Plain Java, no JDA (an architecture test
 * keeps it so); the JDA listener reports events and presence.
 */
@NullMarked
package io.github.botconfig.bot.internal.lifecycle;

import org.jspecify.annotations.NullMarked;
