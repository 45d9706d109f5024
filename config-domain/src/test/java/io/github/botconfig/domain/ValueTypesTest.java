package io.github.botconfig.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValueTypesTest {
  private static final GuildId GUILD = GuildId.of(1);
  private static final GuildId OTHER_GUILD = GuildId.of(2);
  private static final ChannelId CHANNEL = ChannelId.of(10);

  @Test
  void channelDefaultsFollowTheRunningBot() {
    ChannelConfig channel = ChannelConfig.of(GUILD, CHANNEL);

    assertThat(channel.image()).isFalse();
    assertThat(channel.pin()).isFalse();
    assertThat(channel.notifyOnClose()).isTrue();
    assertThat(channel.tag()).isEmpty();
    assertThat(channel.threshold()).isEqualTo(Threshold.NONE);
    assertThat(channel.version()).isZero();
    assertThat(channel.createdAt()).isEqualTo(Instant.EPOCH);
  }

  @Test
  void builderRequiresTheIds() {
    assertThatThrownBy(() -> ChannelConfig.builder().guildId(GUILD).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("channelId");
  }

  @Test
  void negativeVersionIsRefused() {
    assertThatThrownBy(
            () -> ChannelConfig.builder().guildId(GUILD).channelId(CHANNEL).version(-1).build())
        .isInstanceOf(InvalidConfigException.class)
        .hasMessage("channel 10: version must be 0 or more, got -1");
    assertThatThrownBy(() -> GuildSettings.builder().guildId(GUILD).version(-1).build())
        .isInstanceOf(InvalidConfigException.class)
        .hasMessage("settings of guild 1: version must be 0 or more, got -1");
  }

  @Test
  void withersCopy() {
    ChannelConfig channel = ChannelConfig.of(GUILD, CHANNEL);

    ChannelConfig tagged = channel.withTag(Tag.role(5)).withThreshold(Threshold.STOP_LOSS);

    assertThat(tagged.tag()).contains(Tag.role(5));
    assertThat(channel.tag()).isEmpty();
    assertThat(tagged).isNotEqualTo(channel);
    assertThat(ChannelConfig.builder().from(tagged).build()).isEqualTo(tagged);
  }

  @Test
  void guildDefaults() {
    GuildSettings defaults = GuildSettings.defaults(GUILD);

    assertThat(defaults.timezone()).isEqualTo(ZoneId.of("UTC"));
    assertThat(defaults.positionDisplayEnabled()).isTrue();
    assertThat(defaults.summaryPreferences()).isEqualTo(SummaryPreferences.none());
    assertThat(defaults.summaryPreferences().dailySummary()).isFalse();
    assertThat(defaults.summaryPreferences().weeklySummary()).isFalse();
    assertThat(defaults.summaryPreferences().monthlySummary()).isFalse();
    assertThat(defaults.globalChannelId()).isEmpty();
    assertThat(defaults.version()).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"Europe/Paris", "America/New_York", "UTC", "Asia/Kolkata"})
  void ianaZonesAreAccepted(String zone) {
    assertThat(GuildSettings.parseTimezone(zone)).isEqualTo(ZoneId.of(zone));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "Mars/Olympus",
        "+02:00",
        "Z",
        "europe/paris ",
        "CEST",
        "../etc/passwd",
        // Fixed offsets Java also reads as zones: a guild's midnight needs a region
        // (docs/domain.md).
        "GMT+2",
        "UTC+2",
        "UT+01:00",
        "GMT-03:30"
      })
  void otherZonesAreRefusedNamingTheValue(String zone) {
    assertThatThrownBy(() -> GuildSettings.parseTimezone(zone))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessage(
            "timezone must be an IANA time zone such as 'Europe/Paris' or 'UTC', got '"
                + zone
                + "'");
  }

  @Test
  void offsetZonesCannotBeBuiltIn() {
    assertThatThrownBy(
            () -> GuildSettings.builder().guildId(GUILD).timezone(ZoneId.of("+02:00")).build())
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining("'+02:00'");
  }

  @Test
  void snapshotKeepsTheChannelStoredLastAndReportsTheOther() {
    ChannelConfig older = ChannelConfig.of(GUILD, CHANNEL).withVersion(1);
    ChannelConfig newer = ChannelConfig.of(OTHER_GUILD, CHANNEL).withVersion(3);

    ConfigSnapshot snapshot = ConfigSnapshot.of(List.of(newer, older), List.of());

    assertThat(snapshot.channel(CHANNEL)).contains(newer);
    assertThat(snapshot.channelsOf(GUILD)).isEmpty();
    assertThat(snapshot.channelsOf(OTHER_GUILD)).containsExactly(newer);
    assertThat(snapshot.discardedDuplicates()).containsExactly(older);
  }

  @Test
  void snapshotBreaksVersionTiesOnUpdatedAt() {
    ChannelConfig older = ChannelConfig.of(GUILD, CHANNEL).withUpdatedAt(Instant.ofEpochMilli(5));
    ChannelConfig newer =
        ChannelConfig.of(OTHER_GUILD, CHANNEL).withUpdatedAt(Instant.ofEpochMilli(6));

    assertThat(ConfigSnapshot.of(List.of(older, newer), List.of()).channel(CHANNEL))
        .contains(newer);
    assertThat(ConfigSnapshot.of(List.of(newer, older), List.of()).channel(CHANNEL))
        .contains(newer);
  }

  @Test
  void snapshotGuildsCoverChannelsAndSettings() {
    ConfigSnapshot snapshot =
        ConfigSnapshot.of(
            List.of(ChannelConfig.of(GUILD, CHANNEL)),
            List.of(GuildSettings.defaults(OTHER_GUILD)));

    assertThat(snapshot.guilds()).containsExactlyInAnyOrder(GUILD, OTHER_GUILD);
    assertThat(snapshot.settings(OTHER_GUILD)).isPresent();
    assertThat(snapshot.settings(GUILD)).isEmpty();
    assertThat(snapshot)
        .hasToString("ConfigSnapshot{1 channels in 1 guilds, 1 settings, 0 boards}");
  }

  @Test
  void snapshotsWithDifferentBoardsDiffer() {
    LiveBoard board = LiveBoard.of(GUILD, CHANNEL, 99);
    ConfigSnapshot withBoard = ConfigSnapshot.of(List.of(), List.of(), List.of(board));

    assertThat(withBoard).isNotEqualTo(ConfigSnapshot.empty());
    assertThat(withBoard).isEqualTo(ConfigSnapshot.builder().addBoard(board).build());
    assertThat(withBoard.board(GUILD)).contains(board);
    assertThat(withBoard.guilds()).containsExactly(GUILD);
  }

  @Test
  void aBoardNeedsAPositiveMessageIdAndVersion() {
    assertThatThrownBy(() -> LiveBoard.of(GUILD, CHANNEL, 0))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessage("message id must be a positive Discord snowflake, got 0");
    assertThatThrownBy(() -> LiveBoard.of(GUILD, CHANNEL, 5).withVersion(-1))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessage("board of guild 1: version must be 0 or more, got -1");
    assertThatThrownBy(() -> LiveBoard.parseMessageId("12a"))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessage("message id must be a Discord snowflake (digits only), got '12a'");
    assertThat(LiveBoard.parseMessageId("1180586600000000001")).isEqualTo(1180586600000000001L);
  }
}
