package io.github.botconfig.bot.e2e;

import static io.github.botconfig.bot.e2e.BotHarness.CHATTER;
import static io.github.botconfig.bot.e2e.BotHarness.GUILD;
import static io.github.botconfig.bot.e2e.BotHarness.REPORTS;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.botconfig.bot.BotOptions;
import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.ConfigStore;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.GuildSettings;
import java.time.Duration;
import java.time.Instant;
import net.dv8tion.jda.api.events.channel.ChannelDeleteEvent;
import net.dv8tion.jda.api.events.guild.GuildJoinEvent;
import net.dv8tion.jda.api.events.guild.GuildLeaveEvent;
import net.dv8tion.jda.api.events.guild.GuildUnavailableEvent;
import org.junit.jupiter.api.Test;

class LifecycleEndToEndTest extends EndToEndTest {
  private static final Duration GRACE = Duration.ofDays(3);
  private static final GuildId TRADING = GuildId.of(GUILD);

  /**
   * The bot with REPORTS and CHATTER tracked, REPORTS as the global channel, and a three-day grace
   * period.
   */
  private ConfigStore start() throws Exception {
    bot = BotHarness.withTwoGuilds(BotOptions.defaults().withPurgeGracePeriod(GRACE));
    ConfigStore store = bot.store.delegate();
    store.saveChannel(ChannelConfig.of(TRADING, ChannelId.of(REPORTS)));
    store.saveChannel(ChannelConfig.of(TRADING, ChannelId.of(CHATTER)));
    store.saveSettings(GuildSettings.defaults(TRADING).withGlobalChannelId(ChannelId.of(REPORTS)));
    bot.connect();
    bot.scheduler
        .runDue(); // the live board's first post: the tests below count the sweep's runs alone
    return store;
  }

  @Test
  void aDeletedChannelIsUntrackedAndNoLongerTheGlobalChannel() throws Exception {
    ConfigStore store = start();

    bot.discord.deleteChannel(REPORTS);
    bot.probe.await(ChannelDeleteEvent.class, e -> e.getChannel().getIdLong() == REPORTS);

    assertThat(store.findChannel(ChannelId.of(REPORTS))).isEmpty();
    assertThat(store.findChannel(ChannelId.of(CHATTER))).isPresent();
    assertThat(store.findSettings(TRADING).orElseThrow().globalChannelId()).isEmpty();
  }

  @Test
  void aGuildThatRemovedTheBotIsPurgedByTheDailySweepOnceTheGracePeriodIsOver() throws Exception {
    ConfigStore store = start();
    Instant left = bot.clock.instant();

    bot.discord.removeBot(GUILD);
    bot.probe.await(GuildLeaveEvent.class, e -> e.getGuild().getIdLong() == GUILD);

    assertThat(store.findSettings(TRADING).orElseThrow().departedAt()).contains(left);
    assertThat(bot.scheduler.advance(Duration.ofDays(1)))
        .isEqualTo(1); // the first sweep: within the grace period
    assertThat(store.findChannels(TRADING)).hasSize(2);
    assertThat(bot.scheduler.advance(GRACE)).isEqualTo(3);
    assertThat(store.findChannels(TRADING)).isEmpty();
    assertThat(store.findSettings(TRADING)).isEmpty();
  }

  @Test
  void rejoiningWithinTheGracePeriodKeepsEverything() throws Exception {
    ConfigStore store = start();
    bot.discord.removeBot(GUILD);
    bot.probe.await(GuildLeaveEvent.class, e -> e.getGuild().getIdLong() == GUILD);
    bot.clock.advance(Duration.ofDays(1));

    bot.discord.addBot(GUILD);
    bot.probe.await(GuildJoinEvent.class, e -> e.getGuild().getIdLong() == GUILD);

    assertThat(store.findSettings(TRADING).orElseThrow().departedAt()).isEmpty();
    bot.scheduler.advance(GRACE.multipliedBy(3));
    assertThat(store.findChannels(TRADING)).hasSize(2);
  }

  @Test
  void anOutageIsNotADeparture() throws Exception {
    ConfigStore store = start();

    bot.discord.outage(GUILD);
    bot.probe.await(GuildUnavailableEvent.class, e -> e.getGuild().getIdLong() == GUILD);
    bot.scheduler.advance(GRACE.multipliedBy(3));

    assertThat(store.findSettings(TRADING).orElseThrow().departedAt()).isEmpty();
    assertThat(store.findChannels(TRADING)).hasSize(2);
  }

  @Test
  void aDepartureRecordedBeforeARestartIsClearedWhenTheGuildIsThereAtReady() throws Exception {
    bot = BotHarness.withTwoGuilds(BotOptions.defaults().withPurgeGracePeriod(GRACE));
    ConfigStore store = bot.store.delegate();
    store.saveChannel(ChannelConfig.of(TRADING, ChannelId.of(REPORTS)));
    store.saveSettings(
        GuildSettings.defaults(TRADING).withDepartedAt(Instant.parse("2025-12-01T00:00:00Z")));

    bot.connect();

    assertThat(store.findSettings(TRADING).orElseThrow().departedAt()).isEmpty();
    bot.scheduler.advance(GRACE.multipliedBy(2));
    assertThat(store.findChannel(ChannelId.of(REPORTS))).isPresent();
  }
}
