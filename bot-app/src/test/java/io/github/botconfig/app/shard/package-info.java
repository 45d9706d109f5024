/** Tests of app.shard: null-marked so NullAway reads them as it reads main code. */
@NullMarked
package io.github.botconfig.app.shard;

import org.jspecify.annotations.NullMarked;
