package io.github.botconfig.bot.internal.guild;

import io.github.botconfig.domain.ConfigException;
import io.github.botconfig.domain.ConfigRepository;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.GuildSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts each guild's summaries at midnight of its time zone: one timer per guild with a summary
 * enabled, set to the end of its next period (never a wake-up every minute), and set again whenever
 * its settings change. Each run reads the settings again, so a missed change notice cannot post
 * with old ones.
 *
 * <p>A guild {@link #start started} (present when the bot connects) catches up the last period of
 * each enabled kind once; its {@link Publisher} looks for that summary in the channel first, so a
 * restart posts nothing twice. A guild {@link #join joined} later starts with the periods running
 * now.
 *
 * <p>Runs happen on the scheduler and block it while the publisher talks to Discord; the guilds'
 * runs take turns, one at a time ({@link #LANES}), so summaries never hold more than one of the
 * scheduler's threads however many guilds are due. Thread-safe: runs of one guild are serialised.
 */
public final class GuildSummaries implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(GuildSummaries.class);

  /** How soon a run that could not reach Discord (or the guild) is tried again. */
  static final Duration RETRY = Duration.ofMinutes(5);

  /**
   * How many guilds' runs read Discord at once: one, so that however many guilds' summaries fall
   * due at the same midnight, they take turns on one of the scheduler's threads and leave the
   * others to the boards and the sweep. A run is bounded (the publisher caps channels and
   * messages).
   */
  static final int LANES = 1;

  /** How many failed attempts at one period before it is given up (it is logged). */
  static final int ATTEMPTS = 3;

  /** Reads and writes Discord for one summary. Implementations are thread-safe. */
  @FunctionalInterface
  public interface Publisher {
    /**
     * Posts the summary of {@code period} to the guild's global channel, unless it is there
     * already. Blocks until Discord answered.
     */
    Outcome publish(GuildSettings settings, SummaryPeriod period);
  }

  /** What became of one summary. */
  public enum Outcome {
    POSTED,
    /** The channel already holds it (posted before a restart). */
    ALREADY_POSTED,
    /**
     * It cannot be posted (no usable global channel); the publisher has told the admins. Not tried
     * again.
     */
    SKIPPED,
    /** This process does not run the guild's shard now; tried again later. */
    NOT_HERE,
    /** Discord failed; tried again later, a few times. */
    FAILED
  }

  private final ConfigRepository repository;
  private final Publisher publisher;
  private final Clock clock;
  private final ScheduledExecutorService scheduler;
  private final FairQueue runs;
  private final Map<GuildId, Guild> guilds = new ConcurrentHashMap<>();
  private volatile boolean closed;

  public GuildSummaries(
      ConfigRepository repository,
      Publisher publisher,
      Clock clock,
      ScheduledExecutorService scheduler) {
    this.repository = repository;
    this.publisher = publisher;
    this.clock = clock;
    this.scheduler = scheduler;
    this.runs = new FairQueue(scheduler, LANES);
  }

  /**
   * The bot found the guild when it connected: catch up the periods that ended while it was away,
   * then schedule.
   */
  public void start(GuildId guildId) {
    track(guildId, true);
  }

  /** The bot was added to the guild: schedule its summaries from the periods running now. */
  public void join(GuildId guildId) {
    track(guildId, false);
  }

  /** The bot left the guild: no more summaries there. */
  public void stop(GuildId guildId) {
    Guild guild = guilds.remove(guildId);
    if (guild != null) {
      guild.cancel();
    }
  }

  /** The guild's settings changed: look at them again now. Does nothing for a guild not started. */
  public void settingsChanged(GuildId guildId) {
    Guild guild = guilds.get(guildId);
    if (guild != null) {
      guild.changed();
    }
  }

  /** Stops every timer. */
  @Override
  public void close() {
    closed = true;
    guilds.values().forEach(Guild::cancel);
    guilds.clear();
  }

  private void track(GuildId guildId, boolean catchUp) {
    Guild guild = new Guild(guildId);
    if (guilds.putIfAbsent(guildId, guild) == null) {
      guild.runAfter(Duration.ZERO, catchUp);
    }
  }

  /**
   * One guild's timetable and timer. Two locks: the timer's (held briefly, by anyone), and the
   * run's (held while Discord answers, by scheduler threads only), so a settings change never waits
   * for a run.
   */
  private final class Guild {
    private final GuildId id;
    private final Object runLock = new Object();
    private final SummarySchedule schedule = new SummarySchedule();
    private @Nullable ScheduledFuture<?> timer;
    private boolean catchUpAtFirstRun;

    /** The settings changed while a run was reading them: run again right after it. */
    private boolean changedDuringRun;

    private int failures;

    Guild(GuildId id) {
      this.id = id;
    }

    synchronized void runAfter(Duration delay, boolean catchUp) {
      catchUpAtFirstRun |= catchUp;
      runAfter(delay);
    }

    synchronized void runAfter(Duration delay) {
      cancel();
      if (closed || guilds.get(id) != this) {
        return;
      }
      try {
        timer =
            scheduler.schedule(
                () -> runs.submit(id, this::run),
                Math.max(0, delay.toMillis()),
                TimeUnit.MILLISECONDS);
      } catch (RejectedExecutionException e) {
        log.debug("summaries of guild {} not scheduled: the scheduler is shut down", id);
      }
    }

    synchronized void changed() {
      changedDuringRun = true;
      runAfter(Duration.ZERO);
    }

    synchronized void cancel() {
      if (timer != null) {
        timer.cancel(false);
        timer = null;
      }
    }

    void run() {
      synchronized (runLock) {
        if (!closed && guilds.get(id) == this) {
          runLocked();
        }
      }
    }

    private void runLocked() {
      begin();
      GuildSettings settings;
      try {
        settings = repository.settingsOrDefaults(id);
      } catch (ConfigException e) {
        log.debug("summaries of guild {} wait: {}", id, e.getMessage());
        runAfter(RETRY);
        return;
      }
      if (takeCatchUp()) {
        schedule.catchUp(settings.summaryPreferences());
      }
      Instant now = clock.instant();
      boolean retry = false;
      for (SummaryPeriod period :
          schedule.due(settings.summaryPreferences(), settings.timezone(), now)) {
        if (!publish(settings, period)) {
          retry = true;
          break; // the others wait with it: the guild is out of reach
        }
      }
      Optional<Instant> next =
          schedule.nextRun(settings.summaryPreferences(), settings.timezone(), now);
      if (retry) {
        Instant soon = now.plus(RETRY);
        next = Optional.of(next.filter(n -> n.isBefore(soon)).orElse(soon));
      }
      if (changedSinceBegin()) {
        runAfter(Duration.ZERO);
      } else {
        next.ifPresent(at -> runAfter(Duration.between(clock.instant(), at)));
      }
    }

    /**
     * Starts a run, before it reads the settings: a change from now on is seen by this run or the
     * next.
     */
    private synchronized void begin() {
      changedDuringRun = false;
    }

    /** Whether this is the first run that read the settings, which catches up. */
    private synchronized boolean takeCatchUp() {
      boolean catchUp = catchUpAtFirstRun;
      catchUpAtFirstRun = false;
      return catchUp;
    }

    private synchronized boolean changedSinceBegin() {
      return changedDuringRun;
    }

    /** Returns whether the period is done with (posted, found, skipped or given up). */
    private boolean publish(GuildSettings settings, SummaryPeriod period) {
      Outcome outcome;
      try {
        outcome = publisher.publish(settings, period);
      } catch (RuntimeException e) {
        log.warn("posting the {} of guild {} failed: {}", period.key(), id, e.toString());
        outcome = Outcome.FAILED;
      }
      if (outcome == Outcome.NOT_HERE) {
        return false;
      }
      if (outcome == Outcome.FAILED && ++failures < ATTEMPTS) {
        return false;
      }
      if (outcome == Outcome.FAILED) {
        log.warn(
            "gave up the {} summary of guild {} after {} attempts", period.key(), id, ATTEMPTS);
      } else if (outcome == Outcome.POSTED) {
        log.info("posted the {} summary of guild {}", period.key(), id);
      }
      failures = 0;
      schedule.handled(period);
      return true;
    }
  }
}
