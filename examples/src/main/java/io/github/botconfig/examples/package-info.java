/**
 * Runnable examples of the library API, as a consumer writes them (the module README lists them).
 */
@NullMarked
package io.github.botconfig.examples;

import org.jspecify.annotations.NullMarked;
