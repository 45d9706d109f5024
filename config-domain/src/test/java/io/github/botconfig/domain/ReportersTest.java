package io.github.botconfig.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ReportersTest {

  @Test
  void aNewChannelTakesReportsFromWebhooksOnly() {
    assertThat(ChannelConfig.of(GuildId.of(1), ChannelId.of(2)).reporters())
        .isEqualTo(Reporters.WEBHOOKS);
  }

  @ParameterizedTest
  @CsvSource({"webhooks, WEBHOOKS", "EVERYONE, EVERYONE", "' Everyone ', EVERYONE"})
  void isReadInAnyCase(String text, Reporters expected) {
    assertThat(Reporters.parse(text)).isEqualTo(expected);
  }

  @Test
  void textRoundTrips() {
    for (Reporters reporters : Reporters.values()) {
      assertThat(Reporters.parse(reporters.text())).isEqualTo(reporters);
      assertThat(reporters.toString()).isEqualTo(reporters.text());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "members", "webhook"})
  void anythingElseIsRefusedNamingTheValue(String text) {
    assertThatThrownBy(() -> Reporters.parse(text))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessage("reporters must be 'webhooks' or 'everyone', got '" + text + "'");
  }
}
