/**
 * The Dagger wiring: settings → DynamoDB client → store → cache → Discord. The only place that sees
 * every module; the libraries themselves know nothing of Dagger.
 */
@NullMarked
package io.github.botconfig.app.wiring;

import org.jspecify.annotations.NullMarked;
