/** Tests of app.arch: null-marked so NullAway reads them as it reads main code. */
@NullMarked
package io.github.botconfig.app.arch;

import org.jspecify.annotations.NullMarked;
