package io.github.botconfig.domain;

/**
 * Where the configuration is kept (the driven port): a persistence adapter such as the DynamoDB
 * store.
 *
 * <p>Beyond {@link ConfigRepository}, a store can hand over all of its content at once and tell
 * cheaply whether anything changed, which is all a complete cache needs. Lookups on a store may be
 * slow and cost money: a bot reads through a cache, not from the store.
 *
 * <p>Implementations are safe for use by many threads at once, store times with millisecond
 * precision, and honour the contract suite {@code
 * io.github.botconfig.domain.testing.ConfigStoreContract} (config-domain's test-jar).
 */
public interface ConfigStore extends ConfigRepository {

  /**
   * Reads every tracked channel, every guild's settings and every live board.
   *
   * <p>Items that cannot be read (malformed, or of a kind this store does not model) are skipped
   * and reported by the store's own means; one bad item never fails the load.
   *
   * @throws StoreUnavailableException if the store cannot be read completely: a partial snapshot is
   *     never returned
   */
  ConfigSnapshot loadAll();

  /**
   * Returns a value that changes whenever any process writes through any store on the same data.
   * Comparing it with the value seen before a {@link #loadAll()} tells whether that snapshot may be
   * out of date. Cheap: one small read.
   *
   * <p>The value only ever grows; 0 means nothing was ever written.
   */
  long changeMarker();
}
