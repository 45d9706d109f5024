package io.github.botconfig.domain.testing;

import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.ConfigConflictException;
import io.github.botconfig.domain.ConfigConflictException.Reason;
import io.github.botconfig.domain.ConfigSnapshot;
import io.github.botconfig.domain.ConfigStore;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.GuildSettings;
import io.github.botconfig.domain.LiveBoard;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link ConfigStore} in memory, honouring the whole contract (versions, conflicts, one guild per
 * channel, the change marker). For tests of code that needs a store; it passes {@link
 * ConfigStoreContract}.
 *
 * <p>Thread-safe: every method holds the store's lock, so each call is atomic.
 */
public final class InMemoryConfigStore implements ConfigStore {
  private final Clock clock;
  private final Map<ChannelId, ChannelConfig> channels = new HashMap<>();
  private final Map<GuildId, GuildSettings> settings = new HashMap<>();
  private final Map<GuildId, LiveBoard> boards = new HashMap<>();
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
      throw new ConfigConflictException(
          Reason.OWNED_BY_ANOTHER_GUILD,
          "channel " + config.channelId() + " is already tracked by guild " + stored.guildId());
    }
    long storedVersion = stored == null ? 0 : stored.version();
    checkVersion("channel " + config.channelId(), storedVersion, stored != null, config.version());
    Instant now = now();
    ChannelConfig saved =
        config
            .withVersion(storedVersion + 1)
            .withCreatedAt(stored == null ? now : stored.createdAt())
            .withUpdatedAt(now);
    channels.put(saved.channelId(), saved);
    changeMarker++;
    return saved;
  }

  @Override
  public synchronized boolean deleteChannel(GuildId guildId, ChannelId channelId) {
    ChannelConfig stored = channels.get(channelId);
    if (stored == null || !stored.guildId().equals(guildId)) {
      return false;
    }
    channels.remove(channelId);
    changeMarker++;
    return true;
  }

  @Override
  public synchronized GuildSettings saveSettings(GuildSettings newSettings) {
    GuildSettings stored = settings.get(newSettings.guildId());
    long storedVersion = stored == null ? 0 : stored.version();
    checkVersion(
        "settings of guild " + newSettings.guildId(),
        storedVersion,
        stored != null,
        newSettings.version());
    Instant now = now();
    GuildSettings saved =
        newSettings
            .withVersion(storedVersion + 1)
            .withCreatedAt(stored == null ? now : stored.createdAt())
            .withUpdatedAt(now);
    settings.put(saved.guildId(), saved);
    changeMarker++;
    return saved;
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
    int before = channels.size() + settings.size() + boards.size();
    channels.values().removeIf(c -> c.guildId().equals(guildId));
    settings.remove(guildId);
    boards.remove(guildId);
    int removed = before - channels.size() - settings.size() - boards.size();
    if (removed > 0) {
      changeMarker++;
    }
    return removed;
  }

  @Override
  public synchronized ConfigSnapshot loadAll() {
    return ConfigSnapshot.of(channels.values(), settings.values(), boards.values());
  }

  @Override
  public synchronized long changeMarker() {
    return changeMarker;
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  private static void checkVersion(String what, long storedVersion, boolean exists, long expected) {
    if (expected == storedVersion && (exists || expected == 0)) {
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
