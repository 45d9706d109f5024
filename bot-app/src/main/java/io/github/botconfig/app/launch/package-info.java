/**
 * The launcher's options: read from environment variables (and the same names as command-line
 * options), validated all at once so that every problem is reported in one go.
 */
@NullMarked
package io.github.botconfig.app.launch;

import org.jspecify.annotations.NullMarked;
