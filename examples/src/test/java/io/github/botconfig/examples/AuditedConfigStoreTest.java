package io.github.botconfig.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.ConfigStore;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.GuildSettings;
import io.github.botconfig.domain.UnreadableItem;
import io.github.botconfig.domain.testing.ConfigStoreContract;
import io.github.botconfig.domain.testing.InMemoryConfigStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Your store passes the contract every ConfigStore keeps (config-dynamodb-testing ships it). */
class AuditedConfigStoreTest extends ConfigStoreContract {
  private final List<String> audit = new ArrayList<>();
  private InMemoryConfigStore memory;

  @Override
  protected ConfigStore newEmptyStore(Clock clock) {
    memory = new InMemoryConfigStore(clock);
    return new AuditedConfigStore(memory, audit::add);
  }

  // Optional: how to write behind the store's back; without these, the tests needing it are
  // skipped.
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
    memory.putUnreadable(UnreadableItem.channel(guildId, channelId, "threshold: got 'maybe'"));
  }

  @Override
  protected void putUnreadableSettings(GuildId guildId) {
    memory.putUnreadable(UnreadableItem.settings(guildId, "timezone: got 'Mars/Olympus'"));
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
