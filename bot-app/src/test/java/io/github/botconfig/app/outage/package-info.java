/** Tests of app.outage: null-marked so NullAway reads them as it reads main code. */
@NullMarked
package io.github.botconfig.app.outage;

import org.jspecify.annotations.NullMarked;
