package io.github.botconfig.bot.e2e;

import static io.github.botconfig.bot.e2e.BotHarness.GUILD;
import static io.github.botconfig.bot.e2e.BotHarness.OTHER_GUILD;
import static io.github.botconfig.bot.e2e.BotHarness.REPORTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.botconfig.bot.BotOptions;
import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.ConfigStore;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.GuildSettings;
import java.time.Duration;
import java.time.Instant;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.events.guild.GuildLeaveEvent;
import org.junit.jupiter.api.Test;

/** The same listeners serve a shard manager: nothing in them depends on how JDA was built. */
class ShardManagerEndToEndTest extends EndToEndTest {
  @Test
  void aShardedBotAnswersReportsAndPurgesAGuildItLeft() throws Exception {
    bot = BotHarness.withTwoGuilds(BotOptions.defaults().withPurgeGracePeriod(Duration.ofDays(1)));
    ConfigStore store = bot.store.delegate();
    store.saveChannel(ChannelConfig.of(GuildId.of(GUILD), ChannelId.of(REPORTS)));
    bot.connectSharded();

    bot.discord.postWebhookMessage(REPORTS, "Take profit +9%");
    assertThat(
            bot.discord
                .awaitRestCall("POST", "channels/" + REPORTS + "/messages")
                .body()
                .getString("content"))
        .startsWith("📈 Profit **+9 %**");

    bot.discord.removeBot(GUILD);
    bot.probe.await(GuildLeaveEvent.class, e -> e.getGuild().getIdLong() == GUILD);
    bot.scheduler.advance(Duration.ofDays(2));
    assertThat(store.findChannel(ChannelId.of(REPORTS))).isEmpty();
  }

  @Test
  void oneProcessOfATwoShardBotSeesOnlyItsGuildsAndLeavesTheOtherShardsPurgesAlone()
      throws Exception {
    long shard0Guild = 1_300_000_000_000_000_000L;
    long shard0Reports = 1_300_000_000_000_000_010L;
    bot =
        BotHarness.withTwoGuilds(BotOptions.defaults().withPurgeGracePeriod(Duration.ofDays(1)), 2);
    bot.discord.guild(shard0Guild, "Elsewhere").textChannel(shard0Reports, "reports");
    ConfigStore store = bot.store.delegate();
    store.saveChannel(ChannelConfig.of(GuildId.of(GUILD), ChannelId.of(REPORTS)));
    // A guild of shard 0 that the bot left long ago: the process running shard 0 purges it, not
    // this one.
    store.saveChannel(ChannelConfig.of(GuildId.of(shard0Guild), ChannelId.of(shard0Reports)));
    store.saveSettings(
        GuildSettings.defaults(GuildId.of(shard0Guild))
            .withDepartedAt(Instant.parse("2025-01-01T00:00:00Z")));

    bot.connectSharded(1);

    assertThat(bot.discord.shardOf(GUILD)).isEqualTo(1);
    assertThat(bot.discord.shardOf(shard0Guild)).isZero();
    assertThat(bot.shards().getGuilds())
        .extracting(Guild::getIdLong)
        .containsExactlyInAnyOrder(GUILD, OTHER_GUILD);
    assertThatThrownBy(() -> bot.discord.postWebhookMessage(shard0Reports, "Take profit +9%"))
        .hasMessageContaining("shard 0 of 2");

    bot.discord.removeBot(GUILD);
    bot.probe.await(GuildLeaveEvent.class, e -> e.getGuild().getIdLong() == GUILD);
    bot.scheduler.advance(Duration.ofDays(2));

    assertThat(store.findChannel(ChannelId.of(REPORTS))).isEmpty();
    assertThat(store.findChannel(ChannelId.of(shard0Reports))).isPresent();
  }
}
