package io.github.botconfig.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.botconfig.domain.SettingsSchema;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CustomItemsTest {
  @Test
  void everyAttributeTheLayoutModelsIsReservedFromSettingKeys() {
    List<String> modelled = new ArrayList<>();
    modelled.addAll(ChannelItems.MODELLED);
    modelled.addAll(SettingsItems.MODELLED);
    modelled.addAll(
        List.of(TableLayout.PK, TableLayout.SK, TableLayout.CHANNEL_ID, TableLayout.MESSAGE_ID));

    assertThat(SettingsSchema.RESERVED).containsAll(modelled);
  }
}
