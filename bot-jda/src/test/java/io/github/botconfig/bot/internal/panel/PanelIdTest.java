package io.github.botconfig.bot.internal.panel;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.botconfig.bot.internal.panel.PanelId.Action;
import org.junit.jupiter.api.Test;

class PanelIdTest {
  private static final long CHANNEL = Long.parseUnsignedLong("18446744073709551615"); // 20 digits

  @Test
  void everyActionSurvivesItsCustomIdWellUnderDiscordsLimit() {
    for (Action action : Action.values()) {
      PanelId id = PanelId.of(action, CHANNEL, Long.MAX_VALUE, 1_800_000_000L).withArg("TP/SL");

      assertThat(id.encode()).hasSizeLessThanOrEqualTo(100);
      assertThat(PanelId.parse(id.encode())).contains(id);
    }
  }

  @Test
  void actionCodesAreUnique() {
    assertThat(java.util.Arrays.stream(Action.values()).map(a -> a.code).distinct())
        .hasSize(Action.values().length);
  }

  @Test
  void anythingElseIsNotAPanelId() {
    assertThat(PanelId.parse("cfgp:cp:1:42:3")).isEmpty();
    assertThat(PanelId.parse("cfgp:zz:1:42:3:4")).isEmpty();
    assertThat(PanelId.parse("cfgp:cp:1:-42:3:4")).isEmpty();
    assertThat(PanelId.parse("cfgp:cp:1:18446744073709551616:3:4")).isEmpty();
    assertThat(PanelId.parse("cfgp:cp:<@1>:42:3:4")).isEmpty();
    assertThat(PanelId.parse("other:cp:1:42:3:4")).isEmpty();
    assertThat(PanelId.isPanel("other:cp")).isFalse();
    assertThat(PanelId.isPanel("cfgp:anything")).isTrue();
  }
}
