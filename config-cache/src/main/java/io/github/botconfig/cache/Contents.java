package io.github.botconfig.cache;

import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.GuildSettings;
import io.github.botconfig.domain.LiveBoard;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Everything the cache knows at one moment, immutable, so that readers need no lock: the cache swaps a whole
 * new value in for every change.
 *
 * <p>It is the channel table itself (see {@link ChannelTable}), plus the guild lists, settings and boards. The table
 * and the guild lists are always built together, so they agree: each channel is listed
 * once, under the guild it belongs to. The table's {@code complete} says whether this holds a whole snapshot of
 * the store (a miss is then an answer) or only what the fallback reads and the writes brought in.
 */
final class Contents extends ChannelTable {
  private static final Comparator<ChannelConfig> BY_CHANNEL_ID = Comparator.comparing(ChannelConfig::channelId);
  private static final Contents NOTHING_YET =
      new Contents(ChannelTable.unknown(), Map.of(), Map.of(), Map.of());

  private final Map<GuildId, List<ChannelConfig>> channelsByGuild;
  private final Map<GuildId, GuildSettings> settings;
  private final Map<GuildId, LiveBoard> boards;

  private Contents(
      ChannelTable channels,
      Map<GuildId, List<ChannelConfig>> channelsByGuild,
      Map<GuildId, GuildSettings> settings,
      Map<GuildId, LiveBoard> boards) {
    super(channels);
    this.channelsByGuild = channelsByGuild;
    this.settings = settings;
    this.boards = boards;
  }

  /** What the cache holds before any snapshot loaded: nothing, and not as an answer. */
  static Contents nothingYet() {
    return NOTHING_YET;
  }

  /** A complete view of these channels, settings and boards; a channel must appear once. */
  static Contents complete(
      Collection<ChannelConfig> channels, Map<GuildId, GuildSettings> settings, Map<GuildId, LiveBoard> boards) {
    Map<GuildId, List<ChannelConfig>> byGuild = new HashMap<>();
    for (ChannelConfig channel : channels) {
      byGuild.computeIfAbsent(channel.guildId(), g -> new ArrayList<>()).add(channel);
    }
    byGuild.replaceAll(
        (guild, list) -> {
          list.sort(BY_CHANNEL_ID);
          return List.copyOf(list);
        });
    return new Contents(
        ChannelTable.of(channels), Collections.unmodifiableMap(byGuild), Map.copyOf(settings), Map.copyOf(boards));
  }

  Optional<ChannelConfig> channel(ChannelId channelId) {
    Optional<ChannelConfig> found = get(channelId.value());
    return found == null ? Optional.empty() : found;
  }

  List<ChannelConfig> channelsOf(GuildId guildId) {
    return channelsByGuild.getOrDefault(guildId, List.of());
  }

  Optional<GuildSettings> settings(GuildId guildId) {
    return Optional.ofNullable(settings.get(guildId));
  }

  Optional<LiveBoard> board(GuildId guildId) {
    return Optional.ofNullable(boards.get(guildId));
  }

  /** Every channel, for a merge or a comparison. */
  Map<ChannelId, ChannelConfig> channelMap() {
    Map<ChannelId, ChannelConfig> all = new HashMap<>();
    forEach(c -> all.put(c.channelId(), c));
    return all;
  }

  Map<GuildId, GuildSettings> settingsMap() {
    return settings;
  }

  Map<GuildId, LiveBoard> boardMap() {
    return boards;
  }

  int channelCount() {
    return size();
  }

  int settingsCount() {
    return settings.size();
  }

