/**
 * End-to-end tests: the real JDA, wired through {@code DiscordBot} as bot-app does, against the
 * fake Discord.
 */
@NullMarked
package io.github.botconfig.bot.e2e;

import org.jspecify.annotations.NullMarked;
