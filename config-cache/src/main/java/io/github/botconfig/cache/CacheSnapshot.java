package io.github.botconfig.cache;

import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.ConfigKey;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.GuildSettings;
import io.github.botconfig.domain.LiveBoard;
import io.github.botconfig.domain.UnreadableItem;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Everything the cache knows at one moment, immutable, so that readers need no lock: the cache
 * swaps a whole new snapshot in for every change ({@link SnapshotHolder}).
 *
 * <p>It is the cache's own form of the domain's {@link io.github.botconfig.domain.ConfigSnapshot}:
 * a {@code ConfigSnapshot} is what one full load of the store returned, always complete; a {@code
 * CacheSnapshot} starts from one, is indexed for the lookups (by channel key and by guild), and
 * moves on by the cache's writes and the change feed's items. Before the first load succeeds it is
 * not complete: it then holds only what the fallback reads and the writes brought in.
 *
 * <p>It is the channel table itself (see {@link ChannelTable}), plus the {@link GuildIndex},
 * settings and boards. The table and the guild index are always built together, so they agree: each
 * channel is listed once, under the guild it belongs to. The table's {@code complete} says whether
 * this holds a whole snapshot of the store (a miss is then an answer) or only what the fallback
 * reads and the writes brought in.
 */
final class CacheSnapshot extends ChannelTable {
  private static final CacheSnapshot NOTHING_YET =
      new CacheSnapshot(ChannelTable.unknown(), GuildIndex.empty(), Map.of(), Map.of(), List.of());

  private final GuildIndex guilds;
  private final Map<GuildId, GuildSettings> settings;
  private final Map<GuildId, LiveBoard> boards;

  /**
   * Items stored but unreadable. A list searched from end to end: a healthy table has none, and
   * only admin commands ask (never the message path, for which such a channel is untracked).
   */
  private final List<UnreadableItem> unreadable;

  private CacheSnapshot(
      ChannelTable channels,
      GuildIndex guilds,
      Map<GuildId, GuildSettings> settings,
      Map<GuildId, LiveBoard> boards,
      List<UnreadableItem> unreadable) {
    super(channels);
    this.guilds = guilds;
    this.settings = settings;
    this.boards = boards;
    this.unreadable = unreadable;
  }

  /** What the cache holds before any snapshot loaded: nothing, and not as an answer. */
  static CacheSnapshot nothingYet() {
    return NOTHING_YET;
  }

  /** A complete view of these channels, settings and boards; a channel must appear once. */
  static CacheSnapshot complete(
      Collection<ChannelConfig> channels,
      Map<GuildId, GuildSettings> settings,
      Map<GuildId, LiveBoard> boards,
      Collection<UnreadableItem> unreadable) {
    return new CacheSnapshot(
        ChannelTable.of(channels),
        GuildIndex.of(channels),
        Map.copyOf(settings),
        Map.copyOf(boards),
        List.copyOf(unreadable));
  }

  /** Every item stored but unreadable. */
  List<UnreadableItem> unreadable() {
    return unreadable;
  }

  List<UnreadableItem> unreadable(GuildId guildId) {
    return unreadable.isEmpty()
        ? List.of()
        : unreadable.stream().filter(i -> i.guildId().equals(guildId)).toList();
  }

  Optional<UnreadableItem> unreadableChannel(ChannelId channelId) {
    for (UnreadableItem item : unreadable) {
      if (item.channelId().filter(channelId::equals).isPresent()) {
        return Optional.of(item);
      }
    }
    return Optional.empty();
  }

  /** The unreadable item of a guild's settings, if any. */
  Optional<UnreadableItem> unreadableSettings(GuildId guildId) {
    for (UnreadableItem item : unreadable) {
      if (item.kind() == UnreadableItem.Kind.SETTINGS && item.guildId().equals(guildId)) {
        return Optional.of(item);
      }
    }
    return Optional.empty();
  }

  private List<UnreadableItem> unreadableWithout(Predicate<UnreadableItem> gone) {
    if (unreadable.isEmpty() || unreadable.stream().noneMatch(gone)) {
      return unreadable;
    }
    return unreadable.stream().filter(gone.negate()).toList();
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

  /** This snapshot with {@code channel} stored, listed under its guild and no other. */
  CacheSnapshot withChannel(ChannelConfig channel) {
    ChannelConfig previous = channel(channel.channelId()).orElse(null);
    return new CacheSnapshot(
        with(channel), guilds.with(channel, previous), settings, boards, unreadable);
  }

  /**
   * This snapshot without the channel, readable or not (unchanged if it is not held). An unreadable
   * item of the channel goes too: the only write that reaches one is its deletion.
   */
  CacheSnapshot withoutChannel(ChannelId channelId) {
    Optional<ChannelConfig> previous = channel(channelId);
    List<UnreadableItem> remaining =
        unreadableWithout(i -> i.channelId().filter(channelId::equals).isPresent());
    if (previous.isEmpty()) {
      return remaining == unreadable
          ? this
          : new CacheSnapshot(this, guilds, settings, boards, remaining);
    }
    return new CacheSnapshot(
        without(channelId.value()), guilds.without(previous.get()), settings, boards, remaining);
  }

  /**
   * This snapshot with the guild's settings replaced, or removed when {@code replacement} is null.
   */
  CacheSnapshot withSettings(GuildId guildId, @Nullable GuildSettings replacement) {
    return new CacheSnapshot(
        this, guilds, replaced(settings, guildId, replacement), boards, unreadable);
  }

  /** This snapshot with the guild's board replaced, or removed when {@code replacement} is null. */
  CacheSnapshot withBoard(GuildId guildId, @Nullable LiveBoard replacement) {
    return new CacheSnapshot(
        this, guilds, settings, replaced(boards, guildId, replacement), unreadable);
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

  /**
   * This snapshot with the unreadable items {@code key} covers replaced by those of {@code found}
   * it covers (a change read from the store: an item may have turned unreadable, or readable).
   */
  CacheSnapshot withUnreadable(ConfigKey key, Collection<UnreadableItem> found) {
    Set<UnreadableItem> held = Set.copyOf(unreadable.stream().filter(key::covers).toList());
    List<UnreadableItem> added = found.stream().filter(key::covers).toList();
    if (held.equals(Set.copyOf(added))) {
      return this;
    }
    List<UnreadableItem> next = new ArrayList<>(unreadableWithout(key::covers));
    next.addAll(added);
    return new CacheSnapshot(this, guilds, settings, boards, List.copyOf(next));
  }

  /** This snapshot without any channel, settings or board of the guild. */
  CacheSnapshot withoutGuild(GuildId guildId) {
    List<ChannelConfig> gone = channelsOf(guildId);
    List<UnreadableItem> remaining = unreadableWithout(i -> i.guildId().equals(guildId));
    if (gone.isEmpty()
        && !settings.containsKey(guildId)
        && !boards.containsKey(guildId)
        && remaining == unreadable) {
      return this;
    }
    ChannelTable table = this;
    for (ChannelConfig channel : gone) {
      table = table.without(channel.channelId().value());
    }
    return new CacheSnapshot(
        table,
        guilds.withoutGuild(guildId),
        replaced(settings, guildId, null),
        replaced(boards, guildId, null),
        remaining);
  }
}
