package io.github.botconfig.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SettingKeyTest {
  enum Language {
    EN,
    FR
  }

  private static final SettingKey<Long> SLOWMODE =
      SettingKey.channel("slowmodeSeconds", SettingType.integer(0, 21_600))
          .defaultValue(0L)
          .build();

  @Test
  void everyTypeReadsTheTextItFormats() {
    assertRoundTrip(SettingType.bool(), "true", true);
    assertRoundTrip(SettingType.integer(-5, 5), "-5", -5L);
    assertRoundTrip(
        SettingType.decimal(BigDecimal.ZERO, BigDecimal.TEN), "2.5", new BigDecimal("2.5"));
    assertRoundTrip(SettingType.text(10), "bonjour", "bonjour");
    assertRoundTrip(SettingType.snowflake(), "1180586412434817024", 1180586412434817024L);
    assertRoundTrip(SettingType.enumOf(Language.class), "FR", Language.FR);
    assertRoundTrip(
        SettingType.duration(Duration.ZERO, Duration.ofDays(1)), "1h30m", Duration.ofMinutes(90));
    assertRoundTrip(SettingType.optional(SettingType.snowflake()), "none", Optional.empty());
    assertRoundTrip(SettingType.optional(SettingType.snowflake()), "42", Optional.of(42L));
    assertRoundTrip(SettingType.listOf(SettingType.integer(0, 9), 3), "1,2,3", List.of(1L, 2L, 3L));
  }

  @Test
  void textsAreReadLikeAnAdminWritesThem() {
    assertThat(SettingType.bool().parse("Yes")).isTrue();
    assertThat(SettingType.bool().parse("off")).isFalse();
    assertThat(SettingType.enumOf(Language.class).parse("fr")).isEqualTo(Language.FR);
    SettingType<Duration> duration = SettingType.duration(Duration.ZERO, Duration.ofDays(1));
    assertThat(duration.parse("90")).isEqualTo(Duration.ofSeconds(90));
    assertThat(duration.parse("PT5M")).isEqualTo(Duration.ofMinutes(5));
    assertThat(SettingType.listOf(SettingType.text(5), 2).parse("")).isEmpty();
  }

  @Test
  void aRefusedTextNamesTheKeyAndTheValue() {
    assertThatThrownBy(() -> SLOWMODE.parse("-5"))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessage("slowmodeSeconds must be a whole number from 0 to 21600, got '-5'");
    assertThatThrownBy(() -> SLOWMODE.parse("fast"))
        .hasMessage("slowmodeSeconds must be a whole number from 0 to 21600, got 'fast'");
    SettingKey<Language> language =
        SettingKey.guild("language", SettingType.enumOf(Language.class))
            .defaultValue(Language.EN)
            .build();
    assertThatThrownBy(() -> language.parse("de"))
        .hasMessage("language must be one of EN, FR, got 'de'");
    assertThatThrownBy(
            () ->
                SettingKey.guild("welcome", SettingType.snowflake())
                    .defaultValue(1L)
                    .build()
                    .parse("#general"))
        .hasMessage("welcome must be a Discord id (digits only), got '#general'");
  }

  @Test
  void aKeysOwnCheckIsAppliedToTextsValuesAndItsDefault() {
    SettingKey.Builder<Long> even =
        SettingKey.channel("even", SettingType.integer(0, 100))
            .defaultValue(2L)
            .check(value -> value % 2 == 0, "an even number");
    SettingKey<Long> key = even.build();
    assertThatThrownBy(() -> key.parse("3")).hasMessage("even must be an even number, got '3'");
    assertThatThrownBy(() -> key.validate(5L)).hasMessage("even must be an even number, got '5'");
    assertThatThrownBy(() -> even.defaultValue(1L).build())
        .isInstanceOf(InvalidConfigException.class);
  }

  @Test
  void aValueOfAnotherTypeIsRefusedNamingIt() {
    assertThatThrownBy(() -> SLOWMODE.validate("12"))
        .hasMessage("slowmodeSeconds must be a whole number from 0 to 21600, got '12'");
    assertThatThrownBy(() -> SettingType.text(3).validate("four"))
        .isInstanceOf(InvalidConfigException.class);
    assertThatThrownBy(() -> SettingType.text(30).validate("line\nbreak"))
        .hasMessageContaining("'line\\u000abreak'");
  }

  @Test
  void aTypeWithoutDefaultNeedsOneDeclared() {
    assertThatThrownBy(() -> SettingKey.guild("prefix", SettingType.text(5)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("prefix needs a default");
    assertThat(SettingKey.guild("on", SettingType.bool()).build().defaultValue()).isFalse();
    assertThat(
            SettingKey.guild("where", SettingType.optional(SettingType.snowflake()))
                .build()
                .defaultValue())
        .isEmpty();
  }

  @Test
  void namesAreAttributeNamesAndNeverReservedOnes() {
    assertThatThrownBy(() -> SettingKey.guild("my key", SettingType.bool()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'my key'");
    SettingKey<Boolean> pin = SettingKey.channel("Pin", SettingType.bool()).build();
    assertThatThrownBy(() -> SettingsSchema.of(pin))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageStartingWith("setting key 'Pin' is a name the table layout reserves");
    SettingKey<Boolean> a = SettingKey.guild("forward", SettingType.bool()).build();
    SettingKey<Boolean> b = SettingKey.guild("Forward", SettingType.bool()).build();
    assertThatThrownBy(() -> SettingsSchema.of(a, b))
        .hasMessage(
            "setting key 'Forward' is declared twice for the guild scope (names are compared"
                + " ignoring case)");
    SettingKey<Boolean> c = SettingKey.channel("forward", SettingType.bool()).build();
    assertThat(SettingsSchema.of(a, c).keys(SettingKey.Scope.CHANNEL)).containsExactly(c);
  }

  @Test
  void aSchemaFindsItsKeysByNameAndSaysWhichExist() {
    SettingsSchema schema = SettingsSchema.of(SLOWMODE);
    assertThat(schema.require(SettingKey.Scope.CHANNEL, "slowmodeseconds")).isSameAs(SLOWMODE);
    assertThatThrownBy(() -> schema.require(SettingKey.Scope.CHANNEL, "slow"))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessage("no channel setting is named 'slow' (declared: slowmodeSeconds)");
    assertThatThrownBy(() -> schema.require(SettingKey.Scope.GUILD, "slowmodeSeconds"))
        .hasMessage("no guild setting is named 'slowmodeSeconds' (declared: none)");
  }

  @Test
  void aRecordReadsNamedFieldsAndKeepsTheOthersAtTheirDefaults() {
    SettingRecord.Field<Optional<String>> wallet =
        SettingRecord.Field.of("walletAddress", SettingType.optional(SettingType.text(64)));
    SettingRecord.Field<Optional<BigDecimal>> stopLoss =
        SettingRecord.Field.of(
            "stopLossPercent",
            SettingType.optional(SettingType.decimal(BigDecimal.ZERO, new BigDecimal(100))));
    SettingType<SettingRecord> type = SettingType.record(wallet, stopLoss);
    SettingRecord value = type.parse("stopLossPercent=12.5");
    assertThat(value.get(stopLoss)).contains(new BigDecimal("12.5"));
    assertThat(value.get(wallet)).isEmpty();
    assertThat(type.parse(type.format(value))).isEqualTo(value);
    assertThatThrownBy(() -> type.parse("stopLoss=1"))
        .hasMessage("has no field 'stopLoss' (its fields: walletAddress, stopLossPercent)");
    assertThatThrownBy(() -> type.parse("stopLossPercent=200"))
        .hasMessage("field stopLossPercent must be a number from 0 to 100, got '200'");
  }

  private static <T> void assertRoundTrip(SettingType<T> type, String text, T value) {
    assertThat(type.parse(text)).isEqualTo(value);
    assertThat(type.parse(type.format(value))).isEqualTo(value);
    assertThat(type.validate(value)).isEqualTo(value);
  }
}
