package io.github.botconfig.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.botconfig.app.json.ConfigJson;
import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.Reporters;
import io.github.botconfig.domain.Tag;
import io.github.botconfig.domain.Threshold;
import io.github.botconfig.dynamodb.DynamoDbConfigStore;
import io.github.botconfig.dynamodb.testing.FreePorts;
import io.github.botconfig.dynamodb.testing.LocalDynamoDbExtension;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ChannelCommandsIT {
  @RegisterExtension
  static final LocalDynamoDbExtension DYNAMODB = LocalDynamoDbExtension.dynalite();

  private CliTable table;
  private DynamoDbConfigStore store;

  @BeforeEach
  void freshTable() {
    table = new CliTable(DYNAMODB);
    store = table.store;
  }

  @Test
  void setCreatesAChannelWithTheGivenOptionsAndDefaultsForTheRest() {
    CliRun run =
        table.run(
            "channels",
            "set",
            "--guild",
            "1",
            "--channel",
            "2",
            "--pin",
            "true",
            "--threshold",
            "TP");

    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out()).contains("channel 2 in guild 1").contains("threshold         TP");
    ChannelConfig stored = store.findChannel(ChannelId.of(2)).orElseThrow();
    assertThat(stored)
        .isEqualTo(
            ChannelConfig.of(GuildId.of(1), ChannelId.of(2))
                .withPin(true)
                .withThreshold(Threshold.TAKE_PROFIT)
                .withVersion(1)
                .withCreatedAt(stored.createdAt())
                .withUpdatedAt(stored.createdAt()));
  }

  @Test
  void setOnATrackedChannelChangesOnlyTheOptionsGiven() {
    table.run(
        "channels", "set", "--guild", "1", "--channel", "2", "--pin", "true", "--tag", "role:9");

    CliRun run = table.run("channels", "set", "--guild", "1", "--channel", "2", "--image", "true");

    assertThat(run.exitCode()).isZero();
    ChannelConfig stored = store.findChannel(ChannelId.of(2)).orElseThrow();
    assertThat(stored.image()).isTrue();
    assertThat(stored.pin()).isTrue();
    assertThat(stored.tag()).contains(Tag.role(9));
    assertThat(stored.version()).isEqualTo(2);
  }

  @Test
  void reportersAreSetByNameAndShown() {
    CliRun everyone =
        table.run("channels", "set", "--guild", "1", "--channel", "2", "--reporters", "everyone");
    CliRun bad =
        table.run("channels", "set", "--guild", "1", "--channel", "2", "--reporters", "members");

    assertThat(everyone.exitCode()).isZero();
    assertThat(everyone.out()).contains("reporters         everyone");
    assertThat(store.findChannel(ChannelId.of(2)).orElseThrow().reporters())
        .isEqualTo(Reporters.EVERYONE);
    assertThat(bad.exitCode()).isEqualTo(ExitCodes.INVALID);
    assertThat(bad.err()).contains("reporters must be 'webhooks' or 'everyone', got 'members'");
    assertThat(store.findChannel(ChannelId.of(2)).orElseThrow().version()).isEqualTo(1);
  }

  @Test
  void tagAndThresholdCanBeCleared() {
    table.run(
        "channels",
        "set",
        "--guild",
        "1",
        "--channel",
        "2",
        "--tag",
        "user:5",
        "--threshold",
        "12.5");

    table.run(
        "channels",
        "set",
        "--guild",
        "1",
        "--channel",
        "2",
        "--tag",
        "none",
        "--threshold",
        "none");

    ChannelConfig stored = store.findChannel(ChannelId.of(2)).orElseThrow();
    assertThat(stored.tag()).isEmpty();
    assertThat(stored.threshold()).isEqualTo(Threshold.NONE);
  }

  @Test
  void showJsonHasTheDocumentedShape() throws Exception {
    table.run(
        "channels",
        "set",
        "--guild",
        "1",
        "--channel",
        "2",
        "--tag",
        "role:9",
        "--threshold",
        "12.5");

    CliRun run = table.run("channels", "show", "--channel", "2", "--json");

    JsonNode json = ConfigJson.mapper().readTree(run.out());
    String createdAt = store.findChannel(ChannelId.of(2)).orElseThrow().createdAt().toString();
    assertThat(json.toString())
        .isEqualTo(
            "{\"guildId\":\"1\",\"channelId\":\"2\",\"image\":false,\"notifyOnClose\":true,\"pin\":false,"
                + "\"tag\":{\"type\":\"ROLE\",\"id\":\"9\"},\"threshold\":\"12.5\",\"reporters\":\"webhooks\","
                + "\"createdAt\":\""
                + createdAt
                + "\",\"updatedAt\":\""
                + createdAt
                + "\",\"version\":1}");
  }

  @Test
  void listJsonIsAnArrayOrderedByGuildThenChannel() throws Exception {
    table.run("channels", "set", "--guild", "2", "--channel", "20");
    table.run("channels", "set", "--guild", "1", "--channel", "11");
    table.run("channels", "set", "--guild", "1", "--channel", "10");

    JsonNode all = ConfigJson.mapper().readTree(table.run("channels", "list", "--json").out());
    JsonNode guild1 =
        ConfigJson.mapper().readTree(table.run("channels", "list", "--guild", "1", "--json").out());

    assertThat(all.findValuesAsText("channelId")).containsExactly("10", "11", "20");
    assertThat(guild1.findValuesAsText("channelId")).containsExactly("10", "11");
    assertThat(guild1.isArray()).isTrue();
  }

  @Test
  void listSaysWhenNothingIsTracked() {
    assertThat(table.run("channels", "list").out()).isEqualTo("no tracked channels\n");
    assertThat(table.run("channels", "list", "--json").out().strip()).isEqualTo("[ ]");
  }

  @Test
  void removeUntracksAndSaysSo() {
    table.run("channels", "set", "--guild", "1", "--channel", "2");

    CliRun run = table.run("channels", "remove", "--guild", "1", "--channel", "2");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo("channel 2 is no longer tracked\n");
    assertThat(store.findChannel(ChannelId.of(2))).isEmpty();
  }

  @Test
  void removingAnUntrackedChannelIsAnInputError() {
    CliRun run = table.run("channels", "remove", "--guild", "1", "--channel", "2");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID);
    assertThat(run.err()).isEqualTo("error: channel 2 is not tracked in guild 1\n");
  }

  @Test
  void showingAnUntrackedChannelIsAnInputError() {
    CliRun run = table.run("channels", "show", "--channel", "2");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID);
    assertThat(run.err()).isEqualTo("error: channel 2 is not tracked\n");
  }

  @Test
  void badValuesAreNamedAndNothingIsWritten() {
    CliRun badId = table.run("channels", "set", "--guild", "1", "--channel", "12a");
    CliRun badThreshold =
        table.run("channels", "set", "--guild", "1", "--channel", "2", "--threshold", "-5");
    CliRun badBool =
        table.run("channels", "set", "--guild", "1", "--channel", "2", "--pin", "maybe");
    CliRun badTag =
        table.run("channels", "set", "--guild", "1", "--channel", "2", "--tag", "1#CHANNEL#2");

    assertThat(badId.exitCode()).isEqualTo(ExitCodes.INVALID);
    assertThat(badId.err())
        .contains("channel id must be a Discord snowflake (digits only), got '12a'");
    assertThat(badThreshold.exitCode()).isEqualTo(ExitCodes.INVALID);
    assertThat(badThreshold.err()).contains("got '-5'");
    assertThat(badBool.err()).contains("must be true or false, got 'maybe'");
    assertThat(badTag.err()).contains("tag must be 'user:ID' or 'role:ID', got '1#CHANNEL#2'");
    assertThat(store.loadAll().channels()).isEmpty();
    assertThat(store.changeMarker()).isZero();
  }

  @Test
  void aChannelOfAnotherGuildIsAConflict() {
    table.run("channels", "set", "--guild", "1", "--channel", "2");

    CliRun run = table.run("channels", "set", "--guild", "3", "--channel", "2", "--pin", "true");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.CONFLICT);
    assertThat(run.err()).startsWith("error: channel 2 is tracked by another server");
    assertThat(store.findChannel(ChannelId.of(2)).orElseThrow().pin()).isFalse();
  }

  @Test
  void anUnreachableStoreExitsWithThree() {
    CliRun run =
        CliRun.run(
            Map.of(
                "AWS_ENDPOINT_URL_DYNAMODB",
                "http://127.0.0.1:" + FreePorts.pick(),
                "BOTCONFIG_TABLE",
                "t-1"),
            "channels",
            "list");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.STORE_UNAVAILABLE);
    assertThat(run.err())
        .startsWith("error: could not ")
        .contains("table 't-1' at http://127.0.0.1:");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void aMissingTableSaysHowToCreateIt() {
    CliRun run =
        CliRun.run(
            Map.of(
                "AWS_ENDPOINT_URL_DYNAMODB",
                DYNAMODB.endpoint().toString(),
                "BOTCONFIG_TABLE",
                "no-such-table"),
            "channels",
            "list");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.STORE_UNAVAILABLE);
    assertThat(run.err())
        .isEqualTo(
            "error: table no-such-table does not exist at "
                + DYNAMODB.endpoint()
                + "; create it with `botconfig table create --table no-such-table`\n");
  }
}
