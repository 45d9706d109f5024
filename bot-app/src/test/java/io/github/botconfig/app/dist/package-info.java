/** Tests of app.dist: null-marked so NullAway reads them as it reads main code. */
@NullMarked
package io.github.botconfig.app.dist;

import org.jspecify.annotations.NullMarked;
