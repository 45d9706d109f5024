package io.github.botconfig.domain;

/**
 * The store is not there at all where it was looked for: its table does not exist, or the name or
 * the region is wrong. A configuration error, not an outage: retrying does not help until someone
 * creates it or fixes the configuration. The message says where it was looked for and how to create
 * it.
 *
 * <p>A kind of {@link StoreUnavailableException}, so code that handles "the store cannot answer"
 * handles this too; {@code ConfigCache.start()} fails with it instead of waiting.
 */
public final class StoreNotFoundException extends StoreUnavailableException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what was being done and where the store was looked for
   * @param cause the store's own failure
   */
  public StoreNotFoundException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * @param message what was being done and where the store was looked for
   */
  public StoreNotFoundException(String message) {
    super(message);
  }
}
