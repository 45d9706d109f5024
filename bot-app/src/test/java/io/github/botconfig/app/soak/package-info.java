/** Tests of app.soak: null-marked so NullAway reads them as it reads main code. */
@NullMarked
package io.github.botconfig.app.soak;

import org.jspecify.annotations.NullMarked;
