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
    assertThat(ChannelTable.unknown().get(1)).isNull();
    assertThat(ChannelTable.unknown().size()).isZero();
    assertThat(ChannelTable.of(List.of()).get(Long.MAX_VALUE)).isNull();
  }

  @Test
  void aMissInACompleteTableIsNotTrackedAndInAnIncompleteOneNotKnown() {
    ChannelTable complete = ChannelTable.of(List.of(config(7)));
    ChannelTable incomplete = ChannelTable.unknown().with(config(7));

    assertThat(ChannelTable.find(complete.keys(), 8)).isEqualTo(ChannelTable.NOT_TRACKED);
    assertThat(ChannelTable.find(incomplete.keys(), 8)).isEqualTo(ChannelTable.NOT_KNOWN);
    assertThat(ChannelTable.find(ChannelTable.unknown().keys(), 8))
        .isEqualTo(ChannelTable.NOT_KNOWN);
    assertThat(incomplete.get(7)).contains(config(7));
    assertThat(incomplete.complete).isFalse();
    assertThat(complete.complete).isTrue();
    // Removing keeps the free slot "not known": the store may still have the channel.
    ChannelTable removed = incomplete.with(config(9)).without(7);
    assertThat(ChannelTable.find(removed.keys(), 7)).isEqualTo(ChannelTable.NOT_KNOWN);
    assertThat(removed.get(9)).contains(config(9));
  }

  @Test
  void aValueIsOnlyReadAtASlotOfTheSameKeyArray() {
    ChannelTable table = ChannelTable.of(List.of(config(7)));
    ChannelTable newer = table.with(config(7).withPin(true));
    int slot = ChannelTable.find(table.keys(), 7);

    assertThat(table.valueAt(table.keys(), slot)).contains(config(7));
    assertThat(newer.valueAt(table.keys(), slot))
        .isNull(); // a lookup that probed the old keys looks again
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
  void keepsFifteenSixteenthsOfASmallTableAndThreeQuartersOfALargeOneFreeSoMissesEndEarly() {
    assertThat(ChannelTable.capacityFor(0)).isEqualTo(2);
    assertThat(ChannelTable.capacityFor(1)).isEqualTo(16);
    assertThat(ChannelTable.capacityFor(100)).isEqualTo(2048);
    assertThat(ChannelTable.capacityFor(256)).isEqualTo(4096);
    assertThat(ChannelTable.capacityFor(300))
        .isEqualTo(4096); // a sixteenth would take more than 4,096 slots
    assertThat(ChannelTable.capacityFor(1024)).isEqualTo(4096);
    assertThat(ChannelTable.capacityFor(1025)).isEqualTo(8192);
    assertThat(ChannelTable.capacityFor(100_000)).isEqualTo(524_288);
    assertThatThrownBy(() -> ChannelTable.capacityFor((1 << 28) + 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("268435457");
  }

  @Test
  void withAddsReplacesAndGrowsWithoutChangingTheOriginal() {
    ChannelTable one = ChannelTable.of(List.of(config(1)));
    ChannelTable two = one.with(config(2));
    ChannelTable replaced = two.with(config(2).withPin(true));

    assertThat(one.get(2)).isNull();
    assertThat(one.size()).isEqualTo(1);
    assertThat(two.size()).isEqualTo(2);
    assertThat(two.capacity()).isEqualTo(32);
    assertThat(replaced.size()).isEqualTo(2);
    assertThat(replaced.get(2)).contains(config(2).withPin(true));
    assertThat(two.get(2)).contains(config(2));
  }

  @Test
  void withoutKeepsEveryOtherKeyReachableInACollidingRun() {
    // Consecutive ids in a small table collide and wrap around: the hardest case for backward-shift
    // deletion.
    List<ChannelConfig> configs = new ArrayList<>();
    for (long id = 1; id <= 8; id++) {
      configs.add(config(id));
    }
    ChannelTable full = ChannelTable.of(configs);
    assertThat(full.capacity()).isEqualTo(128);
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
  void withoutKeepsOverlappingProbeRunsIntact() {
    // In one table of 128 slots: two keys whose lookups start at slot h, one at h + 2 (it sits in
    // its own slot
    // and must never move), two more at h and two at h + 1. The runs overlap, so removing any key
    // must shift
    // back the later keys that may move, and only those.
    ChannelTable probe =
        ChannelTable.of(
            List.of(config(1), config(2), config(3), config(4), config(5), config(6), config(7)));
    assertThat(probe.capacity()).isEqualTo(128);
    Map<Integer, List<Long>> byHome = new HashMap<>();
    for (long id = 1; id < 100_000; id++) {
      byHome.computeIfAbsent(probe.slot(id), h -> new ArrayList<>()).add(id);
    }
    int home = 7;
    List<Long> keys = new ArrayList<>(byHome.get(home).subList(0, 2));
    keys.add(byHome.get(home + 2).get(0));
    keys.addAll(byHome.get(home).subList(2, 4));
    keys.addAll(byHome.get(home + 1).subList(0, 2));
    List<ChannelConfig> configs = keys.stream().map(ChannelTableTest::config).toList();
    ChannelTable table = ChannelTable.of(configs);
    assertThat(table.capacity()).isEqualTo(128);

    for (long gone : keys) {
      ChannelTable without = table.without(gone);
      assertThat(without.get(gone)).isNull();
      for (long kept : keys) {
        if (kept != gone) {
          assertThat(without.get(kept))
              .as("key %d after removing %d", kept, gone)
              .contains(config(kept));
        }
      }
    }
  }

  @Test
  void agreesWithAHashMapOverTenThousandRandomChanges() {
    Random random = new Random(20260101);
    Map<Long, ChannelConfig> model = new HashMap<>();
    ChannelTable table = ChannelTable.of(List.of());
    for (int step = 0; step < 10_000; step++) {
      // Few distinct keys, many of them sharing high bits like real snowflakes, so runs collide and
      // shrink.
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
