package io.github.botconfig.app.wiring;

import dagger.Lazy;
import io.github.botconfig.bot.DiscordBot;
import io.github.botconfig.cache.CacheListener;
import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.GuildSettings;
import java.util.Optional;

/**
 * Tells the bot what changed in the cache, however it changed (a {@code /config} command, the CLI,
 * another process): a guild's summaries are rescheduled when its settings change, its board follows
 * its channels. The bot is reached lazily: the cache exists before it, and a CLI command that never
 * runs the bot never builds it.
 */
final class ChangesToBot implements CacheListener {
  private final Lazy<DiscordBot> bot;

  ChangesToBot(Lazy<DiscordBot> bot) {
    this.bot = bot;
  }

  @Override
  public void onSettingsChanged(
      GuildId guildId, Optional<GuildSettings> before, Optional<GuildSettings> after) {
    bot.get().settingsChanged(guildId);
  }

  @Override
  public void onChannelChanged(
      ChannelId channelId, Optional<ChannelConfig> before, Optional<ChannelConfig> after) {
    after.or(() -> before).ifPresent(channel -> bot.get().channelsChanged(channel.guildId()));
  }
}
