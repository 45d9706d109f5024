package io.github.botconfig.examples;

import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.ConfigRepository;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.UpdateResult;

/** The upsert idiom: change one thing of a channel, creating it if absent, retrying lost races. */
public final class PinChannel {
  private final ConfigRepository repository; // a ConfigCache, or any ConfigStore

  public PinChannel(ConfigRepository repository) {
    this.repository = repository;
  }

  /** Pins alerts in the channel; returns false when they already were (then nothing was sent). */
  public boolean pin(GuildId guild, ChannelId channel) {
    UpdateResult<ChannelConfig> result =
        repository.updateChannel(guild, channel, config -> config.withPin(true));
    // result.before(): what was stored (empty: the channel was not tracked, and now is);
    // result.after(): what is stored now, with its new version when result.changed().
    return result.changed();
  }
}
