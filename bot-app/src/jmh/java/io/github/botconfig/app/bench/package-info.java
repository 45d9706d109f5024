/**
 * Harnesses of start-up, refresh and cost over a local DynamoDB (docs/performance.md); never run by
 * mvn verify.
 */
@NullMarked
package io.github.botconfig.app.bench;

import org.jspecify.annotations.NullMarked;
