package io.github.botconfig.domain.testing;

import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.ConfigStore;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.GuildSettings;
import io.github.botconfig.domain.UnreadableItem;
import java.time.Clock;

class InMemoryConfigStoreTest extends ConfigStoreContract {
  private InMemoryConfigStore memory;

  @Override
  protected ConfigStore newEmptyStore(Clock clock) {
    memory = new InMemoryConfigStore(clock);
    return memory;
  }

  @Override
  protected void putAsAnotherWriter(ChannelConfig channel) {
    memory.putAsAnotherWriter(channel);
  }

  @Override
  protected void putAsAnotherWriter(GuildSettings settings) {
    memory.putAsAnotherWriter(settings);
  }

  @Override
  protected void putUnreadableChannel(GuildId guildId, ChannelId channelId) {
    memory.putUnreadable(
        UnreadableItem.channel(guildId, channelId, "threshold: must be a percentage, got 'maybe'"));
  }

  @Override
  protected void putUnreadableSettings(GuildId guildId) {
    memory.putUnreadable(
        UnreadableItem.settings(
            guildId, "timezone: must be an IANA time zone, got 'Mars/Olympus'"));
  }
}
