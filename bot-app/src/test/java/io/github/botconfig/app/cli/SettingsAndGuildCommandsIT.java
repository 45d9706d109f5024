package io.github.botconfig.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.botconfig.app.json.ConfigJson;
import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.GuildSettings;
import io.github.botconfig.domain.Tag;
import io.github.botconfig.dynamodb.DynamoDbConfigStore;
import io.github.botconfig.dynamodb.testing.LocalDynamoDbExtension;
import java.time.ZoneId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SettingsAndGuildCommandsIT {
  @RegisterExtension
  static final LocalDynamoDbExtension DYNAMODB = LocalDynamoDbExtension.dynalite();

  private static final GuildId GUILD = GuildId.of(1);

  private CliTable table;
  private DynamoDbConfigStore store;

  @BeforeEach
  void freshTable() {
    table = new CliTable(DYNAMODB);
    store = table.store;
  }

  @Test
  void showGivesTheDefaultsWhenNothingIsStored() {
    CliRun run = table.run("settings", "show", "--guild", "1");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .startsWith("settings of guild 1 (defaults: none stored)")
        .contains("timezone          UTC");
  }

  @Test
  void setChangesOnlyTheOptionsGiven() {
    table.run("settings", "set", "--guild", "1", "--timezone", "Europe/Paris", "--weekly", "true");

    CliRun run =
        table.run(
            "settings", "set", "--guild", "1", "--global-channel", "55", "--summary-tag", "role:7");

    assertThat(run.exitCode()).isZero();
    GuildSettings stored = store.findSettings(GUILD).orElseThrow();
    assertThat(stored.timezone()).isEqualTo(ZoneId.of("Europe/Paris"));
    assertThat(stored.summaryPreferences().weeklySummary()).isTrue();
    assertThat(stored.summaryPreferences().tag()).contains(Tag.role(7));
    assertThat(stored.globalChannelId()).contains(ChannelId.of(55));
    assertThat(stored.version()).isEqualTo(2);
  }

  @Test
  void boardTurnsTheLiveBoardOffAndTheOlderPositionDisplayNameStillWorks() {
    CliRun off = table.run("settings", "set", "--guild", "1", "--board", "false");

    assertThat(off.exitCode()).as(off.err()).isZero();
    assertThat(store.findSettings(GUILD).orElseThrow().positionDisplayEnabled()).isFalse();
    assertThat(table.run("settings", "show", "--guild", "1").out())
        .containsPattern("board\\s+false");

    CliRun on = table.run("settings", "set", "--guild", "1", "--position-display", "true");

    assertThat(on.exitCode()).as(on.err()).isZero();
    assertThat(store.findSettings(GUILD).orElseThrow().positionDisplayEnabled()).isTrue();
  }

  @Test
  void globalChannelCanBeCleared() {
    table.run("settings", "set", "--guild", "1", "--global-channel", "55");

    table.run("settings", "set", "--guild", "1", "--global-channel", "none");

    assertThat(store.findSettings(GUILD).orElseThrow().globalChannelId()).isEmpty();
  }

  @Test
  void showJsonHasTheDocumentedShape() throws Exception {
    table.run("settings", "set", "--guild", "1", "--monthly", "true", "--global-channel", "55");

    CliRun run = table.run("settings", "show", "--guild", "1", "--json");

    String createdAt = store.findSettings(GUILD).orElseThrow().createdAt().toString();
    assertThat(ConfigJson.mapper().readTree(run.out()).toString())
        .isEqualTo(
            "{\"guildId\":\"1\",\"timezone\":\"UTC\",\"positionDisplayEnabled\":true,"
                + "\"summaryPreferences\":{\"dailySummary\":false,\"weeklySummary\":false,\"monthlySummary\":true,"
                + "\"tag\":null,\"pin\":false},\"globalChannelId\":\"55\",\"departedAt\":null,"
                + "\"createdAt\":\""
                + createdAt
                + "\",\"updatedAt\":\""
                + createdAt
                + "\",\"version\":1,\"custom\":{\"forward\":false,\"autoDeleteWarnings\":false,"
                + "\"positionSizeDefaults\":\"walletAddress=none,stopLossPercent=none\"}}");
  }

  @Test
  void anUnknownTimezoneIsNamedAndNothingIsWritten() {
    CliRun run = table.run("settings", "set", "--guild", "1", "--timezone", "Mars/Olympus");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID);
    assertThat(run.err()).contains("got 'Mars/Olympus'");
    assertThat(store.findSettings(GUILD)).isEmpty();
  }

  @Test
  void purgeDeletesTheGuildAndCounts() {
    store.saveChannel(ChannelConfig.of(GUILD, ChannelId.of(10)));
    store.saveChannel(ChannelConfig.of(GUILD, ChannelId.of(11)));
    store.saveSettings(GuildSettings.defaults(GUILD));
    store.saveChannel(ChannelConfig.of(GuildId.of(2), ChannelId.of(20)));

    CliRun run = table.run("guild", "purge", "--guild", "1", "--yes");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo("guild 1: 3 items deleted\n");
    assertThat(store.loadAll().channels()).containsOnlyKeys(ChannelId.of(20));
  }
}
