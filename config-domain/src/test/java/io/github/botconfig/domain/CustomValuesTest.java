package io.github.botconfig.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class CustomValuesTest {
  private static final GuildId GUILD = GuildId.of(1180586412434817024L);
  private static final ChannelId CHANNEL = ChannelId.of(1180586412434817025L);
  private static final SettingKey<Long> SLOWMODE =
      SettingKey.channel("slowmodeSeconds", SettingType.integer(0, 21_600))
          .defaultValue(0L)
          .build();
  private static final SettingKey<Optional<Long>> WELCOME =
      SettingKey.guild("welcomeChannel", SettingType.optional(SettingType.snowflake())).build();
  private static final SettingsSchema SCHEMA = SettingsSchema.of(SLOWMODE, WELCOME);

  @Test
  void anItemThatNeverStoredAKeyReadsItsDefault() {
    assertThat(ChannelConfig.of(GUILD, CHANNEL).get(SLOWMODE)).isZero();
    assertThat(GuildSettings.defaults(GUILD).get(WELCOME)).isEmpty();
    assertThat(SCHEMA.empty(SettingKey.Scope.CHANNEL).get(SLOWMODE)).isZero();
  }

  @Test
  void aStoredValueIsReadBackAndResetReturnsToTheDefault() {
    ChannelConfig channel = ChannelConfig.of(GUILD, CHANNEL).with(SLOWMODE, 30L);
    assertThat(channel.get(SLOWMODE)).isEqualTo(30L);
    assertThat(channel.custom().isStored(SLOWMODE)).isTrue();
    ChannelConfig reset = channel.reset(SLOWMODE);
    assertThat(reset.get(SLOWMODE)).isZero();
    assertThat(reset).isEqualTo(ChannelConfig.of(GUILD, CHANNEL));
  }

  @Test
  void withRefusesWhatTheKeyRefusesAndKeysOfTheOtherScope() {
    ChannelConfig channel = ChannelConfig.of(GUILD, CHANNEL);
    assertThatThrownBy(() -> channel.with(SLOWMODE, -1L))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessage("slowmodeSeconds must be a whole number from 0 to 21600, got '-1'");
    assertThatThrownBy(() -> channel.with(WELCOME, Optional.of(1L)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("setting key welcomeChannel is a GUILD key, not a channel one");
  }

  @Test
  void valuesAreEqualWhenEveryKeyIsInTheSameState() {
    CustomValues decoded =
        CustomValues.builder(SCHEMA, SettingKey.Scope.CHANNEL).stored(SLOWMODE, 5L).build();
    CustomValues built = CustomValues.none().with(SLOWMODE, 5L);
    assertThat(decoded).isEqualTo(built).hasSameHashCodeAs(built);
    assertThat(decoded.differingKeys(built)).isEmpty();
    assertThat(decoded.differingKeys(decoded.with(SLOWMODE, 6L))).containsExactly(SLOWMODE);
    assertThat(SCHEMA.empty(SettingKey.Scope.CHANNEL)).isEqualTo(CustomValues.none());
    assertThat(decoded).hasToString("{slowmodeSeconds=5}");
  }

  @Test
  void anUnreadableValueReadsTheDefaultSaysWhyAndIsReplacedOnlyWhenNamed() {
    CustomValues values =
        CustomValues.builder(SCHEMA, SettingKey.Scope.CHANNEL)
            .unreadable(SLOWMODE, "attribute 'slowmodeSeconds' must be N, got S 'fast'")
            .build();
    assertThat(values.get(SLOWMODE)).isZero();
    assertThat(values.isStored(SLOWMODE)).isFalse();
    assertThat(values.problem(SLOWMODE))
        .contains("attribute 'slowmodeSeconds' must be N, got S 'fast'");
    assertThat(values.problems()).hasSize(1);
    assertThat(values.differingKeys(values)).isEmpty();
    assertThat(values.differingKeys(values.with(SLOWMODE, 1L))).containsExactly(SLOWMODE);
    assertThat(values.differingKeys(values.reset(SLOWMODE))).containsExactly(SLOWMODE);
  }

  @Test
  void theBuilderRefusesKeysOutsideItsSchemaAndValuesTheKeyRefuses() {
    SettingKey<Boolean> other = SettingKey.channel("other", SettingType.bool()).build();
    CustomValues.Builder builder = CustomValues.builder(SCHEMA, SettingKey.Scope.CHANNEL);
    assertThatThrownBy(() -> builder.stored(other, true))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.stored(SLOWMODE, 99_999L))
        .isInstanceOf(InvalidConfigException.class);
  }

  @Test
  void aKeyListedByTwoSchemasIsFoundInBoth() {
    SettingKey<Boolean> first = SettingKey.channel("first", SettingType.bool()).build();
    SettingsSchema later = SettingsSchema.of(first, SLOWMODE);
    CustomValues values =
        CustomValues.builder(later, SettingKey.Scope.CHANNEL).stored(SLOWMODE, 7L).build();
    assertThat(values.get(SLOWMODE)).isEqualTo(7L);
  }
}
