/** The Discord adapter (JDA): message path, /config slash commands, guild and channel lifecycle. */
@NullMarked
package io.github.botconfig.bot;

import org.jspecify.annotations.NullMarked;
