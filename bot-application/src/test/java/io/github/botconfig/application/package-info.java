/** Tests of application: null-marked so NullAway reads them as it reads main code. */
@NullMarked
package io.github.botconfig.application;

import org.jspecify.annotations.NullMarked;
