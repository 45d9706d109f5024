/** The launcher: Dagger wiring, settings, the botconfig command line, packaging. */
@NullMarked
package io.github.botconfig.app;

import org.jspecify.annotations.NullMarked;
