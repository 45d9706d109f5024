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
import java.util.Random;
import org.junit.jupiter.api.Test;

class GuildIndexTest {
  private static final GuildId ONE = GuildId.of(1);
  private static final GuildId TWO = GuildId.of(2);
  private static final GuildId THREE = GuildId.of(3);

  @Test
  void listsAGuildsChannelsByChannelIdAndNothingForAGuildWithout() {
    GuildIndex index =
        GuildIndex.of(
            List.of(channel(TWO, 30), channel(ONE, 12), channel(TWO, 20), channel(ONE, 11)));

    assertThat(ids(index.channelsOf(ONE))).containsExactly(11L, 12L);
    assertThat(ids(index.channelsOf(TWO))).containsExactly(20L, 30L);
    assertThat(index.channelsOf(THREE)).isEmpty();
    assertThat(index.disorder()).isEmpty();
  }

  @Test
  void aChannelMovedToAnotherGuildIsListedUnderTheNewOneOnly() {
    ChannelConfig before = channel(ONE, 11);
    GuildIndex index = GuildIndex.of(List.of(before, channel(ONE, 12)));

    GuildIndex moved = index.with(channel(TWO, 11), before);

    assertThat(ids(moved.channelsOf(ONE))).containsExactly(12L);
    assertThat(ids(moved.channelsOf(TWO))).containsExactly(11L);
    assertThat(moved.size()).isEqualTo(2);
    assertThat(ids(index.channelsOf(ONE)))
        .as("the old index is unchanged")
        .containsExactly(11L, 12L);
  }

  @Test
  void removesAChannelOrAWholeGuild() {
    ChannelConfig gone = channel(ONE, 12);
    GuildIndex index =
        GuildIndex.of(List.of(channel(ONE, 11), gone, channel(TWO, 20), channel(THREE, 31)));

    assertThat(ids(index.without(gone).channelsOf(ONE))).containsExactly(11L);
    GuildIndex withoutTwo = index.withoutGuild(TWO);
    assertThat(withoutTwo.channelsOf(TWO)).isEmpty();
    assertThat(withoutTwo.size()).isEqualTo(3);
    assertThat(index.withoutGuild(GuildId.of(99))).isSameAs(index);
  }

  @Test
  void removingAChannelItDoesNotHoldIsABugNamedAsSuch() {
    GuildIndex index = GuildIndex.of(List.of(channel(ONE, 11)));

    assertThatThrownBy(() -> index.without(channel(ONE, 99)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("channel 99 of guild 1");
  }

  @Test
  void agreesWithAMapOfListsOverRandomChanges() {
    Random random = new Random(9);
    Map<Long, ChannelConfig> held = new HashMap<>();
    GuildIndex index = GuildIndex.empty();
    for (int step = 0; step < 5_000; step++) {
      long channelId = 1 + random.nextInt(300);
      ChannelConfig previous = held.get(channelId);
      int action = random.nextInt(10);
      if (action < 6) {
        ChannelConfig next = channel(GuildId.of(1 + random.nextInt(20)), channelId);
        index = index.with(next, previous);
        held.put(channelId, next);
      } else if (action < 9 && previous != null) {
        index = index.without(previous);
        held.remove(channelId);
      } else if (action == 9) {
        GuildId guild = GuildId.of(1 + random.nextInt(20));
        index = index.withoutGuild(guild);
        held.values().removeIf(c -> c.guildId().equals(guild));
      }
    }
    assertThat(index.disorder()).isEmpty();
    assertThat(index.size()).isEqualTo(held.size());
    for (int guild = 1; guild <= 20; guild++) {
      GuildId guildId = GuildId.of(guild);
      List<Long> expected = new ArrayList<>();
      held.values().stream()
          .filter(c -> c.guildId().equals(guildId))
          .map(c -> c.channelId().value())
          .sorted()
          .forEach(expected::add);
      assertThat(ids(index.channelsOf(guildId))).as("guild %d", guild).isEqualTo(expected);
    }
  }

  private static ChannelConfig channel(GuildId guild, long channel) {
    return ChannelConfig.of(guild, ChannelId.of(channel));
  }

  private static List<Long> ids(List<ChannelConfig> channels) {
    return channels.stream().map(c -> c.channelId().value()).toList();
  }
}
