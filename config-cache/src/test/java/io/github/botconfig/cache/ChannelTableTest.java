package io.github.botconfig.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.GuildId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ChannelTableTest {
  private static final GuildId GUILD = GuildId.of(42);

  private static ChannelConfig config(long id) {
    return ChannelConfig.of(GUILD, ChannelId.of(id));
  }

  @Test
  void emptyTableFindsNothing() {
    assertThat(ChannelTable.empty().get(1)).isNull();
    assertThat(ChannelTable.empty().size()).isZero();
    assertThat(ChannelTable.of(List.of()).get(Long.MAX_VALUE)).isNull();
  }

  @Test
  void aHitReturnsTheSameOptionalEveryTimeSoNothingIsAllocated() {
    ChannelTable table = ChannelTable.of(List.of(config(7), config(Long.MAX_VALUE)));

    Optional<ChannelConfig> first = table.get(7);
    assertThat(first).contains(config(7));
    assertThat(table.get(7)).isSameAs(first);
    assertThat(table.get(Long.MAX_VALUE)).contains(config(Long.MAX_VALUE));
    assertThat(table.get(8)).isNull();
  }

  @Test
  void keepsAtLeastHalfTheSlotsFreeSoEveryProbeEnds() {
    assertThat(ChannelTable.capacityFor(0)).isEqualTo(2);
    assertThat(ChannelTable.capacityFor(1)).isEqualTo(2);
    assertThat(ChannelTable.capacityFor(4)).isEqualTo(8);
    assertThat(ChannelTable.capacityFor(5)).isEqualTo(16);
    assertThat(ChannelTable.capacityFor(100_000)).isEqualTo(262_144);
    assertThatThrownBy(() -> ChannelTable.capacityFor((1 << 29) + 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("536870913");
  }

  @Test
  void withAddsReplacesAndGrowsWithoutChangingTheOriginal() {
    ChannelTable one = ChannelTable.of(List.of(config(1)));
    ChannelTable two = one.with(config(2));
    ChannelTable replaced = two.with(config(2).withPin(true));

    assertThat(one.get(2)).isNull();
    assertThat(one.size()).isEqualTo(1);
    assertThat(two.size()).isEqualTo(2);
    assertThat(two.capacity()).isEqualTo(4);
    assertThat(replaced.size()).isEqualTo(2);
    assertThat(replaced.get(2)).contains(config(2).withPin(true));
    assertThat(two.get(2)).contains(config(2));
  }

  @Test
  void withoutKeepsEveryOtherKeyReachableInACollidingRun() {
    // Consecutive ids in a small table collide and wrap around: the hardest case for backward-shift deletion.
    List<ChannelConfig> configs = new ArrayList<>();
    for (long id = 1; id <= 8; id++) {
      configs.add(config(id));
    }
    ChannelTable full = ChannelTable.of(configs);
    for (long gone = 1; gone <= 8; gone++) {
      ChannelTable table = full.without(gone);
      assertThat(table.size()).isEqualTo(7);
      assertThat(table.get(gone)).isNull();
      for (long id = 1; id <= 8; id++) {
        if (id != gone) {
          assertThat(table.get(id)).as("id %d after removing %d", id, gone).contains(config(id));
        }
      }
    }
    assertThat(full.without(99)).isSameAs(full);
  }

  @Test
  void agreesWithAHashMapOverTenThousandRandomChanges() {
    Random random = new Random(20260101);
    Map<Long, ChannelConfig> model = new HashMap<>();
    ChannelTable table = ChannelTable.empty();
    for (int step = 0; step < 10_000; step++) {
      // Few distinct keys, many of them sharing high bits like real snowflakes, so runs collide and shrink.
      long key = 1180586500000000000L + random.nextInt(300) * (random.nextBoolean() ? 1 : 1L << 22);
      if (random.nextInt(3) == 0) {
        model.remove(key);
        table = table.without(key);
      } else {
        ChannelConfig value = config(key).withVersion(step);
        model.put(key, value);
        table = table.with(value);
      }
      assertThat(table.size()).isEqualTo(model.size());
    }
    for (Map.Entry<Long, ChannelConfig> entry : model.entrySet()) {
      assertThat(table.get(entry.getKey())).contains(entry.getValue());
    }
    List<ChannelConfig> all = new ArrayList<>();
    table.forEach(all::add);
    assertThat(all).containsExactlyInAnyOrderElementsOf(model.values());
  }
}
