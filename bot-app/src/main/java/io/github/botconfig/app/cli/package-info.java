/**
 * The {@code botconfig} command line (picocli): the bot's operations for admins and scripts,
 * without Discord. {@link io.github.botconfig.app.cli.BotConfigCli} is the root command; each
 * subcommand is one class.
 */
@NullMarked
package io.github.botconfig.app.cli;

import org.jspecify.annotations.NullMarked;
