/**
 * The launcher of botconfig: {@link io.github.botconfig.app.Main} runs the {@code botconfig}
 * command line. Sub-packages: {@code config} (settings, logging), {@code cli} (commands), {@code
 * wiring} (Dagger), {@code embedded} (the local DynamoDB used without AWS configuration), {@code
 * json} (JSON forms).
 */
@NullMarked
package io.github.botconfig.app;

import org.jspecify.annotations.NullMarked;
