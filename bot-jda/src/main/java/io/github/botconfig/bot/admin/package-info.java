/**
 * What the {@code /config} commands do, without Discord: reading and validating the changes an
 * admin asks for, applying them with optimistic versions, and the text of every reply (an
 * architecture test keeps JDA out).
 *
 * <p>{@link io.github.botconfig.bot.admin.ConfigAdmin} is the entry point; the JDA listener only
 * turns command options into {@link io.github.botconfig.bot.admin.ChannelChanges} / {@link
 * io.github.botconfig.bot.admin.GuildChanges} and sends back the text it gets.
 */
@NullMarked
package io.github.botconfig.bot.admin;

import org.jspecify.annotations.NullMarked;
