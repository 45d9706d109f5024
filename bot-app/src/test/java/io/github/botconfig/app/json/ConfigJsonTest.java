package io.github.botconfig.app.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.GuildSettings;
import io.github.botconfig.domain.InvalidConfigException;
import io.github.botconfig.domain.Reporters;
import io.github.botconfig.domain.SummaryPreferences;
import io.github.botconfig.domain.Tag;
import io.github.botconfig.domain.Threshold;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ConfigJsonTest {
  private static final ChannelConfig CHANNEL =
      ChannelConfig.builder()
          .guildId(GuildId.of(Long.MAX_VALUE))
          .channelId(ChannelId.of(2))
          .image(true)
          .notifyOnClose(false)
          .pin(true)
          .tag(Tag.user(Long.MAX_VALUE))
          .threshold(Threshold.ANY_TRIGGER)
          .reporters(Reporters.EVERYONE)
          .createdAt(Instant.parse("2026-01-01T00:00:00Z"))
          .updatedAt(Instant.parse("2026-02-01T00:00:00.123Z"))
          .version(7)
          .build();

  private static final GuildSettings SETTINGS =
      GuildSettings.builder()
          .guildId(GuildId.of(1))
          .timezone(ZoneId.of("America/New_York"))
          .positionDisplayEnabled(false)
          .summaryPreferences(
              SummaryPreferences.builder().dailySummary(true).tag(Tag.role(3)).pin(true).build())
          .globalChannelId(ChannelId.of(4))
          .departedAt(Instant.parse("2026-03-01T00:00:00Z"))
          .version(2)
          .build();

  @Test
  void channelsRoundTrip() {
    assertThat(ConfigJson.readChannel(ConfigJson.channel(CHANNEL))).isEqualTo(CHANNEL);
    ChannelConfig plain = ChannelConfig.of(GuildId.of(1), ChannelId.of(2));
    assertThat(ConfigJson.readChannel(ConfigJson.channel(plain))).isEqualTo(plain);
  }

  @Test
  void aChannelWrittenBeforeReportersExistedTakesReportsFromWebhooksOnly() {
    ObjectNode older = ConfigJson.channel(CHANNEL);
    older.remove("reporters");

    assertThat(ConfigJson.readChannel(older).reporters()).isEqualTo(Reporters.WEBHOOKS);
  }

  @Test
  void settingsRoundTrip() {
    assertThat(ConfigJson.readSettings(ConfigJson.settings(SETTINGS))).isEqualTo(SETTINGS);
    GuildSettings defaults = GuildSettings.defaults(GuildId.of(9));
    assertThat(ConfigJson.readSettings(ConfigJson.settings(defaults))).isEqualTo(defaults);
  }

  @Test
  void idsAreStringsSoJavaScriptKeepsThemExact() {
    ObjectNode json = ConfigJson.channel(CHANNEL);

    assertThat(json.get("guildId").isTextual()).isTrue();
    assertThat(json.get("guildId").asText()).isEqualTo("9223372036854775807");
    assertThat(json.get("tag").get("id").asText()).isEqualTo("9223372036854775807");
  }

  @Test
  void badDocumentsAreRefusedNamingFieldAndValue() {
    ObjectNode wrongType = ConfigJson.channel(CHANNEL).put("pin", "yes");
    ObjectNode missing = ConfigJson.channel(CHANNEL);
    missing.remove("guildId");
    ObjectNode badId = ConfigJson.channel(CHANNEL).put("channelId", "1#CHANNEL#2");
    ObjectNode badTime = ConfigJson.channel(CHANNEL).put("createdAt", "yesterday");
    ObjectNode negativeVersion = ConfigJson.channel(CHANNEL).put("version", -1);
    ObjectNode badThreshold = ConfigJson.channel(CHANNEL).put("threshold", "NaN");

    assertThatThrownBy(() -> ConfigJson.readChannel(wrongType))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessage("channel.pin must be a JSON boolean, got string \"yes\"");
    assertThatThrownBy(() -> ConfigJson.readChannel(missing))
        .hasMessage("channel.guildId is missing");
    assertThatThrownBy(() -> ConfigJson.readChannel(badId))
        .hasMessageContaining("got '1#CHANNEL#2'");
    assertThatThrownBy(() -> ConfigJson.readChannel(badTime))
        .hasMessage(
            "channel.createdAt must be an ISO-8601 time such as 2026-01-01T00:00:00Z, got 'yesterday'");
    assertThatThrownBy(() -> ConfigJson.readChannel(negativeVersion))
        .hasMessage("channel.version must be a whole number 0 or more, got -1");
    assertThatThrownBy(() -> ConfigJson.readChannel(badThreshold))
        .hasMessageContaining("got 'NaN'");
    assertThatThrownBy(() -> ConfigJson.readSettings(ConfigJson.mapper().createArrayNode()))
        .hasMessage("settings must be a JSON object, got array []");
  }
}
