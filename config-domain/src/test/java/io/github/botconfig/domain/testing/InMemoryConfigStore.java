package io.github.botconfig.domain.testing;

import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.ConfigConflictException;
import io.github.botconfig.domain.ConfigConflictException.Reason;
import io.github.botconfig.domain.ConfigRepository;
import io.github.botconfig.domain.ConfigSnapshot;
import io.github.botconfig.domain.ConfigStore;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.GuildSettings;
import io.github.botconfig.domain.LiveBoard;
import io.github.botconfig.domain.UnreadableItem;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A {@link ConfigStore} in memory, honouring the whole contract (versions, compare-and-set,
 * conflicts, one guild per channel, unreadable items, the change marker). For tests of code that
 * needs a store; it passes {@link ConfigStoreContract}.
 *
 * <p>{@link #putAsAnotherWriter(ChannelConfig)}, {@link #putAsAnotherWriter(GuildSettings)} and
 * {@link #putUnreadable} act as another program would: an unconditional whole-item put, as the
 * user's TypeScript bots write (no version, no condition, no change-marker bump).
 *
 * <p>Thread-safe: every method holds the store's lock, so each call is atomic.
 */
public final class InMemoryConfigStore implements ConfigStore {
  private final Clock clock;
  private final Map<ChannelId, ChannelConfig> channels = new HashMap<>();
  private final Map<GuildId, GuildSettings> settings = new HashMap<>();
  private final Map<GuildId, LiveBoard> boards = new HashMap<>();
  private final Map<List<Object>, UnreadableItem> unreadable = new LinkedHashMap<>();
  private long changeMarker;

  public InMemoryConfigStore(Clock clock) {
    this.clock = clock;
  }

  public InMemoryConfigStore() {
    this(Clock.systemUTC());
  }

  @Override
  public synchronized Optional<ChannelConfig> findChannel(ChannelId channelId) {
    return Optional.ofNullable(channels.get(channelId));
  }

  @Override
  public synchronized List<ChannelConfig> findChannels(GuildId guildId) {
    return channels.values().stream()
        .filter(c -> c.guildId().equals(guildId))
        .sorted(Comparator.comparing(ChannelConfig::channelId))
        .toList();
  }

  @Override
  public synchronized Optional<GuildSettings> findSettings(GuildId guildId) {
    return Optional.ofNullable(settings.get(guildId));
  }

  @Override
  public synchronized ChannelConfig saveChannel(ChannelConfig config) {
    ChannelConfig stored = channels.get(config.channelId());
    if (stored != null && !stored.guildId().equals(config.guildId())) {
      throw ownedElsewhere(config.channelId(), stored.guildId());
    }
    if (config.version() == 0) {
      refuseIfUnreadable(channelKey(config.guildId(), config.channelId()));
      UnreadableItem elsewhere = unreadableChannel(config.channelId());
      if (elsewhere != null) {
        throw ownedElsewhere(config.channelId(), elsewhere.guildId());
      }
      checkVersion(
          "channel " + config.channelId(),
          stored == null ? 0 : stored.version(),
          stored != null,
          0);
      return storeChannel(config, null);
    }
    checkVersion(
        "channel " + config.channelId(),
        stored == null ? 0 : stored.version(),
        stored != null,
        config.version());
    return storeChannel(config, stored);
  }

  @Override
  public synchronized ChannelConfig replaceChannel(ChannelConfig read, ChannelConfig changed) {
    ConfigRepository.requireSameChannel(read, changed);
    refuseIfUnreadable(channelKey(read.guildId(), read.channelId()));
    ChannelConfig stored = channels.get(read.channelId());
    String what = "channel " + read.channelId();
    if (stored == null || !stored.guildId().equals(read.guildId())) {
      throw gone(what);
    }
    checkStillRead(what, stored, read, stored.version(), read.version());
    return storeChannel(changed, stored);
  }

  private ChannelConfig storeChannel(ChannelConfig config, @Nullable ChannelConfig stored) {
    Instant now = now();
    ChannelConfig saved =
        config
            .withVersion(stored == null ? 1 : stored.version() + 1)
            .withCreatedAt(createdAt(stored == null ? null : stored.createdAt(), now))
            .withUpdatedAt(now);
    channels.put(saved.channelId(), saved);
    changeMarker++;
    return saved;
  }

  @Override
  public synchronized boolean deleteChannel(GuildId guildId, ChannelId channelId) {
    boolean removedUnreadable = unreadable.remove(channelKey(guildId, channelId)) != null;
    ChannelConfig stored = channels.get(channelId);
    boolean removed = stored != null && stored.guildId().equals(guildId);
    if (removed) {
      channels.remove(channelId);
    }
    if (!removed && !removedUnreadable) {
      return false;
    }
    changeMarker++;
    return true;
  }

  @Override
  public synchronized GuildSettings saveSettings(GuildSettings newSettings) {
    GuildSettings stored = settings.get(newSettings.guildId());
    String what = "settings of guild " + newSettings.guildId();
    if (newSettings.version() == 0) {
      refuseIfUnreadable(settingsKey(newSettings.guildId()));
    }
    checkVersion(
        what, stored == null ? 0 : stored.version(), stored != null, newSettings.version());
    return storeSettings(newSettings, stored);
  }

  @Override
  public synchronized GuildSettings replaceSettings(GuildSettings read, GuildSettings changed) {
    ConfigRepository.requireSameGuild(read, changed);
    refuseIfUnreadable(settingsKey(read.guildId()));
    GuildSettings stored = settings.get(read.guildId());
    String what = "settings of guild " + read.guildId();
    if (stored == null) {
      throw gone(what);
    }
    checkStillRead(what, stored, read, stored.version(), read.version());
    return storeSettings(changed, stored);
  }

  private GuildSettings storeSettings(GuildSettings newSettings, @Nullable GuildSettings stored) {
    Instant now = now();
    GuildSettings saved =
        newSettings
            .withVersion(stored == null ? 1 : stored.version() + 1)
            .withCreatedAt(createdAt(stored == null ? null : stored.createdAt(), now))
            .withUpdatedAt(now);
    settings.put(saved.guildId(), saved);
    changeMarker++;
    return saved;
  }

  @Override
  public synchronized List<UnreadableItem> findUnreadable(GuildId guildId) {
    return unreadable.values().stream().filter(i -> i.guildId().equals(guildId)).toList();
  }

  @Override
  public synchronized Optional<UnreadableItem> findUnreadableChannel(ChannelId channelId) {
    return Optional.ofNullable(unreadableChannel(channelId));
  }

  /**
   * Stores {@code channel} exactly as given (its version and times included: 0 and the epoch for an
   * item of the TypeScript bots), over whatever was stored under its key, as another program's
   * unconditional put would. Neither checks nor bumps anything.
   */
  public synchronized void putAsAnotherWriter(ChannelConfig channel) {
    unreadable.remove(channelKey(channel.guildId(), channel.channelId()));
    channels.put(channel.channelId(), channel);
  }

  /** As {@link #putAsAnotherWriter(ChannelConfig)}, for a guild's settings. */
  public synchronized void putAsAnotherWriter(GuildSettings guildSettings) {
    unreadable.remove(settingsKey(guildSettings.guildId()));
    settings.put(guildSettings.guildId(), guildSettings);
  }

  /**
   * Stores an item that cannot be read (as another program writing a value no known writer produces
   * would), over whatever was stored under its key.
   */
  public synchronized void putUnreadable(UnreadableItem item) {
    switch (item.kind()) {
      case CHANNEL:
        ChannelId channel = item.channelId().orElseThrow();
        ChannelConfig stored = channels.get(channel);
        if (stored != null && stored.guildId().equals(item.guildId())) {
          channels.remove(channel);
        }
        unreadable.put(channelKey(item.guildId(), channel), item);
        break;
      case SETTINGS:
        settings.remove(item.guildId());
        unreadable.put(settingsKey(item.guildId()), item);
        break;
      case BOARD:
        boards.remove(item.guildId());
        unreadable.put(List.of(UnreadableItem.Kind.BOARD, item.guildId()), item);
        break;
    }
  }

  private @Nullable UnreadableItem unreadableChannel(ChannelId channelId) {
    for (UnreadableItem item : unreadable.values()) {
      if (item.channelId().filter(channelId::equals).isPresent()) {
        return item;
      }
    }
    return null;
  }

  private void refuseIfUnreadable(List<Object> key) {
    UnreadableItem item = unreadable.get(key);
    if (item != null) {
      throw ConfigConflictException.unreadable(item);
    }
  }

  private static List<Object> channelKey(GuildId guildId, ChannelId channelId) {
    return List.of(UnreadableItem.Kind.CHANNEL, guildId, channelId);
  }

  private static List<Object> settingsKey(GuildId guildId) {
    return List.of(UnreadableItem.Kind.SETTINGS, guildId);
  }

  /** An item without a version is still what was read only if it is equal to it in every part. */
  private static void checkStillRead(
      String what, Object stored, Object read, long storedVersion, long readVersion) {
    if (readVersion != 0) {
      checkVersion(what, storedVersion, true, readVersion);
    } else if (storedVersion != 0 || !stored.equals(read)) {
      throw new ConfigConflictException(
          Reason.VERSION_CHANGED,
          what
              + " was changed by someone else since it was read (expected it as read, without a"
              + " version); read it again and retry");
    }
  }

  private static ConfigConflictException gone(String what) {
    return new ConfigConflictException(
        Reason.VERSION_CHANGED,
        what + " was deleted by someone else since it was read; read it again and retry");
  }

  private static Instant createdAt(@Nullable Instant stored, Instant now) {
    return stored == null || stored.equals(Instant.EPOCH) ? now : stored;
  }

  private static ConfigConflictException ownedElsewhere(ChannelId channelId, GuildId owner) {
    return new ConfigConflictException(
        Reason.OWNED_BY_ANOTHER_GUILD,
        "channel " + channelId + " is already tracked by guild " + owner);
  }

  @Override
  public synchronized Optional<LiveBoard> findBoard(GuildId guildId) {
    return Optional.ofNullable(boards.get(guildId));
  }

  @Override
  public synchronized LiveBoard saveBoard(LiveBoard board) {
    LiveBoard stored = boards.get(board.guildId());
    long storedVersion = stored == null ? 0 : stored.version();
    checkVersion(
        "board of guild " + board.guildId(), storedVersion, stored != null, board.version());
    Instant now = now();
    LiveBoard saved =
        board
            .withVersion(storedVersion + 1)
            .withCreatedAt(stored == null ? now : stored.createdAt())
            .withUpdatedAt(now);
    boards.put(saved.guildId(), saved);
    changeMarker++;
    return saved;
  }

  @Override
  public synchronized boolean deleteBoard(GuildId guildId) {
    if (boards.remove(guildId) == null) {
      return false;
    }
    changeMarker++;
    return true;
  }

  @Override
  public synchronized int deleteGuild(GuildId guildId) {
    int before = channels.size() + settings.size() + boards.size() + unreadable.size();
    channels.values().removeIf(c -> c.guildId().equals(guildId));
    settings.remove(guildId);
    boards.remove(guildId);
    unreadable.values().removeIf(i -> i.guildId().equals(guildId));
    int removed = before - channels.size() - settings.size() - boards.size() - unreadable.size();
    if (removed > 0) {
      changeMarker++;
    }
    return removed;
  }

  @Override
  public synchronized ConfigSnapshot loadAll() {
    ConfigSnapshot.Builder snapshot = ConfigSnapshot.builder();
    channels.values().forEach(snapshot::addChannel);
    settings.values().forEach(snapshot::addSettings);
    boards.values().forEach(snapshot::addBoard);
    unreadable.values().forEach(snapshot::addUnreadable);
    return snapshot.build();
  }

  @Override
  public synchronized long changeMarker() {
    return changeMarker;
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  private static void checkVersion(String what, long storedVersion, boolean exists, long expected) {
    if (expected == 0 ? !exists : exists && expected == storedVersion) {
      return;
    }
    String found = exists ? "version " + storedVersion : "nothing";
    throw new ConfigConflictException(
        Reason.VERSION_CHANGED,
        what
            + " was changed by someone else (expected version "
            + expected
            + ", found "
            + found
            + "); read it again and retry");
  }
}
