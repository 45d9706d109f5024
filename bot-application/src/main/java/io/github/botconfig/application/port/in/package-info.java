/**
 * The inbound ports: one use case per admin operation, each taking a command (or query) value and
 * returning an {@link io.github.botconfig.application.port.in.Outcome}. Front ends (Discord's
 * {@code /config}, the CLI, any later one) parse their input into a command, call the use case, and
 * render the outcome; they decide nothing else.
 *
 * <p>Who may do what is asked of the {@link io.github.botconfig.application.port.in.Actor} each
 * command carries: every front end answers it its own way (Discord with the member's permission,
 * the CLI with its operator policy), the use cases ask it, always, before anything else.
 */
@NullMarked
package io.github.botconfig.application.port.in;

import org.jspecify.annotations.NullMarked;
