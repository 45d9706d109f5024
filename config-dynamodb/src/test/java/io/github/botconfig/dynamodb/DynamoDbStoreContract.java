package io.github.botconfig.dynamodb;

import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.ConfigStore;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.GuildSettings;
import io.github.botconfig.domain.testing.ConfigStoreContract;
import io.github.botconfig.dynamodb.testing.LocalDynamoDbExtension;
import java.time.Clock;

/**
 * The ConfigStore contract on a local server: a fresh table per test, and "another program" is a
 * raw, unconditional PutItem of whole items, as the user's TypeScript bots write.
 */
abstract class DynamoDbStoreContract extends ConfigStoreContract {
  private AnotherWriter another;

  abstract LocalDynamoDbExtension server();

  @Override
  protected ConfigStore newEmptyStore(Clock clock) {
    DynamoDbConfigStore store = server().newStore(clock);
    another = new AnotherWriter(server().client(), store.tableName());
    return store;
  }

  @Override
  protected void putAsAnotherWriter(ChannelConfig channel) {
    another.put(channel);
  }

  @Override
  protected void putAsAnotherWriter(GuildSettings settings) {
    another.put(settings);
  }

  @Override
  protected void putUnreadableChannel(GuildId guildId, ChannelId channelId) {
    another.putUnreadableChannel(guildId.toString(), channelId.toString());
  }

  @Override
  protected void putUnreadableSettings(GuildId guildId) {
    another.putUnreadableSettings(guildId.toString());
  }
}
