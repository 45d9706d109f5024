/** The JSON forms of channels and settings that the command line prints (--json) and reads. */
@NullMarked
package io.github.botconfig.app.json;

import org.jspecify.annotations.NullMarked;
