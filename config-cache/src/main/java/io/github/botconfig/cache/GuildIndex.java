package io.github.botconfig.cache;

import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.GuildId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The channels of each guild, for {@code findChannels(guild)}: one array of every channel, sorted
 * by guild and then by channel, so that a guild's channels are one run found by binary search.
 *
 * <p>Four bytes a channel, where a map of one list per guild took 32 (a map node, a list and its
 * array for every guild of three channels; docs/performance.md). The price is a copy of the guild's
 * run on each call, which only admin commands, summaries and the live board make — never the
 * message path.
 *
 * <p>Immutable: every change returns a new index, as the channel table does, so readers need no
 * lock.
 */
final class GuildIndex {
  private static final GuildIndex EMPTY = new GuildIndex(new ChannelConfig[0]);

  private final ChannelConfig[] channels;

  private GuildIndex(ChannelConfig[] channels) {
    this.channels = channels;
  }

  static GuildIndex empty() {
    return EMPTY;
  }

  /** An index of these channels; their ids must be distinct. */
  static GuildIndex of(Collection<ChannelConfig> channels) {
    ChannelConfig[] sorted = channels.toArray(new ChannelConfig[0]);
    Arrays.sort(sorted, GuildIndex::compare);
    return new GuildIndex(sorted);
  }

  /** The guild's channels, by channel id; empty if it has none. */
  List<ChannelConfig> channelsOf(GuildId guildId) {
    int from = firstOf(guildId.value());
    int to = endOf(from, guildId.value());
    return from == to ? List.of() : List.copyOf(Arrays.asList(channels).subList(from, to));
  }

  int size() {
    return channels.length;
  }

  /**
   * This index with {@code channel} in place of {@code previous} (the configuration held for the
   * same channel id, perhaps under another guild), or added when {@code previous} is null.
   */
  GuildIndex with(ChannelConfig channel, @Nullable ChannelConfig previous) {
    ChannelConfig[] rest = previous == null ? channels : removed(channels, positionOf(previous));
    int at = -(Arrays.binarySearch(rest, channel, GuildIndex::compare) + 1);
    ChannelConfig[] next = new ChannelConfig[rest.length + 1];
    System.arraycopy(rest, 0, next, 0, at);
    next[at] = channel;
    System.arraycopy(rest, at, next, at + 1, rest.length - at);
    return new GuildIndex(next);
  }

  /** This index without {@code channel}, which it must hold. */
  GuildIndex without(ChannelConfig channel) {
    return new GuildIndex(removed(channels, positionOf(channel)));
  }

  /** This index without any channel of the guild. */
  GuildIndex withoutGuild(GuildId guildId) {
    int from = firstOf(guildId.value());
    int to = endOf(from, guildId.value());
    if (from == to) {
      return this;
    }
    ChannelConfig[] next = new ChannelConfig[channels.length - (to - from)];
    System.arraycopy(channels, 0, next, 0, from);
    System.arraycopy(channels, to, next, from, channels.length - to);
    return new GuildIndex(next);
  }

  /** Every way the order is broken; empty unless there is a bug. */
  List<String> disorder() {
    List<String> problems = new ArrayList<>();
    for (int i = 1; i < channels.length; i++) {
      if (compare(channels[i - 1], channels[i]) >= 0) {
        problems.add(
            "guild index out of order or duplicated at channel "
                + channels[i].channelId()
                + " of guild "
                + channels[i].guildId());
      }
    }
    return problems;
  }

  /** Every channel, in the index's order. */
  List<ChannelConfig> all() {
    return Collections.unmodifiableList(Arrays.asList(channels));
  }

  private int positionOf(ChannelConfig channel) {
    int at = Arrays.binarySearch(channels, channel, GuildIndex::compare);
    if (at < 0) {
      throw new IllegalStateException(
          "channel "
              + channel.channelId()
              + " of guild "
              + channel.guildId()
              + " is not in the guild index");
    }
    return at;
  }

  /** Where the guild's run that starts at {@code from} ends (exclusive). */
  private int endOf(int from, long guild) {
    int to = from;
    while (to < channels.length && channels[to].guildId().value() == guild) {
      to++;
    }
    return to;
  }

  /** Where the guild's run starts (or would). */
  private int firstOf(long guild) {
    int low = 0;
    int high = channels.length;
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (channels[middle].guildId().value() < guild) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low;
  }

  private static ChannelConfig[] removed(ChannelConfig[] from, int at) {
    ChannelConfig[] next = new ChannelConfig[from.length - 1];
    System.arraycopy(from, 0, next, 0, at);
    System.arraycopy(from, at + 1, next, at, from.length - at - 1);
    return next;
  }

  private static int compare(ChannelConfig a, ChannelConfig b) {
    int byGuild = Long.compare(a.guildId().value(), b.guildId().value());
    return byGuild != 0 ? byGuild : Long.compare(a.channelId().value(), b.channelId().value());
  }
}
