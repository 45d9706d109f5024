/**
 * A fake Discord for end-to-end tests of the real, unmodified JDA: REST and the gateway WebSocket
 * served by mockwebserver3 on 127.0.0.1, with the helpers those tests need (an event probe, a trap
 * for ERROR log lines, a manual scheduler). Shipped in bot-jda's test-jar for bot-app's tests.
 */
@NullMarked
package io.github.botconfig.bot.testing;

import org.jspecify.annotations.NullMarked;
