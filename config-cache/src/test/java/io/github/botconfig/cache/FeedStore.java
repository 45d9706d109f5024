package io.github.botconfig.cache;

import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.ConfigChange;
import io.github.botconfig.domain.ConfigKey;
import io.github.botconfig.domain.ConfigSnapshot;
import io.github.botconfig.domain.ConfigStore;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.GuildSettings;
import io.github.botconfig.domain.LiveBoard;
import io.github.botconfig.domain.RecentChanges;
import io.github.botconfig.domain.testing.ForwardingConfigStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A store with a change feed, over another store: every write through it takes the next position
 * first and records the key it changed after, as the DynamoDB store does. Its faults are the
 * feed's: a record lost (the writer died between its item and its record), held back and released
 * later (records out of order), pruned before a slow reader read it. Thread-safe.
 */
final class FeedStore extends ForwardingConfigStore {
  private final TreeMap<Long, ConfigChange> records = new TreeMap<>();
  private final List<ConfigChange> held = new ArrayList<>();
  private long head;
  private long prunedUpTo;
  private int loseNext;
  private int holdNext;
  private boolean replayAll;
  final AtomicInteger reads = new AtomicInteger();
  final AtomicInteger feedReads = new AtomicInteger();

  FeedStore(ConfigStore store) {
    super(store);
  }

  /** The next write's record is never written (its writer was killed after its item write). */
  synchronized void loseNextRecord() {
    loseNext++;
  }

  /** The next write's record is kept back until {@link #releaseHeld()}. */
  synchronized void holdNextRecord() {
    holdNext++;
  }

  synchronized void releaseHeld() {
    held.forEach(c -> records.put(c.position(), c));
    held.clear();
  }

  /**
   * From now on every read of the feed lists every record kept, read before or not (duplicates).
   */
  synchronized void replayEverything() {
    replayAll = true;
  }

  /** Drops every record up to {@code position}, as pruning does. */
  synchronized void pruneUpTo(long position) {
    records.headMap(position, true).clear();
    prunedUpTo = Math.max(prunedUpTo, position);
  }

  synchronized long head() {
    return head;
  }

  /**
   * A write made behind this store's back that records {@code key} as this store's writes do: a
   * newer botconfig storing a value this one cannot read, or fixing an item this one could not.
   */
  void recordedWrite(ConfigKey key, Runnable write) {
    recording(
        key,
        () -> {
          write.run();
          return key;
        });
  }

  private <T> T recording(ConfigKey key, Supplier<T> write) {
    long position;
    synchronized (this) {
      position = ++head;
    }
    try {
      return write.get();
    } finally {
      synchronized (this) {
        ConfigChange change = new ConfigChange(position, key);
        if (loseNext > 0) {
          loseNext--;
        } else if (holdNext > 0) {
          holdNext--;
          held.add(change);
        } else {
          records.put(position, change);
        }
      }
    }
  }

  @Override
  public synchronized Optional<RecentChanges> changesAfter(long position) {
    feedReads.incrementAndGet();
    if (position < prunedUpTo) {
      return Optional.of(new RecentChanges(head, List.of(), true));
    }
    return Optional.of(
        RecentChanges.of(
            head,
            new ArrayList<>((replayAll ? records : records.tailMap(position, false)).values()),
            false));
  }

  @Override
  public ConfigSnapshot read(Collection<ConfigKey> keys) {
    reads.addAndGet(keys.size());
    return super.read(keys);
  }

  @Override
  public ChannelConfig saveChannel(ChannelConfig config) {
    return recording(
        ConfigKey.channel(config.guildId(), config.channelId()), () -> super.saveChannel(config));
  }

  @Override
  public boolean deleteChannel(GuildId guildId, ChannelId channelId) {
    return recording(
        ConfigKey.channel(guildId, channelId), () -> super.deleteChannel(guildId, channelId));
  }

  @Override
  public GuildSettings saveSettings(GuildSettings settings) {
    return recording(ConfigKey.settings(settings.guildId()), () -> super.saveSettings(settings));
  }

  @Override
  public LiveBoard saveBoard(LiveBoard board) {
    return recording(ConfigKey.board(board.guildId()), () -> super.saveBoard(board));
  }

  @Override
  public boolean deleteBoard(GuildId guildId) {
    return recording(ConfigKey.board(guildId), () -> super.deleteBoard(guildId));
  }

  @Override
  public int deleteGuild(GuildId guildId) {
    return recording(ConfigKey.guild(guildId), () -> super.deleteGuild(guildId));
  }

  @Override
  public ChannelConfig replaceChannel(ChannelConfig read, ChannelConfig changed) {
    return recording(
        ConfigKey.channel(read.guildId(), read.channelId()),
        () -> super.replaceChannel(read, changed));
  }

  @Override
  public GuildSettings replaceSettings(GuildSettings read, GuildSettings changed) {
    return recording(
        ConfigKey.settings(read.guildId()), () -> super.replaceSettings(read, changed));
  }

  @Override
  public synchronized OptionalLong changeFeedPosition() {
    return OptionalLong.of(head);
  }
}
