package io.github.botconfig.bot.e2e;

import static io.github.botconfig.bot.e2e.BotHarness.ADMIN;
import static io.github.botconfig.bot.e2e.BotHarness.CHATTER;
import static io.github.botconfig.bot.e2e.BotHarness.GUILD;
import static io.github.botconfig.bot.e2e.BotHarness.REPORTS;
import static io.github.botconfig.bot.e2e.BotHarness.TRADERS_ROLE;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.botconfig.bot.BotOptions;
import io.github.botconfig.bot.testing.InteractionReply;
import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.ConfigSnapshot;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.GuildSettings;
import io.github.botconfig.domain.testing.HostileValues;
import io.github.botconfig.domain.testing.InstrumentedConfigStore.Operation;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Hostile text in every free-text {@code /config} option (the others are typed by Discord:
 * channels, roles, users, booleans): each is answered at once with a readable error naming the
 * value, in one message Discord accepts, and nothing is written — neither the table nor the cache
 * changes.
 */
class HostileOptionsEndToEndTest extends EndToEndTest {
  /** Discord refuses longer message content. */
  private static final int MAX_MESSAGE = 2000;

  private ConfigSnapshot stored;
  private Optional<ChannelConfig> cachedChannel;
  private Optional<GuildSettings> cachedSettings;

  @BeforeEach
  void aConfiguredGuild() throws Exception {
    bot = BotHarness.withTwoGuilds(BotOptions.defaults());
    bot.store.saveChannel(ChannelConfig.of(GuildId.of(GUILD), ChannelId.of(REPORTS)).withPin(true));
    bot.store.saveSettings(
        GuildSettings.defaults(GuildId.of(GUILD)).withPositionDisplayEnabled(false));
    bot.connect();
    stored = bot.store.delegate().loadAll();
    cachedChannel = bot.repository().findChannel(ChannelId.of(REPORTS));
    cachedSettings = bot.repository().findSettings(GuildId.of(GUILD));
  }

  @Test
  void everyHostileThresholdIsRefusedNamingItAndChangesNothing() {
    for (String threshold : HostileValues.THRESHOLDS) {
      String token =
          bot.discord
              .slashCommand("config", GUILD, CHATTER, ADMIN)
              .subcommand("channel", "set")
              .channel("channel", REPORTS)
              .option("threshold", threshold)
              .option("image", true)
              .send();

      assertRefused(bot.discord.awaitInteractionReply(token), threshold, "❌ threshold ");
    }
    assertNothingWritten();
  }

  @Test
  void everyHostileTimezoneIsRefusedNamingItAndChangesNothing() {
    for (String zone : HostileValues.TIMEZONES) {
      String token =
          bot.discord
              .slashCommand("config", GUILD, CHATTER, ADMIN)
              .subcommand("settings", "set")
              .option("timezone", zone)
              .option("weekly", true)
              .send();

      assertRefused(
          bot.discord.awaitInteractionReply(token), zone, "❌ timezone must be an IANA time zone");
    }
    assertNothingWritten();
  }

  @Test
  void contradictoryTagOptionsAreRefusedAndChangeNothing() {
    String both =
        bot.discord
            .slashCommand("config", GUILD, CHATTER, ADMIN)
            .subcommand("channel", "set")
            .channel("channel", REPORTS)
            .role("tag-role", TRADERS_ROLE)
            .user("tag-user", ADMIN)
            .send();
    String tagAndClear =
        bot.discord
            .slashCommand("config", GUILD, CHATTER, ADMIN)
            .subcommand("settings", "set")
            .role("summary-tag-role", TRADERS_ROLE)
            .option("clear-summary-tag", true)
            .send();

    assertThat(bot.discord.awaitInteractionReply(both).content())
        .startsWith("❌ give either 'tag-user' or 'tag-role'");
    assertThat(bot.discord.awaitInteractionReply(tagAndClear).content())
        .startsWith(
            "❌ give either a tag ('summary-tag-user' or 'summary-tag-role') or 'clear-summary-tag'");
    assertNothingWritten();
  }

  private static void assertRefused(InteractionReply reply, String value, String start) {
    assertThat(reply.content()).as("reply to %s", preview(value)).startsWith(start);
    assertThat(reply.content().length())
        .as("reply length for %s", preview(value))
        .isLessThanOrEqualTo(MAX_MESSAGE);
    assertThat(reply.requests()).as("answered at once, before any store call").isEqualTo(1);
    String shown = value.length() > 64 ? value.substring(0, 64) : value;
    if (!shown.isEmpty()
        && shown
            .chars()
            .noneMatch(
                c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT)) {
      assertThat(reply.content()).contains("'" + shown);
    }
  }

  private void assertNothingWritten() {
    assertThat(
            bot.store.calls(Operation.SAVE_CHANNEL)
                + bot.store.calls(Operation.SAVE_SETTINGS)
                + bot.store.calls(Operation.REPLACE_CHANNEL)
                + bot.store.calls(Operation.REPLACE_SETTINGS))
        .isZero();
    assertThat(bot.store.delegate().loadAll()).isEqualTo(stored);
    assertThat(bot.repository().findChannel(ChannelId.of(REPORTS))).isEqualTo(cachedChannel);
    assertThat(bot.repository().findSettings(GuildId.of(GUILD))).isEqualTo(cachedSettings);
    assertThat(bot.repository().findChannels(GuildId.of(GUILD)))
        .isEqualTo(List.copyOf(stored.channelsOf(GuildId.of(GUILD))));
  }

  private static String preview(String value) {
    return value.length() > 20 ? value.substring(0, 20) + "… (" + value.length() + ")" : value;
  }
}
