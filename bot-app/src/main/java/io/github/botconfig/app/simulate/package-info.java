/**
 * {@code botconfig simulate}: the bot's message path driven by synthetic traffic over a temporary
 * table, with Discord replaced by a counter, and the DynamoDB cost model fed by what the run
 * measured.
 */
@NullMarked
package io.github.botconfig.app.simulate;

import org.jspecify.annotations.NullMarked;
