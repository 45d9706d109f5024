package io.github.botconfig.domain.testing;

import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.ConfigSnapshot;
import io.github.botconfig.domain.ConfigStore;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.GuildSettings;
import io.github.botconfig.domain.LiveBoard;
import io.github.botconfig.domain.StoreUnavailableException;
import io.github.botconfig.domain.UnreadableItem;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Wraps a {@link ConfigStore} to count its calls and to make them fail or wait on demand — for
 * tests that prove how often, and with what outcome, a component touches its store.
 *
 * <p>Thread-safe. Scripted behaviour applies per {@link Operation}: {@link #failWith} makes every
 * call fail until {@link #heal}; {@link #failNext} fails only the next call; {@link #blockNext}
 * holds the next call at a {@link Gate} before or after it reaches the wrapped store.
 */
public final class InstrumentedConfigStore implements ConfigStore {

  /** The store's methods. */
  public enum Operation {
    FIND_CHANNEL,
    FIND_CHANNELS,
    FIND_SETTINGS,
    SAVE_CHANNEL,
    REPLACE_CHANNEL,
    DELETE_CHANNEL,
    SAVE_SETTINGS,
    REPLACE_SETTINGS,
    FIND_UNREADABLE,
    FIND_UNREADABLE_CHANNEL,
    FIND_BOARD,
    SAVE_BOARD,
    DELETE_BOARD,
    DELETE_GUILD,
    LOAD_ALL,
    CHANGE_MARKER
  }

  /** Where a blocked call waits: before the wrapped store sees it, or after it answered. */
  public enum When {
    BEFORE,
    AFTER
  }

  private final ConfigStore delegate;
  private final Map<Operation, AtomicLong> calls = new EnumMap<>(Operation.class);
  private final Map<Operation, Supplier<RuntimeException>> failures = new ConcurrentHashMap<>();
  private final Map<Operation, RuntimeException> nextFailures = new ConcurrentHashMap<>();
  private final Map<Operation, Gate> gates = new ConcurrentHashMap<>();

  public InstrumentedConfigStore(ConfigStore delegate) {
    this.delegate = delegate;
    for (Operation op : Operation.values()) {
      calls.put(op, new AtomicLong());
    }
  }

  /**
   * Returns the wrapped store, to act on the data behind this wrapper's back (as another process
   * would).
   */
  public ConfigStore delegate() {
    return delegate;
  }

  /** How many calls were made to {@code op} since creation or the last {@link #resetCounts()}. */
  public long calls(Operation op) {
    return calls.get(op).get();
  }

  /** How many calls were made in all, failed ones included. */
  public long totalCalls() {
    return calls.values().stream().mapToLong(AtomicLong::get).sum();
  }

  public void resetCounts() {
    calls.values().forEach(c -> c.set(0));
  }

  /**
   * Makes every later call to {@code op} throw what {@code failure} supplies, until {@link
   * #heal()}.
   */
  public void failWith(Operation op, Supplier<RuntimeException> failure) {
    failures.put(op, failure);
  }

  /**
   * Makes every call to every operation fail as an unreachable store would, until {@link #heal()}.
   */
  public void goDown() {
    for (Operation op : Operation.values()) {
      failWith(op, () -> new StoreUnavailableException("store is down (test)"));
    }
  }

  /** Makes only the next call to {@code op} throw {@code failure}. */
  public void failNext(Operation op, RuntimeException failure) {
    nextFailures.put(op, failure);
  }

  /** Ends every failure set by {@link #failWith} and {@link #goDown}. */
  public void heal() {
    failures.clear();
    nextFailures.clear();
  }

  /**
   * Makes the next call to {@code op} wait at the returned gate, {@code when} it reaches the
   * wrapped store.
   */
  public Gate blockNext(Operation op, When when) {
    Gate gate = new Gate(when);
    gates.put(op, gate);
    return gate;
  }

  @Override
  public Optional<ChannelConfig> findChannel(ChannelId channelId) {
    return call(Operation.FIND_CHANNEL, () -> delegate.findChannel(channelId));
  }

  @Override
  public List<ChannelConfig> findChannels(GuildId guildId) {
    return call(Operation.FIND_CHANNELS, () -> delegate.findChannels(guildId));
  }

  @Override
  public Optional<GuildSettings> findSettings(GuildId guildId) {
    return call(Operation.FIND_SETTINGS, () -> delegate.findSettings(guildId));
  }

  @Override
  public ChannelConfig saveChannel(ChannelConfig config) {
    return call(Operation.SAVE_CHANNEL, () -> delegate.saveChannel(config));
  }

  @Override
  public ChannelConfig replaceChannel(ChannelConfig read, ChannelConfig changed) {
    return call(Operation.REPLACE_CHANNEL, () -> delegate.replaceChannel(read, changed));
  }

  @Override
  public boolean deleteChannel(GuildId guildId, ChannelId channelId) {
    return call(Operation.DELETE_CHANNEL, () -> delegate.deleteChannel(guildId, channelId));
  }

  @Override
  public GuildSettings saveSettings(GuildSettings settings) {
    return call(Operation.SAVE_SETTINGS, () -> delegate.saveSettings(settings));
  }

  @Override
  public GuildSettings replaceSettings(GuildSettings read, GuildSettings changed) {
    return call(Operation.REPLACE_SETTINGS, () -> delegate.replaceSettings(read, changed));
  }

  @Override
  public List<UnreadableItem> findUnreadable(GuildId guildId) {
    return call(Operation.FIND_UNREADABLE, () -> delegate.findUnreadable(guildId));
  }

  @Override
  public Optional<UnreadableItem> findUnreadableChannel(ChannelId channelId) {
    return call(Operation.FIND_UNREADABLE_CHANNEL, () -> delegate.findUnreadableChannel(channelId));
  }

  @Override
  public Optional<LiveBoard> findBoard(GuildId guildId) {
    return call(Operation.FIND_BOARD, () -> delegate.findBoard(guildId));
  }

  @Override
  public LiveBoard saveBoard(LiveBoard board) {
    return call(Operation.SAVE_BOARD, () -> delegate.saveBoard(board));
  }

  @Override
  public boolean deleteBoard(GuildId guildId) {
    return call(Operation.DELETE_BOARD, () -> delegate.deleteBoard(guildId));
  }

  @Override
  public int deleteGuild(GuildId guildId) {
    return call(Operation.DELETE_GUILD, () -> delegate.deleteGuild(guildId));
  }

  @Override
  public ConfigSnapshot loadAll() {
    return call(Operation.LOAD_ALL, delegate::loadAll);
  }

  @Override
  public long changeMarker() {
    return call(Operation.CHANGE_MARKER, delegate::changeMarker);
  }

  private <T> T call(Operation op, Supplier<T> action) {
    calls.get(op).incrementAndGet();
    RuntimeException next = nextFailures.remove(op);
    if (next != null) {
      throw next;
    }
    Supplier<RuntimeException> failure = failures.get(op);
    if (failure != null) {
      throw failure.get();
    }
    Gate gate = gates.remove(op);
    if (gate != null && gate.when == When.BEFORE) {
      gate.hold();
    }
    T result = action.get();
    if (gate != null && gate.when == When.AFTER) {
      gate.hold();
    }
    return result;
  }

  /**
   * Where a blocked call waits. The test awaits {@link #awaitArrival}, does what must happen
   * meanwhile, then {@link #open}s it.
   */
  public static final class Gate {
    private static final Duration LIMIT = Duration.ofSeconds(30);
    private final When when;
    private final CountDownLatch arrived = new CountDownLatch(1);
    private final CountDownLatch opened = new CountDownLatch(1);
    private volatile @Nullable Thread holder;

    private Gate(When when) {
      this.when = when;
    }

    /** Waits until the blocked call arrives at the gate (at most 30 s, then fails). */
    public void awaitArrival() {
      await(arrived, "the blocked call never arrived");
    }

    /** Lets the blocked call go on. */
    public void open() {
      opened.countDown();
    }

    /** Whether a call is waiting at the gate now. */
    public boolean isHolding() {
      return holder != null;
    }

    private void hold() {
      holder = Thread.currentThread();
      arrived.countDown();
      try {
        await(opened, "the gate was never opened");
      } finally {
        holder = null;
      }
    }

    private static void await(CountDownLatch latch, String failure) {
      try {
        if (!latch.await(LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
          throw new AssertionError(failure + " within " + LIMIT.toSeconds() + " s");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting: " + failure, e);
      }
    }
  }
}
