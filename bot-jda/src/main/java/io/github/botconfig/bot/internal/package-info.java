/**
 * Internal to bot-jda, no compatibility promise (as OkHttp's {@code okhttp3.internal}): the
 * packages below are public only so that the adapter's own packages can share them. The module's
 * API is {@link io.github.botconfig.bot.DiscordBot} with its options and the message path in {@code
 * io.github.botconfig.bot.report}; {@code BotPublicApiTest} lists it.
 */
@NullMarked
package io.github.botconfig.bot.internal;

import org.jspecify.annotations.NullMarked;
