package io.github.botconfig.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.botconfig.app.json.ConfigJson;
import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.Tag;
import io.github.botconfig.domain.Threshold;
import io.github.botconfig.domain.testing.InMemoryConfigStore;
import io.github.botconfig.domain.testing.InstrumentedConfigStore;
import io.github.botconfig.domain.testing.MutableClock;
import org.junit.jupiter.api.Test;

class ChannelCommandsTest {
  private final MutableClock clock = MutableClock.startingAt2026();
  private final InMemoryConfigStore store = new InMemoryConfigStore(clock);

  @Test
  void setCreatesAChannelWithTheGivenOptionsAndDefaultsForTheRest() {
    CliRun run =
        CliRun.run(store, "channels", "set", "--guild", "1", "--channel", "2", "--pin", "true", "--threshold", "TP");

    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out()).contains("channel 2 in guild 1").contains("threshold         TP");
    assertThat(store.findChannel(ChannelId.of(2)))
        .contains(
            ChannelConfig.of(GuildId.of(1), ChannelId.of(2))
                .withPin(true)
                .withThreshold(Threshold.TAKE_PROFIT)
                .withVersion(1)
                .withCreatedAt(clock.instant())
                .withUpdatedAt(clock.instant()));
  }

  @Test
  void setOnATrackedChannelChangesOnlyTheOptionsGiven() {
    CliRun.run(store, "channels", "set", "--guild", "1", "--channel", "2", "--pin", "true", "--tag", "role:9");

    CliRun run = CliRun.run(store, "channels", "set", "--guild", "1", "--channel", "2", "--image", "true");

    assertThat(run.exitCode()).isZero();
    ChannelConfig stored = store.findChannel(ChannelId.of(2)).orElseThrow();
    assertThat(stored.image()).isTrue();
    assertThat(stored.pin()).isTrue();
    assertThat(stored.tag()).contains(Tag.role(9));
    assertThat(stored.version()).isEqualTo(2);
  }

  @Test
  void tagAndThresholdCanBeCleared() {
    CliRun.run(store, "channels", "set", "--guild", "1", "--channel", "2", "--tag", "user:5", "--threshold", "12.5");

    CliRun.run(store, "channels", "set", "--guild", "1", "--channel", "2", "--tag", "none", "--threshold", "none");

    ChannelConfig stored = store.findChannel(ChannelId.of(2)).orElseThrow();
    assertThat(stored.tag()).isEmpty();
    assertThat(stored.threshold()).isEqualTo(Threshold.NONE);
  }

  @Test
  void showJsonHasTheDocumentedShape() throws Exception {
    CliRun.run(store, "channels", "set", "--guild", "1", "--channel", "2", "--tag", "role:9", "--threshold", "12.5");

    CliRun run = CliRun.run(store, "channels", "show", "--channel", "2", "--json");

    JsonNode json = ConfigJson.mapper().readTree(run.out());
    assertThat(json.toString())
        .isEqualTo(
            "{\"guildId\":\"1\",\"channelId\":\"2\",\"image\":false,\"notifyOnClose\":true,\"pin\":false,"
                + "\"tag\":{\"type\":\"ROLE\",\"id\":\"9\"},\"threshold\":\"12.5\","
                + "\"createdAt\":\"2026-01-01T00:00:00Z\",\"updatedAt\":\"2026-01-01T00:00:00Z\",\"version\":1}");
  }

  @Test
  void listJsonIsAnArrayOrderedByGuildThenChannel() throws Exception {
    CliRun.run(store, "channels", "set", "--guild", "2", "--channel", "20");
    CliRun.run(store, "channels", "set", "--guild", "1", "--channel", "11");
    CliRun.run(store, "channels", "set", "--guild", "1", "--channel", "10");

    JsonNode all = ConfigJson.mapper().readTree(CliRun.run(store, "channels", "list", "--json").out());
    JsonNode guild1 = ConfigJson.mapper().readTree(CliRun.run(store, "channels", "list", "--guild", "1", "--json").out());

    assertThat(all.findValuesAsText("channelId")).containsExactly("10", "11", "20");
    assertThat(guild1.findValuesAsText("channelId")).containsExactly("10", "11");
    assertThat(guild1.isArray()).isTrue();
  }

  @Test
  void listSaysWhenNothingIsTracked() {
    assertThat(CliRun.run(store, "channels", "list").out()).isEqualTo("no tracked channels\n");
    assertThat(CliRun.run(store, "channels", "list", "--json").out().strip()).isEqualTo("[ ]");
  }

  @Test
  void removeUntracksAndSaysSo() {
    CliRun.run(store, "channels", "set", "--guild", "1", "--channel", "2");

    CliRun run = CliRun.run(store, "channels", "remove", "--guild", "1", "--channel", "2");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo("channel 2 is no longer tracked\n");
    assertThat(store.findChannel(ChannelId.of(2))).isEmpty();
  }

  @Test
  void removingAnUntrackedChannelIsAnInputError() {
    CliRun run = CliRun.run(store, "channels", "remove", "--guild", "1", "--channel", "2");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID);
    assertThat(run.err()).isEqualTo("error: channel 2 is not tracked in guild 1\n");
  }

  @Test
  void showingAnUntrackedChannelIsAnInputError() {
    CliRun run = CliRun.run(store, "channels", "show", "--channel", "2");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID);
    assertThat(run.err()).isEqualTo("error: channel 2 is not tracked\n");
  }

  @Test
  void badValuesAreNamedAndNothingIsWritten() {
    CliRun badId = CliRun.run(store, "channels", "set", "--guild", "1", "--channel", "12a");
    CliRun badThreshold = CliRun.run(store, "channels", "set", "--guild", "1", "--channel", "2", "--threshold", "-5");
    CliRun badBool = CliRun.run(store, "channels", "set", "--guild", "1", "--channel", "2", "--pin", "maybe");
    CliRun badTag = CliRun.run(store, "channels", "set", "--guild", "1", "--channel", "2", "--tag", "1#CHANNEL#2");

    assertThat(badId.exitCode()).isEqualTo(ExitCodes.INVALID);
    assertThat(badId.err()).contains("channel id must be a Discord snowflake (digits only), got '12a'");
    assertThat(badThreshold.exitCode()).isEqualTo(ExitCodes.INVALID);
    assertThat(badThreshold.err()).contains("got '-5'");
    assertThat(badBool.err()).contains("must be true or false, got 'maybe'");
    assertThat(badTag.err()).contains("tag must be 'user:ID' or 'role:ID', got '1#CHANNEL#2'");
    assertThat(store.loadAll().channels()).isEmpty();
    assertThat(store.changeMarker()).isZero();
  }

  @Test
  void aChannelOfAnotherGuildIsAConflict() {
    CliRun.run(store, "channels", "set", "--guild", "1", "--channel", "2");

    CliRun run = CliRun.run(store, "channels", "set", "--guild", "3", "--channel", "2", "--pin", "true");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.CONFLICT);
    assertThat(run.err()).startsWith("error: channel 2 is already tracked by guild 1");
    assertThat(store.findChannel(ChannelId.of(2)).orElseThrow().pin()).isFalse();
  }

  @Test
  void anUnreachableStoreExitsWithThree() {
    InstrumentedConfigStore down = new InstrumentedConfigStore(store);
    down.goDown();

    CliRun run = CliRun.run(down, "channels", "list");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.STORE_UNAVAILABLE);
    assertThat(run.err()).isEqualTo("error: store is down (test)\n");
    assertThat(run.out()).isEmpty();
  }
}
