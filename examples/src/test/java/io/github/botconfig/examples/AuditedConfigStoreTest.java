package io.github.botconfig.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ConfigStore;
import io.github.botconfig.domain.testing.ConfigStoreContract;
import io.github.botconfig.domain.testing.InMemoryConfigStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Your store passes the contract every ConfigStore keeps (config-dynamodb-testing ships it). */
class AuditedConfigStoreTest extends ConfigStoreContract {
  private final List<String> audit = new ArrayList<>();

  @Override
  protected ConfigStore newEmptyStore(Clock clock) {
    return new AuditedConfigStore(new InMemoryConfigStore(clock), audit::add);
  }

  @Test
  void everyWriteTheStoreTookIsAudited() {
    store.saveChannel(ChannelConfig.of(GUILD, CHANNEL).withPin(true));
    store.deleteChannel(GUILD, CHANNEL);

    assertThat(audit)
        .containsExactly(
            "channel " + CHANNEL + " saved, version 1", "channel " + CHANNEL + " deleted");
  }
}
