/**
 * The {@code /config panel} settings panels: ephemeral messages of buttons, select menus and modals
 * over the same operations as the slash commands.
 *
 * <p>{@link io.github.botconfig.bot.internal.panel.PanelListener} is the entry point (the JDA
 * glue); {@code PanelActions} decides what a click does against the stored configuration (no JDA),
 * {@code PanelId} reads and writes the custom ids (which carry no trust), and the renderers turn a
 * screen into the message's text and components. docs/bot.md shows every panel.
 */
@NullMarked
package io.github.botconfig.bot.internal.panel;

import org.jspecify.annotations.NullMarked;
