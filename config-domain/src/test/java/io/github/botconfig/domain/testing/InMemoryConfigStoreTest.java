package io.github.botconfig.domain.testing;

import io.github.botconfig.domain.ConfigStore;
import java.time.Clock;

class InMemoryConfigStoreTest extends ConfigStoreContract {
  @Override
  protected ConfigStore newEmptyStore(Clock clock) {
    return new InMemoryConfigStore(clock);
  }
}
