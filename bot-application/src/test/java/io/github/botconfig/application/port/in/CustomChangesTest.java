package io.github.botconfig.application.port.in;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.GuildSettings;
import io.github.botconfig.domain.InvalidConfigException;
import io.github.botconfig.domain.SettingKey;
import io.github.botconfig.domain.SettingRecord;
import io.github.botconfig.domain.SettingType;
import io.github.botconfig.domain.SettingsSchema;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CustomChangesTest {
  private static final GuildId GUILD = GuildId.of(1);
  private static final SettingKey<Long> SLOWMODE =
      SettingKey.channel("slowmodeSeconds", SettingType.integer(0, 60)).defaultValue(0L).build();
  private static final SettingRecord.Field<Optional<String>> WALLET =
      SettingRecord.Field.of("wallet", SettingType.optional(SettingType.text(20)));
  private static final SettingRecord.Field<Boolean> ON =
      SettingRecord.Field.of("on", SettingType.bool());
  private static final SettingKey<SettingRecord> SIZES =
      SettingKey.guild("sizes", SettingType.record(WALLET, ON)).build();
  private static final SettingsSchema SCHEMA = SettingsSchema.of(SLOWMODE, SIZES);

  @Test
  void assignmentsAreParsedByTheirKeysAndAppliedWithTheBuiltInChanges() {
    CustomChanges custom =
        CustomChanges.parse(
            SCHEMA, SettingKey.Scope.CHANNEL, List.of("slowmodeSeconds=30"), List.of());
    ChannelChanges changes = ChannelChanges.of(custom);

    ChannelConfig after = changes.applyTo(ChannelConfig.of(GUILD, ChannelId.of(2)));

    assertThat(after.get(SLOWMODE)).isEqualTo(30L);
    assertThat(changes.isEmpty()).isFalse();
    assertThat(ChannelChanges.none().isEmpty()).isTrue();
  }

  @Test
  void aRecordsAssignmentChangesTheFieldsItNamesAndKeepsTheOthers() {
    GuildSettings stored =
        GuildSettings.defaults(GUILD)
            .with(SIZES, SIZES.defaultValue().with(WALLET, Optional.of("abc")));
    CustomChanges custom =
        CustomChanges.parse(SCHEMA, SettingKey.Scope.GUILD, List.of("sizes=on=yes"), List.of());

    GuildSettings after = SettingsChanges.of(custom).applyTo(stored);

    assertThat(after.get(SIZES).get(ON)).isTrue();
    assertThat(after.get(SIZES).get(WALLET)).contains("abc");
  }

  @Test
  void resetAndRefusalsNameTheKey() {
    ChannelConfig stored = ChannelConfig.of(GUILD, ChannelId.of(2)).with(SLOWMODE, 5L);
    CustomChanges reset =
        CustomChanges.parse(
            SCHEMA, SettingKey.Scope.CHANNEL, List.of(), List.of("slowmodeSeconds"));
    assertThat(reset.applyTo(stored).custom().isStored(SLOWMODE)).isFalse();

    assertThatThrownBy(
            () ->
                CustomChanges.parse(
                    SCHEMA, SettingKey.Scope.CHANNEL, List.of("slowmodeSeconds=99"), List.of()))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessage("slowmodeSeconds must be a whole number from 0 to 60, got '99'");
    assertThatThrownBy(
            () ->
                CustomChanges.parse(
                    SCHEMA,
                    SettingKey.Scope.CHANNEL,
                    List.of("slowmodeSeconds=1"),
                    List.of("slowmodeSeconds")))
        .hasMessage("setting slowmodeSeconds is both set and reset: give one of the two");
    assertThatThrownBy(
            () -> CustomChanges.parse(SCHEMA, SettingKey.Scope.GUILD, List.of("=1"), List.of()))
        .hasMessage("a setting is given as KEY=VALUE, got '=1'");
  }
}
