/**
 * Test support shipped in config-cache's test-jar: run a store's contract suite through a cache.
 */
@NullMarked
package io.github.botconfig.cache.testing;

import org.jspecify.annotations.NullMarked;
