package io.github.botconfig.bot.internal.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.botconfig.domain.CustomValues;
import io.github.botconfig.domain.SettingKey;
import io.github.botconfig.domain.SettingType;
import io.github.botconfig.domain.SettingsSchema;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigTextTest {
  private static final SettingKey<Boolean> FORWARD =
      SettingKey.guild("forward", SettingType.bool()).help("forward alerts").build();
  private static final SettingKey<String> MOTTO =
      SettingKey.guild("motto", SettingType.text(20)).defaultValue("hi").build();
  private static final SettingKey<Long> LIMIT =
      SettingKey.guild("limit", SettingType.integer(0, 9))
          .defaultValue(2L)
          .help("how many")
          .build();
  private static final SettingsSchema SCHEMA = SettingsSchema.of(FORWARD, MOTTO, LIMIT);
  private static final List<SettingKey<?>> KEYS = SCHEMA.keys(SettingKey.Scope.GUILD);

  @Test
  void eachKeyShowsItsValueWhetherItIsTheDefaultAndItsHelp() {
    CustomValues values =
        CustomValues.builder(SCHEMA, SettingKey.Scope.GUILD).stored(FORWARD, true).build();

    assertThat(ConfigText.custom(values, KEYS))
        .isEqualTo(
            "\nforward: `true` — forward alerts"
                + "\nmotto: `hi` (default)"
                + "\nlimit: `2` (default) — how many");
  }

  @Test
  void aStoredValueThatCannotBeReadIsShownWithItsProblemAndTheDefaultInForce() {
    CustomValues values =
        CustomValues.builder(SCHEMA, SettingKey.Scope.GUILD)
            .unreadable(LIMIT, "stored as S 'lots', not N")
            .build();

    assertThat(ConfigText.custom(values, KEYS))
        .contains(
            "\nlimit: `2` (default: the stored value is unreadable: stored as S 'lots', not N)"
                + " — how many");
  }

  @Test
  void noKeysAddNothing() {
    assertThat(ConfigText.custom(CustomValues.none(), List.of())).isEmpty();
  }

  @Test
  void keyNamesAreSuggestedByWhatWasTyped() {
    assertThat(KeySuggestions.suggest(KEYS, "MO", true))
        .containsExactly(new KeySuggestions.Choice("motto=", "motto="));
    assertThat(KeySuggestions.suggest(KEYS, "i", false))
        .extracting(KeySuggestions.Choice::value)
        .containsExactly("limit");
    assertThat(KeySuggestions.suggest(KEYS, "limit=3", true)).isEmpty();
    assertThat(KeySuggestions.suggest(KEYS, "", false))
        .extracting(KeySuggestions.Choice::label)
        .containsExactly("forward — forward alerts", "motto", "limit — how many");
  }
}
