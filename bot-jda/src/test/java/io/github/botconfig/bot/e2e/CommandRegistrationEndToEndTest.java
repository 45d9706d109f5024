package io.github.botconfig.bot.e2e;

import static io.github.botconfig.bot.e2e.BotHarness.GUILD;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.botconfig.bot.BotOptions;
import io.github.botconfig.bot.testing.FakeDiscord;
import io.github.botconfig.bot.testing.RestCall;
import io.github.botconfig.domain.GuildId;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.junit.jupiter.api.Test;

class CommandRegistrationEndToEndTest extends EndToEndTest {
  private static final String GLOBAL = "applications/" + FakeDiscord.APPLICATION_ID + "/commands";

  @Test
  void theConfigCommandIsRegisteredGloballyOnReadyForServerManagersOnly() throws Exception {
    bot = BotHarness.withTwoGuilds(BotOptions.defaults()).connect();

    RestCall registration = bot.discord.awaitRestCall("PUT", GLOBAL);

    DataObject command = registration.body().getArray(RestCall.ARRAY).getObject(0);
    assertThat(command.getString("name")).isEqualTo("config");
    assertThat(command.getString("default_member_permissions"))
        .isEqualTo(Long.toString(Permission.MANAGE_SERVER.getRawValue()));
    assertThat(command.getArray("contexts").toList()).containsExactly("0"); // servers only
    DataObject panel = registration.body().getArray(RestCall.ARRAY).getObject(1);
    assertThat(panel.getString("name")).isEqualTo("config-panel");
    assertThat(panel.optArray("options").map(DataArray::length).orElse(0))
        .as("no option: typed and sent at once")
        .isZero();
    assertThat(panel.getString("default_member_permissions"))
        .isEqualTo(Long.toString(Permission.MANAGE_SERVER.getRawValue()));
    assertThat(panel.getArray("contexts").toList()).containsExactly("0");
  }

  @Test
  void withADevelopmentGuildTheCommandsAreRegisteredThereOnly() throws Exception {
    bot = BotHarness.withTwoGuilds(BotOptions.defaults().withDevGuild(GuildId.of(GUILD))).connect();

    bot.discord.awaitRestCall(
        "PUT", "applications/" + FakeDiscord.APPLICATION_ID + "/guilds/" + GUILD + "/commands");

    assertThat(bot.discord.restCalls()).noneMatch(c -> c.is("PUT", GLOBAL));
  }
}
