package io.github.botconfig.application.port.in;

import io.github.botconfig.domain.InvalidConfigException;
import java.util.Optional;

/**
 * A change to an optional setting: keep it, set it to a value, or clear it.
 *
 * <p>Immutable and thread-safe.
 *
 * @param value the new value, if one was given
 * @param clear whether the setting is to be cleared
 * @param <T> the setting's type
 */
public record OptionalChange<T>(Optional<T> value, boolean clear) {

  /**
   * @throws IllegalArgumentException if both a value and clearing are asked for (use {@link #of})
   */
  public OptionalChange {
    if (clear && value.isPresent()) {
      throw new IllegalArgumentException("a change either sets or clears");
    }
  }

  /** Leaves the setting as it is. */
  public static <T> OptionalChange<T> keep() {
    return new OptionalChange<>(Optional.empty(), false);
  }

  /** Sets the setting to {@code value}. */
  public static <T> OptionalChange<T> set(T value) {
    return new OptionalChange<>(Optional.of(value), false);
  }

  /** Clears the setting. */
  public static <T> OptionalChange<T> cleared() {
    return new OptionalChange<>(Optional.empty(), true);
  }

  /**
   * Reads a pair of command options: a value option and its {@code clear-} flag.
   *
   * @param name the value option's name, for the error message
   * @throws InvalidConfigException naming both options when a value is given and clearing is asked
   *     for too
   */
  public static <T> OptionalChange<T> of(String name, Optional<T> value, boolean clear) {
    if (clear && value.isPresent()) {
      throw new InvalidConfigException(
          "give either '" + name + "' or 'clear-" + name + "', not both");
    }
    return new OptionalChange<>(value, clear);
  }

  /** Whether this change leaves the setting as it is. */
  public boolean isKeep() {
    return !clear && value.isEmpty();
  }

  /** Returns the setting after this change. */
  public Optional<T> applyTo(Optional<T> current) {
    if (clear) {
      return Optional.empty();
    }
    return value.isPresent() ? value : current;
  }
}
