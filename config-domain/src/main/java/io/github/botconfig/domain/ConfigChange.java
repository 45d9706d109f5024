package io.github.botconfig.domain;

import java.util.Objects;

/**
 * One entry of a store's change feed: the write numbered {@code position} changed {@code key}.
 *
 * <p>Positions are those of {@link ConfigStore#changeFeedPosition()}: each write takes the next one
 * before it writes and records it after, whether it succeeded or not, so a position that never
 * shows up is a write whose record was lost (or is still in flight).
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
