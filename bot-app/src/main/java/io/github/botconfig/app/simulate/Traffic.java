package io.github.botconfig.app.simulate;

import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.Tag;
import io.github.botconfig.domain.Threshold;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Synthetic guilds and messages, the same for a given seed: every guild has its tracked channels
 * and ten times as many untracked ones; messages land in a tracked channel with the given
 * probability. Messages are made before the clock starts, so the run measures the bot, not the
 * generator.
 */
final class Traffic {
  /**
   * Ids far from real ones (Discord's start in 2015 at about 4e16 and grow): no clash with a
   * table's guilds.
   */
  private static final long GUILD_BASE = 8_000_000_000_000_000_000L;

  private static final long CHANNEL_BASE = 8_100_000_000_000_000_000L;
  private static final int UNTRACKED_PER_TRACKED = 10;

  private static final String[] REPORTS = {
    "Position closed — Take profit: +12.5%",
    "Position closed — Stop loss: -8%",
    "Position closed: +3.2 %",
    "Position closed: -21,4%",
  };
  private static final String[] CHATTER = {"gm", "nice trade", "when moon"};

  final List<ChannelConfig> channels;
  final long[] messageChannels;
  final String[] messageTexts;

  private Traffic(List<ChannelConfig> channels, long[] messageChannels, String[] messageTexts) {
    this.channels = channels;
    this.messageChannels = messageChannels;
    this.messageTexts = messageTexts;
  }

  static Traffic generate(
      int guilds, int channelsPerGuild, double trackedShare, int messages, long seed) {
    List<ChannelConfig> channels = new ArrayList<>();
    long[] tracked = new long[guilds * channelsPerGuild];
    long[] untracked = new long[tracked.length * UNTRACKED_PER_TRACKED];
    for (int g = 0; g < guilds; g++) {
      GuildId guild = GuildId.of(GUILD_BASE + g);
      for (int c = 0; c < channelsPerGuild; c++) {
        int i = g * channelsPerGuild + c;
        tracked[i] = CHANNEL_BASE + i;
        channels.add(variety(ChannelConfig.of(guild, ChannelId.of(tracked[i])), i));
      }
    }
    for (int i = 0; i < untracked.length; i++) {
      untracked[i] = CHANNEL_BASE + tracked.length + i;
    }
    SplittableRandom random = new SplittableRandom(seed);
    long[] ids = new long[messages];
    String[] texts = new String[messages];
    for (int m = 0; m < messages; m++) {
      boolean inTracked = tracked.length > 0 && random.nextDouble() < trackedShare;
      ids[m] =
          inTracked
              ? tracked[random.nextInt(tracked.length)]
              : untracked[random.nextInt(untracked.length)];
      texts[m] =
          inTracked
              ? REPORTS[random.nextInt(REPORTS.length)]
              : CHATTER[random.nextInt(CHATTER.length)];
    }
    return new Traffic(List.copyOf(channels), ids, texts);
  }

  /**
   * Every kind of configuration the bot meets: each threshold kind, tags of both kinds, pins,
   * images.
   */
  private static ChannelConfig variety(ChannelConfig channel, int i) {
    Threshold[] thresholds = {
      Threshold.NONE, Threshold.percent(10), Threshold.ANY_TRIGGER, Threshold.STOP_LOSS
    };
    ChannelConfig varied =
        channel
            .withThreshold(thresholds[i % thresholds.length])
            .withPin(i % 2 == 0)
            .withImage(i % 3 == 0);
    return i % 5 == 4
        ? varied
        : varied.withTag(i % 2 == 0 ? Tag.role(1000 + i) : Tag.user(2000 + i));
  }
}
