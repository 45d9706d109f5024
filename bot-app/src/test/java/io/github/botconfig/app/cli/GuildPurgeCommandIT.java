package io.github.botconfig.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.botconfig.app.json.ConfigJson;
import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.GuildSettings;
import io.github.botconfig.dynamodb.testing.LocalDynamoDbExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code guild purge} asks first, or is told with --yes; --dry-run shows what would go. */
class GuildPurgeCommandIT {
  @RegisterExtension
  static final LocalDynamoDbExtension DYNAMODB = LocalDynamoDbExtension.dynalite();

  private static final GuildId GUILD = GuildId.of(1);
  private CliTable table;

  @BeforeEach
  void aGuildWithTwoChannelsAndSettings() {
    table = new CliTable(DYNAMODB);
    table.store.saveChannel(ChannelConfig.of(GUILD, ChannelId.of(10)));
    table.store.saveChannel(ChannelConfig.of(GUILD, ChannelId.of(11)));
    table.store.saveSettings(GuildSettings.defaults(GUILD));
  }

  @Test
  void withoutATerminalToAskAndWithoutYesNothingIsDeletedAndItSaysWhatToPass() {
    CliRun run = table.run("guild", "purge", "--guild", "1");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID);
    assertThat(run.err().lines()).hasSize(1);
    assertThat(run.err())
        .contains("guild purge would delete 3 items of guild 1 (CHANNEL#10, CHANNEL#11, SETTINGS)")
        .contains("pass --yes to delete, or --dry-run to list them");
    assertThat(table.store.findChannels(GUILD)).hasSize(2);
  }

  @Test
  void dryRunListsWhatWouldGoAndDeletesNothing() {
    CliRun run = table.run("guild", "purge", "--guild", "1", "--dry-run");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .startsWith("guild 1: 3 items would be deleted:")
        .contains("CHANNEL#10", "CHANNEL#11", "SETTINGS", "channel_config", "guild_settings");
    assertThat(table.store.findChannels(GUILD)).hasSize(2);
    assertThat(table.store.findSettings(GUILD)).isPresent();
  }

  @Test
  void yesDeletesAndJsonSaysWhat() throws Exception {
    CliRun run = table.run("guild", "purge", "--guild", "1", "--yes", "--json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode document = ConfigJson.mapper().readTree(run.out());
    assertThat(document.get("deleted").asInt()).isEqualTo(3);
    assertThat(document.get("dryRun").asBoolean()).isFalse();
    assertThat(document.get("items")).hasSize(3);
    assertThat(table.store.findChannels(GUILD)).isEmpty();
  }
}
