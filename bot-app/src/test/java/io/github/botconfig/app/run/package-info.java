/** Tests of app.run: null-marked so NullAway reads them as it reads main code. */
@NullMarked
package io.github.botconfig.app.run;

import org.jspecify.annotations.NullMarked;
