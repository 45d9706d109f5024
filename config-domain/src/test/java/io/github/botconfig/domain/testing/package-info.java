/**
 * Test support for every module and for other projects' tests (config-domain's test-jar): an
 * in-memory {@link io.github.botconfig.domain.ConfigStore}, a wrapper that counts, fails and blocks
 * store calls on demand, a settable clock, and the contract suite every store must pass.
 */
@NullMarked
package io.github.botconfig.domain.testing;

import org.jspecify.annotations.NullMarked;
