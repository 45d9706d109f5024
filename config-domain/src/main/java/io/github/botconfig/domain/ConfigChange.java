package io.github.botconfig.domain;

import java.util.Objects;

/**
 * One entry of a store's change feed: the write numbered {@code position} changed {@code key}.
 *
 * <p>Positions are the values of {@link ConfigStore#changeMarker()}: each write takes the next one
 * before it writes, so a position that never shows up is a write whose record was lost.
 *
 * <p>Immutable and thread-safe.
 *
 * @param position the write's number, 1 or more
 * @param key what it changed
 */
public record ConfigChange(long position, ConfigKey key) {
  public ConfigChange {
    if (position < 1) {
      throw new IllegalArgumentException("a change position is 1 or more, got " + position);
    }
    Objects.requireNonNull(key, "key");
  }
}
