package io.github.botconfig.application.port.in;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a use case did: a {@link Kind} that every front end renders in its own words, the value it
 * produced (for the kinds that produce one) and, for the others, a message naming what went wrong.
 *
 * <p>Two outcomes are equal when kind, value and message are: the same command through two front
 * ends gives equal outcomes. Immutable and thread-safe.
 *
 * @param <T> the value's type
 */
public final class Outcome<T> {

  /** The outcomes of the admin operations. */
  public enum Kind {
    /** Newly tracked or first stored; the value is what was stored. */
    CREATED(true),
    /** Changed; the value is the new one. */
    CHANGED(true),
    /** Nothing to change: nothing was written (no request, no version, no change marker). */
    UNCHANGED(true),
    /** Read; the value is what is stored (or the defaults). */
    FOUND(true),
    /** Removed; the value says what (a channel id, a count of items). */
    REMOVED(true),
    /** The channel is not tracked (in this guild). */
    NOT_TRACKED(false),
    /** The channel is tracked by another guild; only that guild can configure it. */
    OWNED_BY_ANOTHER_GUILD(false),
    /** Others kept changing the same item through every attempt; nothing was saved. */
    CONFLICT(false),
    /** Something is stored but cannot be read; the message says what and why. */
    UNREADABLE(false),
    /** The input was refused; the message names the value. */
    INVALID(false),
    /** The actor may not configure this guild. */
    NOT_ALLOWED(false),
    /** The store could not be reached, even after retries; nothing was changed. */
    UNAVAILABLE(false);

    private final boolean succeeded;

    Kind(boolean succeeded) {
      this.succeeded = succeeded;
    }

    /** Whether the operation did what was asked (or found there was nothing to do). */
    public boolean succeeded() {
      return succeeded;
    }
  }

  private final Kind kind;
  private final @Nullable T value;
  private final String message;

  private Outcome(Kind kind, @Nullable T value, String message) {
    this.kind = kind;
    this.value = value;
    this.message = message;
  }

  /** A successful outcome of {@code kind} carrying {@code value}. */
  public static <T> Outcome<T> of(Kind kind, T value) {
    if (!kind.succeeded()) {
      throw new IllegalArgumentException(kind + " is a failure: it carries a message, not a value");
    }
    return new Outcome<>(kind, Objects.requireNonNull(value), "");
  }

  /** A failed outcome of {@code kind}, with the message an admin reads. */
  public static <T> Outcome<T> failed(Kind kind, String message) {
    if (kind.succeeded()) {
      throw new IllegalArgumentException(kind + " is a success: it carries a value");
    }
    return new Outcome<>(kind, null, message);
  }

  public Kind kind() {
    return kind;
  }

  /** Whether the operation did what was asked (or found there was nothing to do). */
  public boolean succeeded() {
    return kind.succeeded();
  }

  /** The value of a successful outcome; empty for a failed one. */
  public Optional<T> value() {
    return Optional.ofNullable(value);
  }

  /**
   * The value of a successful outcome.
   *
   * @throws IllegalStateException for a failed outcome
   */
  public T get() {
    if (value == null) {
      throw new IllegalStateException("a " + kind + " outcome has no value: " + message);
    }
    return value;
  }

  /** What went wrong, naming the value, for a failed outcome; empty for a successful one. */
  public String message() {
    return message;
  }

  /** The same outcome carrying another value (a front end's view of it). */
  public <U> Outcome<U> map(java.util.function.Function<? super T, ? extends U> mapper) {
    return value == null
        ? new Outcome<>(kind, null, message)
        : new Outcome<>(kind, Objects.requireNonNull(mapper.apply(value)), message);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Outcome<?> other
        && other.kind == kind
        && Objects.equals(other.value, value)
        && other.message.equals(message);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, value, message);
  }

  @Override
  public String toString() {
    return succeeded() ? kind + " " + value : kind + ": " + message;
  }
}
