package io.github.botconfig.bot.e2e;

import static io.github.botconfig.bot.e2e.BotHarness.GUILD;
import static io.github.botconfig.bot.e2e.BotHarness.REPORTS;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.botconfig.bot.BotOptions;
import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.ConfigStore;
import io.github.botconfig.domain.GuildId;
import java.time.Duration;
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
    assertThat(bot.discord.awaitRestCall("POST", "channels/" + REPORTS + "/messages").body().getString("content"))
        .startsWith("📈 Profit **+9 %**");

    bot.discord.removeBot(GUILD);
    bot.probe.await(GuildLeaveEvent.class, e -> e.getGuild().getIdLong() == GUILD);
    bot.scheduler.advance(Duration.ofDays(2));
    assertThat(store.findChannel(ChannelId.of(REPORTS))).isEmpty();
  }
}
