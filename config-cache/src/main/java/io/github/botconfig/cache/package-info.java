/**
 * The complete in-memory cache: answers every lookup from memory, writes through to any
 * ConfigStore.
 */
@NullMarked
package io.github.botconfig.cache;

import org.jspecify.annotations.NullMarked;
