/** Tests of examples.build: null-marked so NullAway reads them as it reads main code. */
@NullMarked
package io.github.botconfig.examples.build;

import org.jspecify.annotations.NullMarked;