  /** Every way the channel table and the guild lists disagree; empty, unless there is a bug. */
  List<String> inconsistencies() {
    List<String> problems = new ArrayList<>();
    int listed = 0;
    for (Map.Entry<GuildId, List<ChannelConfig>> guild : channelsByGuild.entrySet()) {
      List<ChannelConfig> list = guild.getValue();
      listed += list.size();
      if (list.isEmpty()) {
        problems.add("guild " + guild.getKey() + " has an empty list");
      }
      for (int i = 0; i < list.size(); i++) {
        ChannelConfig channel = list.get(i);
        if (!channel.guildId().equals(guild.getKey())) {
          problems.add("channel " + channel.channelId() + " of guild " + channel.guildId() + " listed under " + guild.getKey());
        }
        if (!channel(channel.channelId()).equals(Optional.of(channel))) {
          problems.add("listed channel " + channel.channelId() + " differs from the table: " + channel(channel.channelId()));
        }
        if (i > 0 && BY_CHANNEL_ID.compare(list.get(i - 1), channel) >= 0) {
          problems.add("guild " + guild.getKey() + " list out of order or duplicated at " + channel.channelId());
        }
      }
    }
    if (listed != size()) {
      problems.add(size() + " channels in the table but " + listed + " in guild lists");
    }
    return problems;
  }

  /** These contents with {@code channel} stored, listed under its guild and no other. */
  Contents withChannel(ChannelConfig channel) {
    Map<GuildId, List<ChannelConfig>> byGuild = new HashMap<>(channelsByGuild);
    Optional<ChannelConfig> previous = channel(channel.channelId());
    previous.ifPresent(p -> removeFromGuild(byGuild, p));
    List<ChannelConfig> list = new ArrayList<>(byGuild.getOrDefault(channel.guildId(), List.of()));
    int at = Collections.binarySearch(list, channel, BY_CHANNEL_ID);
    list.add(-at - 1, channel);
    byGuild.put(channel.guildId(), List.copyOf(list));
    return new Contents(
        with(channel), Collections.unmodifiableMap(byGuild), settings, boards);
  }

  /** These contents without the channel (unchanged if it is not held). */
  Contents withoutChannel(ChannelId channelId) {
    Optional<ChannelConfig> previous = channel(channelId);
    if (previous.isEmpty()) {
      return this;
    }
    Map<GuildId, List<ChannelConfig>> byGuild = new HashMap<>(channelsByGuild);
    removeFromGuild(byGuild, previous.get());
    return new Contents(
        without(channelId.value()), Collections.unmodifiableMap(byGuild), settings, boards);
  }

  /** These contents with the guild's settings replaced, or removed when {@code replacement} is null. */
  Contents withSettings(GuildId guildId, @Nullable GuildSettings replacement) {
    return new Contents(this, channelsByGuild, replaced(settings, guildId, replacement), boards);
  }

  /** These contents with the guild's board replaced, or removed when {@code replacement} is null. */
  Contents withBoard(GuildId guildId, @Nullable LiveBoard replacement) {
    return new Contents(this, channelsByGuild, settings, replaced(boards, guildId, replacement));
  }

  private static <V> Map<GuildId, V> replaced(Map<GuildId, V> map, GuildId guildId, @Nullable V replacement) {
    Map<GuildId, V> copy = new HashMap<>(map);
    if (replacement == null) {
      copy.remove(guildId);
    } else {
      copy.put(guildId, replacement);
    }
    return Map.copyOf(copy);
  }

  /** These contents without any channel, settings or board of the guild. */
  Contents withoutGuild(GuildId guildId) {
    List<ChannelConfig> gone = channelsOf(guildId);
    if (gone.isEmpty() && !settings.containsKey(guildId) && !boards.containsKey(guildId)) {
      return this;
    }
    ChannelTable table = this;
    for (ChannelConfig channel : gone) {
      table = table.without(channel.channelId().value());
    }
    Map<GuildId, List<ChannelConfig>> byGuild = new HashMap<>(channelsByGuild);
    byGuild.remove(guildId);
    return new Contents(
        table,
        Collections.unmodifiableMap(byGuild),
        replaced(settings, guildId, null),
        replaced(boards, guildId, null));
  }

  private static void removeFromGuild(Map<GuildId, List<ChannelConfig>> byGuild, ChannelConfig channel) {
    List<ChannelConfig> list = new ArrayList<>(byGuild.getOrDefault(channel.guildId(), List.of()));
    list.removeIf(c -> c.channelId().equals(channel.channelId()));
    if (list.isEmpty()) {
      byGuild.remove(channel.guildId());
    } else {
      byGuild.put(channel.guildId(), List.copyOf(list));
    }
  }
}
