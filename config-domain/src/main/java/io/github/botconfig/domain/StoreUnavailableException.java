package io.github.botconfig.domain;

/**
 * The store could not be reached or refused to serve, even after its retries.
 *
 * <p>A write that fails this way may or may not have reached the store (a timeout cannot tell).
 * Retrying is safe: writes are conditional on the version read, so a retry of a write that did land
 * is refused as a {@link ConfigConflictException} instead of applied twice.
 *
 * <p>One kind is not an outage: {@link StoreNotFoundException}, the store does not exist.
 */
public sealed class StoreUnavailableException extends ConfigException
    permits StoreNotFoundException {
  private static final long serialVersionUID = 1L;

  public StoreUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }

  public StoreUnavailableException(String message) {
    super(message);
  }
}
