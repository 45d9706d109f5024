package io.github.botconfig.app.simulate;

import java.time.Duration;

/**
 * What to simulate, and the traffic the cost model assumes.
 *
 * @param messages messages to drive through the message path (at least 1)
 * @param guilds synthetic guilds
 * @param channelsPerGuild tracked channels in each guild
 * @param trackedShare the share of messages in tracked channels, 0 to 1 (the seed: about 1 %)
 * @param messagesPerDay the daily traffic the monthly cost is computed for
 * @param adminWritesPerDay configuration changes a day, for the cost
 * @param changePollInterval the bot's change-marker poll interval, for the cost
 * @param refreshInterval the bot's full-refresh interval, for the cost
 */
public record SimulationOptions(
    int messages,
    int guilds,
    int channelsPerGuild,
    double trackedShare,
    long messagesPerDay,
    double adminWritesPerDay,
    Duration changePollInterval,
    Duration refreshInterval) {

  /**
   * @throws IllegalArgumentException naming the value that is out of range
   */
  public SimulationOptions {
    require(
        messages >= 1 && messages <= 100_000_000,
        "--messages must be from 1 to 100000000, got " + messages);
    require(guilds >= 1 && guilds <= 100_000, "--guilds must be from 1 to 100000, got " + guilds);
    require(
        channelsPerGuild >= 0 && channelsPerGuild <= 500,
        "--channels-per-guild must be from 0 to 500, got " + channelsPerGuild);
    require(
        (long) guilds * channelsPerGuild <= 1_000_000,
        "--guilds × --channels-per-guild must be at most 1000000, got "
            + (long) guilds * channelsPerGuild);
    require(
        trackedShare >= 0 && trackedShare <= 1,
        "--tracked-percent must be from 0 to 100, got " + trackedShare * 100);
    require(messagesPerDay >= 0, "--messages-per-day must be 0 or more, got " + messagesPerDay);
    require(
        adminWritesPerDay >= 0,
        "--admin-writes-per-day must be 0 or more, got " + adminWritesPerDay);
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }
}
