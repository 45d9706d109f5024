/** Tests of app.security: null-marked so NullAway reads them as it reads main code. */
@NullMarked
package io.github.botconfig.app.security;

import org.jspecify.annotations.NullMarked;
