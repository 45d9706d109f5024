package io.github.botconfig.bot.internal.guild;

import io.github.botconfig.bot.internal.guild.GuildWarnings.Feature;
import io.github.botconfig.bot.report.ResultReport;
import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.ConfigException;
import io.github.botconfig.domain.ConfigRepository;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.GuildSettings;
import io.github.botconfig.domain.LiveBoard;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps each guild's live board: one message in the global channel listing every tracked channel's
 * latest result, edited (never re-posted) as results arrive, posted again when it was deleted,
 * moved when the global channel changes, removed when the board is turned off. Its message id is
 * stored ({@link LiveBoard}), so a restart edits the same message; the results themselves are read
 * back from the channels' history, never stored.
 *
 * <p>Edits are coalesced: a result is shown by an edit 10 seconds after it arrived, together with
 * every result of those 10 seconds, and a guild's board is never refreshed twice within 10 seconds.
 * Refreshes run on the scheduler and block it while Discord answers. Thread-safe.
 */
public final class LiveBoards implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(LiveBoards.class);

  /**
   * At most one refresh per guild this often; also how long a new result waits for others to join
   * it.
   */
  public static final Duration MIN_INTERVAL = Duration.ofSeconds(10);

  /**
   * Discord, for the boards: which guilds this process runs, and what it can do there. Thread-safe.
   */
  @FunctionalInterface
  public interface Discord {
    /** The guild, if this process runs its shard now (the one ownership check); empty otherwise. */
    Optional<GuildView> view(GuildId guildId);
  }

  /** One guild on Discord. Every method blocks until Discord answered. */
  public interface GuildView {
    /**
     * Why the board cannot go to the global channel the settings name (missing, no permission);
     * empty if it can.
     */
    Optional<String> problem(GuildSettings settings);

    /**
     * The latest result report in each channel's recent history, for those that have one, counting
     * only the authors each channel takes reports from.
     */
    Map<ChannelId, LatestResult> latestResults(List<ChannelConfig> channels);

    /** Posts a board; returns the message id. */
    long post(ChannelId channelId, EmbedText board);

    /** Edits a board; {@code false} if the message no longer exists. */
    boolean edit(ChannelId channelId, long messageId, EmbedText board);

    /** Deletes an old board, if it still exists. */
    void delete(ChannelId channelId, long messageId);
  }

  private final ConfigRepository repository;
  private final Discord discord;
  private final GuildWarnings warnings;
  private final Clock clock;
  private final ScheduledExecutorService scheduler;
  private final Map<GuildId, Board> boards = new ConcurrentHashMap<>();
  private volatile boolean closed;

  public LiveBoards(
      ConfigRepository repository,
      Discord discord,
      GuildWarnings warnings,
      Clock clock,
      ScheduledExecutorService scheduler) {
    this.repository = repository;
    this.discord = discord;
    this.warnings = warnings;
    this.clock = clock;
    this.scheduler = scheduler;
  }

  /**
   * The guild is here (the bot connected, joined it, or it is available again): bring its board up
   * to date.
   */
  public void start(GuildId guildId) {
    board(guildId).request(clock.instant());
  }

  /**
   * The bot left the guild: forget its board here (the message and the stored id stay until the
   * guild is purged).
   */
  public void stop(GuildId guildId) {
    Board board = boards.remove(guildId);
    if (board != null) {
      board.cancel();
    }
  }

  /**
   * A result report arrived in a tracked channel (the message path parsed it). If the guild keeps a
   * board, the board shows it within {@link #MIN_INTERVAL}. Cheap otherwise: one in-memory settings
   * lookup, from the message path.
   */
  public void resultPosted(ChannelConfig channel, ResultReport report, Instant at) {
    try {
      if (!wanted(repository.settingsOrDefaults(channel.guildId()))) {
        return;
      }
    } catch (ConfigException e) {
      return; // the configuration is out of reach: the board waits for the next result
    }
    Board board = board(channel.guildId());
    board.record(new LatestResult(channel.channelId(), report, at));
    board.request(clock.instant().plus(MIN_INTERVAL));
  }

  /** The guild's settings or tracked channels changed: refresh its board (or remove it) soon. */
  public void changed(GuildId guildId) {
    Board board = boards.get(guildId);
    if (board != null) {
      board.request(clock.instant());
    }
  }

  /** A message was deleted; if it was the guild's board, post it again. */
  public void messageDeleted(GuildId guildId, long messageId) {
    Board board = boards.get(guildId);
    try {
      if (board != null
          && repository.findBoard(guildId).filter(b -> b.messageId() == messageId).isPresent()) {
        board.request(clock.instant());
      }
    } catch (ConfigException e) {
      log.debug("board of guild {}: {}", guildId, e.getMessage());
    }
  }

  @Override
  public void close() {
    closed = true;
    boards.values().forEach(Board::cancel);
    boards.clear();
  }

  private Board board(GuildId guildId) {
    return boards.computeIfAbsent(guildId, Board::new);
  }

  private static boolean wanted(GuildSettings settings) {
    return settings.positionDisplayEnabled() && settings.globalChannelId().isPresent();
  }

  /**
   * One guild's board. Two locks, as for the summaries: this object's, held briefly (results,
   * requests), and the refresh's, held while Discord answers.
   */
  private final class Board {
    private final GuildId id;
    private final Object refreshLock = new Object();
    private final Map<ChannelId, LatestResult> latest = new HashMap<>();
    private Instant lastRefresh = Instant.MIN;
    private @Nullable ScheduledFuture<?> pending;
    private @Nullable Instant pendingAt;
    private long generation;

    /**
     * Guarded by the refresh lock: channels whose history was read, and a board posted but not yet
     * stored.
     */
    private final Set<ChannelId> historyRead = new HashSet<>();

    private @Nullable LiveBoard unsaved;

    Board(GuildId id) {
      this.id = id;
    }

    synchronized void record(LatestResult result) {
      latest.merge(
          result.channelId(), result, (old, now) -> now.at().isBefore(old.at()) ? old : now);
    }

    private synchronized Map<ChannelId, LatestResult> latest() {
      return Map.copyOf(latest);
    }

    /**
     * Asks for a refresh at {@code earliest}, or later if the last one was less than 10 s before.
     */
    synchronized void request(Instant earliest) {
      Instant at = lastRefresh.plus(MIN_INTERVAL);
      at = at.isAfter(earliest) ? at : earliest;
      if (closed || (pendingAt != null && !pendingAt.isAfter(at))) {
        return; // an earlier refresh is coming: it will show this too
      }
      cancel();
      long ticket = ++generation;
      try {
        pending =
            scheduler.schedule(
                () -> refresh(ticket),
                Math.max(0, Duration.between(clock.instant(), at).toMillis()),
                TimeUnit.MILLISECONDS);
        pendingAt = at;
      } catch (RejectedExecutionException e) {
        log.debug("board of guild {} not refreshed: the scheduler is shut down", id);
      }
    }

    synchronized void cancel() {
      if (pending != null) {
        pending.cancel(false);
      }
      pending = null;
      pendingAt = null;
    }

    private synchronized boolean begin(long ticket) {
      if (ticket != generation || closed || boards.get(id) != this) {
        return false; // replaced by an earlier request, or the guild is gone
      }
      pending = null;
      pendingAt = null;
      lastRefresh = clock.instant();
      return true;
    }

    private void refresh(long ticket) {
      synchronized (refreshLock) {
        if (!begin(ticket)) {
          return;
        }
        try {
          discord
              .view(id)
              .ifPresentOrElse(this::refresh, () -> log.debug("board of guild {}: not here", id));
        } catch (RuntimeException e) {
          // The next result or change tries again; nothing is retried in a loop.
          log.warn("refreshing the board of guild {} failed: {}", id, e.toString());
        }
      }
    }

    private void refresh(GuildView guild) {
      GuildSettings settings = repository.settingsOrDefaults(id);
      Optional<LiveBoard> stored = Optional.ofNullable(unsaved).or(() -> repository.findBoard(id));
      if (!wanted(settings)) {
        warnings.report(id, Feature.BOARD, Optional.empty());
        stored.ifPresent(board -> remove(guild, board));
        return;
      }
      Optional<String> problem = guild.problem(settings);
      warnings.report(id, Feature.BOARD, problem);
      if (problem.isPresent()) {
        return;
      }
      List<ChannelConfig> tracked = repository.findChannels(id);
      List<ChannelId> channels = tracked.stream().map(ChannelConfig::channelId).toList();
      List<ChannelConfig> unread =
          tracked.stream().filter(c -> !historyRead.contains(c.channelId())).toList();
      if (!unread.isEmpty()) {
        guild.latestResults(unread).values().forEach(this::record);
        unread.forEach(c -> historyRead.add(c.channelId()));
      }
      EmbedText text = BoardText.of(channels, latest(), clock.instant());
      ChannelId target = settings.globalChannelId().orElseThrow();
      if (stored.isPresent() && stored.get().channelId().equals(target)) {
        if (guild.edit(target, stored.get().messageId(), text)) {
          if (unsaved != null) {
            store(unsaved);
          }
          return;
        }
        log.info("the board of guild {} was deleted: posting it again", id);
      } else if (stored.isPresent()) {
        guild.delete(stored.get().channelId(), stored.get().messageId());
      }
      store(LiveBoard.of(id, target, guild.post(target, text)));
    }

    /**
     * Stores a newly posted board's message id. If the store refuses or is down, the board is kept
     * here and edited by the next refresh, which stores it then: a store outage never makes the bot
     * post a board per refresh.
     */
    private void store(LiveBoard board) {
      unsaved = board;
      repository.updateBoard(id, board.channelId(), board.messageId());
      unsaved = null;
    }

    private void remove(GuildView guild, LiveBoard board) {
      guild.delete(board.channelId(), board.messageId());
      unsaved = null;
      if (repository.deleteBoard(id)) {
        log.info("the board of guild {} was turned off: removed", id);
      }
    }
  }
}
