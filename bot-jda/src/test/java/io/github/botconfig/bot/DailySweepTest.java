package io.github.botconfig.bot;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.botconfig.bot.internal.lifecycle.GuildDepartures;
import io.github.botconfig.bot.internal.lifecycle.GuildOwnership;
import io.github.botconfig.bot.internal.lifecycle.GuildPresence.Presence;
import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.testing.InMemoryConfigStore;
import io.github.botconfig.domain.testing.ManualScheduler;
import io.github.botconfig.domain.testing.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Two processes of one bot share a table; each sweeps only the guilds of its own shards. */
class DailySweepTest {
  private static final GuildId ON_SHARD_0 = GuildId.of(1_300_000_000_000_000_000L);
  private static final GuildId ON_SHARD_1 = GuildId.of(1_200_000_000_000_000_000L);

  private final MutableClock clock = MutableClock.startingAt2026();
  private final ManualScheduler scheduler = new ManualScheduler(clock);
  private final InMemoryConfigStore store = new InMemoryConfigStore(clock);
  private final GuildDepartures departures = new GuildDepartures(store, clock, Duration.ofDays(7));

  @Test
  void theSweepPurgesOnlyTheDepartedGuildsOfItsOwnShards() {
    for (GuildId guild : new GuildId[] {ON_SHARD_0, ON_SHARD_1}) {
      store.saveChannel(ChannelConfig.of(guild, ChannelId.of(guild.value() + 1)));
      departures.departed(guild);
    }
    GuildOwnership shard0Of2 = guild -> GuildOwnership.shardOf(guild, 2) == 0;
    // Presence alone would let this process purge both: it is the ownership that keeps it off shard
    // 1's guilds.
    DailySweep sweep =
        new DailySweep(
            departures,
            () -> store.loadAll().guilds(),
            guild -> Presence.ABSENT,
            shard0Of2,
            scheduler);

    sweep.start();
    scheduler.advance(Duration.ofDays(8));

    assertThat(store.findChannels(ON_SHARD_0)).isEmpty();
    assertThat(store.findChannels(ON_SHARD_1)).hasSize(1);
    assertThat(store.findSettings(ON_SHARD_1).orElseThrow().departedAt()).isPresent();
  }

  @Test
  void discordsRuleSendsAGuildToTheShardOfItsCreationTimestamp() {
    // (id >> 22) is the guild's creation time in ms since 2015; the shard is that modulo the total.
    assertThat(GuildOwnership.shardOf(ON_SHARD_0, 2)).isZero();
    assertThat(GuildOwnership.shardOf(ON_SHARD_1, 2)).isEqualTo(1);
    assertThat(GuildOwnership.shardOf(GuildId.of(1_100_000_000_000_000_000L), 8)).isEqualTo(3);
    assertThat(GuildOwnership.shardOf(GuildId.of(1_100_000_000_004_194_304L), 8)).isEqualTo(4);
    assertThat(GuildOwnership.shardOf(ON_SHARD_1, 1)).isZero();
  }
}
