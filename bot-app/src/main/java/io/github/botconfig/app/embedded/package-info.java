/**
 * The embedded default: with no AWS configuration, a local dynalite server on 127.0.0.1, its data
 * under {@code data/}, so that a new user needs no AWS account to try the bot.
 */
@NullMarked
package io.github.botconfig.app.embedded;

import org.jspecify.annotations.NullMarked;
