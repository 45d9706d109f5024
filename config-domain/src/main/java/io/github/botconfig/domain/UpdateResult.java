package io.github.botconfig.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * What a read-change-write of the repository did ({@link ConfigRepository#updateChannel}, {@link
 * ConfigRepository#updateSettings}, {@link ConfigRepository#updateBoard}).
 *
 * <p>Immutable and thread-safe. Only the repository makes these; a later version may say more (a
 * new accessor), which is why this is a class with accessors and not a record.
 *
 * @param <T> {@link ChannelConfig}, {@link GuildSettings} or {@link LiveBoard}
 */
public final class UpdateResult<T> {
  private final Optional<T> before;
  private final T after;
  private final boolean changed;

  UpdateResult(Optional<T> before, T after, boolean changed) {
    this.before = Objects.requireNonNull(before, "before");
    this.after = Objects.requireNonNull(after, "after");
    this.changed = changed;
  }

  /** What was stored before the change, empty if nothing was. */
  public Optional<T> before() {
    return before;
  }

  /**
   * What is stored after it: the stored value when {@link #changed()}, else {@link #before()} (or,
   * for settings never stored, the defaults the change left as they were).
   */
  public T after() {
    return after;
  }

  /**
   * Whether a write was made; {@code false} means the change left everything as it was, and nothing
   * was sent to the store.
   */
  public boolean changed() {
    return changed;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof UpdateResult<?> that)) {
      return false;
    }
    return changed == that.changed && before.equals(that.before) && after.equals(that.after);
  }

  @Override
  public int hashCode() {
    return Objects.hash(before, after, changed);
  }

  @Override
  public String toString() {
    return "UpdateResult[before=" + before + ", after=" + after + ", changed=" + changed + "]";
  }
}
