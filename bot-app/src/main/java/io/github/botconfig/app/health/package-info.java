/**
 * The optional HTTP endpoint of a running bot: {@code /healthz} (is it serving, and what is wrong
 * if not) and {@code /metrics} (Prometheus text format), on the JDK's own HTTP server, off unless
 * the settings turn it on.
 */
@NullMarked
package io.github.botconfig.app.health;

import org.jspecify.annotations.NullMarked;
