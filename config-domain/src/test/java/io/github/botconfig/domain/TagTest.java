package io.github.botconfig.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TagTest {

  @Test
  void mentionsFollowDiscordMarkup() {
    assertThat(Tag.user(123).mention()).isEqualTo("<@123>");
    assertThat(Tag.role(456).mention()).isEqualTo("<@&456>");
    assertThat(Tag.user(Long.MAX_VALUE).mention()).isEqualTo("<@9223372036854775807>");
  }

  @ParameterizedTest
  @ValueSource(strings = {"user:123", "role:9223372036854775807"})
  void textRoundTrips(String text) {
    assertThat(Tag.parse(text).toString()).isEqualTo(text);
  }

  @ParameterizedTest
  @CsvSource({"USER:5, user:5", "Role:7, role:7"})
  void typeIsReadInAnyCase(String text, String canonical) {
    assertThat(Tag.parse(text).toString()).isEqualTo(canonical);
  }

  @Test
  void idTextIsTheDecimalId() {
    assertThat(Tag.of(TagType.ROLE, "1180586412434817024").idText())
        .isEqualTo("1180586412434817024");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "123         | tag must be 'user:ID' or 'role:ID', got '123'",
        "member:5    | tag type must be 'user' or 'role', got 'member'",
        "user:       | user id must be a Discord snowflake (digits only), got an empty value",
        "role:<@&5>  | role id must be a Discord snowflake (digits only), got '<@&5>'",
        "user:0      | user id must be a positive Discord snowflake without leading zeros, got '0'",
        "user:5:6    | user id must be a Discord snowflake (digits only), got '5:6'",
      })
  void badTagsAreRefusedNamingTheValue(String text, String message) {
    assertThatThrownBy(() -> Tag.parse(text))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessage(message);
  }

  @Test
  void idsMustBePositive() {
    assertThatThrownBy(() -> Tag.role(0))
        .hasMessage("role id must be a positive Discord snowflake, got 0");
  }
}
