/** Tests of examples: null-marked so NullAway reads them as it reads main code. */
@NullMarked
package io.github.botconfig.examples;

import org.jspecify.annotations.NullMarked;
