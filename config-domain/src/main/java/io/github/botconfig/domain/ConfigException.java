package io.github.botconfig.domain;

import java.util.Objects;

/**
 * The base of every failure botconfig reports. Its message is written for a Discord admin: it says
 * what was wrong, names the value, and where it can, what to do.
 *
 * <p>Three kinds: {@link InvalidConfigException} (the input), {@link ConfigConflictException}
 * (someone else changed the data first), {@link StoreUnavailableException} (the store could not be
 * reached, even after retries).
 */
public abstract class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  ConfigException(String message, Throwable cause) {
    super(message, cause);
  }

  ConfigException(String message) {
    super(message);
  }

  /** Returns the message for the admin; never null, as every constructor takes one. */
  @Override
  public String getMessage() {
    return Objects.requireNonNull(super.getMessage());
  }
}
