package io.github.botconfig.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * What a read-change-write of the repository did ({@link ConfigRepository#updateChannel}, {@link
 * ConfigRepository#updateSettings}, {@link ConfigRepository#updateBoard}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param before what was stored before the change, empty if nothing was
 * @param after what is stored after it: the stored value when {@code changed}, else {@code before}
 *     (or, for settings never stored, the defaults the change left as they were)
 * @param changed whether a write was made; {@code false} means the change left everything as it
 *     was, and nothing was sent to the store
 * @param <T> {@link ChannelConfig}, {@link GuildSettings} or {@link LiveBoard}
 */
public record UpdateResult<T>(Optional<T> before, T after, boolean changed) {
  public UpdateResult {
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(after, "after");
  }
}
