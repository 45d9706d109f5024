package io.github.botconfig.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.botconfig.cache.ConfigCache;
import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.dynamodb.DynamoDbConfigStore;
import io.github.botconfig.dynamodb.testing.LocalDynamoDbExtension;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Your code against a local DynamoDB: one server for the run, a fresh table per store. */
class StoreOnLocalDynamoDbIT {
  @RegisterExtension static final LocalDynamoDbExtension DYNAMODB = LocalDynamoDbExtension.create();

  private static final GuildId GUILD = GuildId.of("1180586412434817024");
  private static final ChannelId CHANNEL = ChannelId.of("1180586500000000001");

  @Test
  void aChannelSavedThroughOneCacheIsFoundByTheNext() {
    DynamoDbConfigStore store = DYNAMODB.newStore(Clock.systemUTC()); // a new, empty table
    try (ConfigCache cache = ConfigCache.builder(store).build()) {
      cache.start();
      cache.saveChannel(ChannelConfig.of(GUILD, CHANNEL).withPin(true));
    }
    try (ConfigCache restarted = ConfigCache.builder(store).build()) {
      restarted.start();
      assertThat(restarted.findChannel(CHANNEL))
          .hasValueSatisfying(c -> assertThat(c.pin()).isTrue());
    }
  }

  @Test
  void theQuickStartRunsAgainstTheLocalServer() {
    QuickStart.main(new String[] {DYNAMODB.endpoint().toString()});

    DynamoDbConfigStore store =
        DynamoDbConfigStore.builder()
            .client(DYNAMODB.client())
            .tableName("discord-bot-config")
            .build();
    assertThat(store.findChannel(CHANNEL)).hasValueSatisfying(c -> assertThat(c.pin()).isTrue());
  }
}
