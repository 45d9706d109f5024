package io.github.botconfig.bot;

import io.github.botconfig.bot.internal.guild.GuildWarnings;
import io.github.botconfig.bot.internal.guild.LiveBoards;
import io.github.botconfig.bot.report.Alert;
import io.github.botconfig.bot.report.AlertLimits;
import io.github.botconfig.bot.testing.FakeDiscord;
import io.github.botconfig.bot.testing.FakeGuild;
import io.github.botconfig.cache.CacheStats;
import io.github.botconfig.cache.ConfigCache;
import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.GuildSettings;
import io.github.botconfig.domain.testing.InMemoryConfigStore;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.hooks.EventListener;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The whole message path as JDA drives it: {@link TrackedMessageListener#onEvent} with a real
 * {@link MessageReceivedEvent}, the real {@link ConfigCache} loaded with {@code trackedChannels}
 * channels (and the settings of their guilds, three channels a guild), then the policy. Three
 * messages: one in an untracked channel (a miss: most of the traffic), a member's chat in a tracked
 * channel (a hit, a settings lookup for the board, the parser finds no report), and a webhook's
 * result report in a tracked channel (a hit, the parser, the policy decides an alert). The
 * untracked message also goes through all of {@link DiscordBot#listeners()}, as JDA hands every
 * event to every listener. Beside them, in the same run: the cache's lookup alone and {@code
 * ConcurrentHashMap.get} of a boxed {@code Long}, the baseline of the ratios.
 *
 * <p>The events are JDA's own: at set-up the unmodified JDA logs in to the tests' {@link
 * FakeDiscord} on 127.0.0.1, receives the guild (128 text channels) and the messages through its
 * gateway, and builds the events as it does for Discord ({@link ReceivedMessages}); then JDA shuts
 * down. Building {@code ReceivedMessage}s by hand (through JDA's internal {@code EntityBuilder}, or
 * its {@code *Impl} constructors) would measure objects JDA might never build that way, and tie the
 * benchmark to internal classes. An event holds its message, channel and guild, and the path reads
 * nothing else, so the events replay without a connection.
 *
 * <p>Nothing leaves the process during a measurement: the guild has no live board (the default; the
 * board's cost is a settings lookup), and the listener's publisher keeps the alert instead of
 * sending it ({@code AlertPublisher} builds a REST request and, for cards, a PNG: that is Discord's
 * work, not the path's). Each kind of message cycles over 64 events in 64 channels: their table
 * slots stay in the CPU cache, as a busy channel's do; what a lookup costs in a cold table is
 * {@code FindChannelBenchmark}'s subject. Set-up checks that each event does what its benchmark
 * claims. Run (see docs/performance.md):
 *
 * <pre>
 * mvn -B -Pbench -pl bot-jda -am test-compile
 * java -cp "bot-jda/target/test-classes:bot-jda/target/classes:$(cat bot-jda/target/bench.classpath)" \
 *   org.openjdk.jmh.Main MessagePathBenchmark -prof gc -f 1 -wi 2 -w 1s -i 3 -r 1s
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class MessagePathBenchmark {
  private static final long GUILD = 1_180_586_412_434_817_024L;
  private static final long MEMBER = GUILD + 1_000;

  /** Events per kind of message, one channel each; a power of two for the cursor. */
  private static final int EVENTS = 64;

  private static final int CHANNELS_PER_GUILD = 3;

  @Param({"100", "10000", "100000"})
  int trackedChannels;

  private ConfigCache cache;
  private ScheduledExecutorService boardScheduler;
  private LiveBoards boards;
  private final Answers answers = new Answers();
  private TrackedMessageListener listener;
  private DiscordBot bot;
  private EventListener[] botListeners;
  private final MessageReceivedEvent[] untracked = new MessageReceivedEvent[EVENTS];
  private final MessageReceivedEvent[] chat = new MessageReceivedEvent[EVENTS];
  private final MessageReceivedEvent[] reports = new MessageReceivedEvent[EVENTS];
  private final ChannelId[] untrackedIds = new ChannelId[EVENTS];
  private final Long[] untrackedKeys = new Long[EVENTS];
  private final Long[] trackedKeys = new Long[EVENTS];
  private final ConcurrentHashMap<Long, ChannelConfig> map = new ConcurrentHashMap<>();

  /** Where one benchmark thread is in the event arrays. */
  @State(Scope.Thread)
  public static class Cursor {
    int next;

    int advance() {
      return next = (next + 1) & (EVENTS - 1);
    }
  }

  /** The publisher: keeps the last alert (so it is built, as one sent would be) and counts them. */
  static final class Answers implements TrackedMessageListener.Publisher {
    @Nullable Alert last;
    long count;

    @Override
    public void publish(Message report, Alert alert) {
      last = alert;
      count++;
    }
  }

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    if (trackedChannels < EVENTS) {
      throw new IllegalArgumentException(
          "trackedChannels must be at least " + EVENTS + ", got " + trackedChannels);
    }
    long[] trackedIds = new long[EVENTS];
    long[] untrackedIdValues = new long[EVENTS];
    for (int i = 0; i < EVENTS; i++) {
      trackedIds[i] = GUILD + 1 + i;
      untrackedIdValues[i] = GUILD + 1 + EVENTS + i;
    }
    receiveEvents(trackedIds, untrackedIdValues);

    InMemoryConfigStore store = new InMemoryConfigStore();
    store.saveSettings(GuildSettings.defaults(GuildId.of(GUILD))); // no live board: the default
    for (long id : trackedIds) {
      track(store, ChannelConfig.of(GuildId.of(GUILD), ChannelId.of(id)));
    }
    Set<Long> taken = new HashSet<>(map.keySet());
    for (long id : untrackedIdValues) {
      taken.add(id);
    }
    Random random = new Random(trackedChannels);
    GuildId guild = GuildId.of(GUILD);
    for (int added = 0; added < trackedChannels - EVENTS; ) {
      long id = snowflake(random);
      if (!taken.add(id)) {
        continue;
      }
      if (added % CHANNELS_PER_GUILD == 0) {
        guild = GuildId.of(snowflake(random));
        store.saveSettings(GuildSettings.defaults(guild));
      }
      track(store, ChannelConfig.of(guild, ChannelId.of(id)));
      added++;
    }
    cache = ConfigCache.builder(store).changePollInterval(Duration.ZERO).build();
    if (!cache.start().isLoaded()) {
      throw new IllegalStateException("the cache did not load: " + cache.status());
    }
    boardScheduler = Executors.newSingleThreadScheduledExecutor();
    boards =
        new LiveBoards(
            cache, g -> Optional.empty(), new GuildWarnings(), Clock.systemUTC(), boardScheduler);
    // Unlimited: every report of the run is answered, as the set-up check and the figures assume.
    listener = new TrackedMessageListener(cache, AlertLimits.none(), answers, boards);
    bot =
        DiscordBot.create(
            cache,
            () -> store.loadAll().guilds(),
            Clock.systemUTC(),
            boardScheduler,
            BotOptions.defaults());
    botListeners = bot.listeners().toArray(new EventListener[0]);
    for (int i = 0; i < EVENTS; i++) {
      untrackedIds[i] = ChannelId.of(untrackedIdValues[i]);
      untrackedKeys[i] =
          Long.valueOf(untrackedIdValues[i]); // a new box each, as a bot boxing getIdLong() makes
      trackedKeys[i] = Long.valueOf(trackedIds[i]);
    }
    checkEachEventDoesWhatItsBenchmarkSays();
  }

  private void receiveEvents(long[] trackedIds, long[] untrackedIdValues) throws Exception {
    try (FakeDiscord discord = FakeDiscord.start()) {
      FakeGuild guild = discord.guild(GUILD, "Trading").member(MEMBER, "bob");
      for (int i = 0; i < EVENTS; i++) {
        guild
            .textChannel(trackedIds[i], "reports-" + i)
            .textChannel(untrackedIdValues[i], "chatter-" + i);
      }
      try (ReceivedMessages messages = ReceivedMessages.from(discord)) {
        for (int i = 0; i < EVENTS; i++) {
          // Untracked channels get reports too: the path must not even read their text.
          untracked[i] =
              messages.webhook(untrackedIdValues[i], "Position closed by take profit: +12.5%");
          chat[i] = messages.member(trackedIds[i], MEMBER, "anything new on the markets today?");
          reports[i] =
              messages.webhook(
                  trackedIds[i], "Position closed by take profit: +" + (i + 1) + ".5%");
        }
      }
    }
  }

  private void track(InMemoryConfigStore store, ChannelConfig channel) {
    map.put(channel.channelId().value(), store.saveChannel(channel));
  }

  /**
   * A positive snowflake-sized id (the cache spreads keys itself; only distinctness matters here).
   */
  private static long snowflake(Random random) {
    return random.nextLong(1L << 40, 1L << 62);
  }

  private void checkEachEventDoesWhatItsBenchmarkSays() {
    CacheStats before = cache.stats();
    for (MessageReceivedEvent event : untracked) {
      listener.onEvent(event);
    }
    CacheStats misses = cache.stats();
    require(
        misses.misses() - before.misses() == EVENTS
            && misses.hits() == before.hits()
            && answers.count == 0,
        "every untracked message is a miss and gets no answer");
    for (MessageReceivedEvent event : chat) {
      listener.onEvent(event);
    }
    require(
        cache.stats().hits() - misses.hits() == EVENTS && answers.count == 0,
        "every chat message in a tracked channel is a hit and gets no answer");
    for (MessageReceivedEvent event : reports) {
      listener.onEvent(event);
    }
    require(answers.count == EVENTS, "every report in a tracked channel gets an alert");
  }

  private static void require(boolean condition, String what) {
    if (!condition) {
      throw new IllegalStateException("set-up check failed: " + what);
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    boards.close();
    bot.close();
    boardScheduler.shutdownNow();
    cache.close();
  }

  @Benchmark
  public void untrackedMessage(Cursor cursor) {
    listener.onEvent(untracked[cursor.advance()]);
  }

  @Benchmark
  public void trackedChatMessage(Cursor cursor) {
    listener.onEvent(chat[cursor.advance()]);
  }

  @Benchmark
  public void trackedReport(Cursor cursor) {
    listener.onEvent(reports[cursor.advance()]);
  }

  /**
   * The untracked message as JDA hands it to the whole bot: to each of {@link
   * DiscordBot#listeners()} in turn (the real ones: an untracked message never reaches the
   * publisher), as its event manager does.
   */
  @Benchmark
  public void untrackedMessageThroughTheBot(Cursor cursor) {
    MessageReceivedEvent event = untracked[cursor.advance()];
    for (EventListener each : botListeners) {
      each.onEvent(event);
    }
  }

  /**
   * The cache's lookup alone, for the same untracked channels: what the listener adds is the
   * difference.
   */
  @Benchmark
  public Optional<ChannelConfig> findChannelMiss(Cursor cursor) {
    return cache.findChannel(untrackedIds[cursor.advance()]);
  }

  /** The baseline: a map's miss on the untracked channels' ids. */
  @Benchmark
  public ChannelConfig concurrentHashMapMiss(Cursor cursor) {
    return map.get(untrackedKeys[cursor.advance()]);
  }

  /** The baseline: a map's hit on the tracked channels' ids. */
  @Benchmark
  public ChannelConfig concurrentHashMapHit(Cursor cursor) {
    return map.get(trackedKeys[cursor.advance()]);
  }
}
