package io.github.botconfig.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SnowflakeIdsTest {

  @ParameterizedTest
  @ValueSource(strings = {"1", "42", "1180586412434817024", "9223372036854775807"})
  void canonicalDecimalTextRoundTrips(String text) {
    assertThat(GuildId.of(text).toString()).isEqualTo(text);
    assertThat(ChannelId.of(text).toString()).isEqualTo(text);
    assertThat(ChannelId.of(text)).isEqualTo(ChannelId.of(Long.parseLong(text)));
  }

  @ParameterizedTest(name = "[{index}] ''{0}''")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "\"\"                      | channel id must be a Discord snowflake (digits only), got an empty value",
        "\"   \"                   | channel id must be a Discord snowflake (digits only), got '   '",
        "12a                       | channel id must be a Discord snowflake (digits only), got '12a'",
        "-5                        | channel id must be a Discord snowflake (digits only), got '-5'",
        "+5                        | channel id must be a Discord snowflake (digits only), got '+5'",
        "\" 5\"                    | channel id must be a Discord snowflake (digits only), got ' 5'",
        "#123                      | channel id must be a Discord snowflake (digits only), got '#123'",
        "GUILD#1                   | channel id must be a Discord snowflake (digits only), got 'GUILD#1'",
        "1e5                       | channel id must be a Discord snowflake (digits only), got '1e5'",
        "12.0                      | channel id must be a Discord snowflake (digits only), got '12.0'",
        "１２３                    | channel id must be a Discord snowflake (digits only), got '１２３'",
        "0                         | channel id must be a positive Discord snowflake without leading zeros, got '0'",
        "0123                      | channel id must be a positive Discord snowflake without leading zeros, got '0123'",
        "9223372036854775808       | channel id is larger than any Discord snowflake (at most 9223372036854775807), got '9223372036854775808'",
        "18446744073709551615      | channel id is larger than any Discord snowflake (at most 9223372036854775807), got '18446744073709551615'",
        "123456789012345678901     | channel id must be a Discord snowflake of at most 20 digits, got '123456789012345678901'",
      })
  void everythingElseIsRefusedNamingTheValue(String text, String message) {
    assertThatThrownBy(() -> ChannelId.of(text))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessage(message);
  }

  @Test
  void guildIdSaysItIsAGuildId() {
    assertThatThrownBy(() -> GuildId.of("abc"))
        .hasMessage("guild id must be a Discord snowflake (digits only), got 'abc'");
  }

  @Test
  void numbersMustBePositive() {
    assertThatThrownBy(() -> GuildId.of(0))
        .hasMessage("guild id must be a positive Discord snowflake, got 0");
    assertThatThrownBy(() -> ChannelId.of(-7))
        .hasMessage("channel id must be a positive Discord snowflake, got -7");
  }

  @Test
  void hugeValuesAreQuotedShortly() {
    String huge = "9".repeat(100_000) + "x";

    assertThatThrownBy(() -> ChannelId.of(huge))
        .hasMessage(
            "channel id must be a Discord snowflake (digits only), got '"
                + "9".repeat(64)
                + "'… (100001 characters)");
  }

  @Test
  void controlCharactersAreShownEscaped() {
    assertThatThrownBy(() -> ChannelId.of("12\n34\u202e"))
        .hasMessage(
            "channel id must be a Discord snowflake (digits only), got '12\\u000a34\\u202e'");
  }

  @Test
  void idsCompareByValue() {
    assertThat(ChannelId.of(2)).isGreaterThan(ChannelId.of(1));
    assertThat(GuildId.of(10)).isLessThan(GuildId.of(9_000_000_000L));
  }
}
