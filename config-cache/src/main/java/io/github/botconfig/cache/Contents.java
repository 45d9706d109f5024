package io.github.botconfig.cache;

import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.GuildSettings;
import io.github.botconfig.domain.LiveBoard;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Everything the cache knows at one moment, immutable, so that readers need no lock: the cache
 * swaps a whole new value in for every change.
 *
 * <p>It is the channel table itself (see {@link ChannelTable}), plus the {@link GuildIndex},
 * settings and boards. The table and the guild index are always built together, so they agree: each
 * channel is listed once, under the guild it belongs to. The table's {@code complete} says whether
 * this holds a whole snapshot of the store (a miss is then an answer) or only what the fallback
 * reads and the writes brought in.
 */
final class Contents extends ChannelTable {
  private static final Contents NOTHING_YET =
      new Contents(ChannelTable.unknown(), GuildIndex.empty(), Map.of(), Map.of());

  private final GuildIndex guilds;
  private final Map<GuildId, GuildSettings> settings;
  private final Map<GuildId, LiveBoard> boards;

  private Contents(
      ChannelTable channels,
      GuildIndex guilds,
      Map<GuildId, GuildSettings> settings,
      Map<GuildId, LiveBoard> boards) {
    super(channels);
    this.guilds = guilds;
    this.settings = settings;
    this.boards = boards;
  }

  /** What the cache holds before any snapshot loaded: nothing, and not as an answer. */
  static Contents nothingYet() {
    return NOTHING_YET;
  }

  /** A complete view of these channels, settings and boards; a channel must appear once. */
  static Contents complete(
      Collection<ChannelConfig> channels,
      Map<GuildId, GuildSettings> settings,
      Map<GuildId, LiveBoard> boards) {
    return new Contents(
        ChannelTable.of(channels),
        GuildIndex.of(channels),
        Map.copyOf(settings),
        Map.copyOf(boards));
  }

  Optional<ChannelConfig> channel(ChannelId channelId) {
    Optional<ChannelConfig> found = get(channelId.value());
    return found == null ? Optional.empty() : found;
  }

  List<ChannelConfig> channelsOf(GuildId guildId) {
    return guilds.channelsOf(guildId);
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

  /** Every way the channel table and the guild index disagree; empty, unless there is a bug. */
  List<String> inconsistencies() {
    List<String> problems = new ArrayList<>(guilds.disorder());
    for (ChannelConfig channel : guilds.all()) {
      if (!channel(channel.channelId()).equals(Optional.of(channel))) {
        problems.add(
            "listed channel "
                + channel.channelId()
                + " differs from the table: "
                + channel(channel.channelId()));
      }
    }
    if (guilds.size() != size()) {
      problems.add(size() + " channels in the table but " + guilds.size() + " in the guild index");
    }
    return problems;
  }

  /** These contents with {@code channel} stored, listed under its guild and no other. */
  Contents withChannel(ChannelConfig channel) {
    ChannelConfig previous = channel(channel.channelId()).orElse(null);
    return new Contents(with(channel), guilds.with(channel, previous), settings, boards);
  }

  /** These contents without the channel (unchanged if it is not held). */
  Contents withoutChannel(ChannelId channelId) {
    Optional<ChannelConfig> previous = channel(channelId);
    if (previous.isEmpty()) {
      return this;
    }
    return new Contents(
        without(channelId.value()), guilds.without(previous.get()), settings, boards);
  }

  /**
   * These contents with the guild's settings replaced, or removed when {@code replacement} is null.
   */
  Contents withSettings(GuildId guildId, @Nullable GuildSettings replacement) {
    return new Contents(this, guilds, replaced(settings, guildId, replacement), boards);
  }

  /**
   * These contents with the guild's board replaced, or removed when {@code replacement} is null.
   */
  Contents withBoard(GuildId guildId, @Nullable LiveBoard replacement) {
    return new Contents(this, guilds, settings, replaced(boards, guildId, replacement));
  }

  private static <V> Map<GuildId, V> replaced(
      Map<GuildId, V> map, GuildId guildId, @Nullable V replacement) {
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
    return new Contents(
        table,
        guilds.withoutGuild(guildId),
        replaced(settings, guildId, null),
        replaced(boards, guildId, null));
  }
}
