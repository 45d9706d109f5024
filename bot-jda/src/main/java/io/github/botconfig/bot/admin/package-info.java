/**
 * The Discord side of {@code /config} without Discord: it calls the admin use cases
 * (bot-application) and turns their outcomes into the text of every reply (an architecture test
 * keeps JDA out). No admin decision is made here: retries, the nothing-to-change rule, ownership
 * and authorisation are the use cases'.
 *
 * <p>{@link io.github.botconfig.bot.admin.ConfigAdmin} is the entry point; the JDA listener turns
 * command options into the use cases' commands ({@link
 * io.github.botconfig.application.port.in.ChannelChanges}, {@link
 * io.github.botconfig.application.port.in.SettingsChanges}) and sends back the text it gets.
 */
@NullMarked
package io.github.botconfig.bot.admin;

import org.jspecify.annotations.NullMarked;
