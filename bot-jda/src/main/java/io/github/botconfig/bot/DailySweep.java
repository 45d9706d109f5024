package io.github.botconfig.bot;

import io.github.botconfig.bot.internal.lifecycle.GuildDepartures;
import io.github.botconfig.bot.internal.lifecycle.GuildOwnership;
import io.github.botconfig.bot.internal.lifecycle.GuildPresence;
import io.github.botconfig.bot.internal.lifecycle.SweepResult;
import io.github.botconfig.domain.GuildId;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link GuildDepartures#sweep} once a day on the injected scheduler, from the first ready
 * event on, over the stored guilds this process owns: each process of a sharded bot sweeps the
 * guilds of its own shards.
 */
final class DailySweep implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(DailySweep.class);

  /** Gives every shard time to connect before the first sweep asks which guilds the bot is in. */
  static final Duration FIRST_DELAY = Duration.ofMinutes(15);

  static final Duration PERIOD = Duration.ofDays(1);

  private final GuildDepartures departures;
  private final GuildDirectory directory;
  private final GuildPresence presence;
  private final GuildOwnership ownership;
  private final ScheduledExecutorService scheduler;
  private @Nullable ScheduledFuture<?> task;
  private boolean closed;

  DailySweep(
      GuildDepartures departures,
      GuildDirectory directory,
      GuildPresence presence,
      GuildOwnership ownership,
      ScheduledExecutorService scheduler) {
    this.departures = departures;
    this.directory = directory;
    this.presence = presence;
    this.ownership = ownership;
    this.scheduler = scheduler;
  }

  /** Schedules the sweep, once; later calls (more shards becoming ready) do nothing. */
  synchronized void start() {
    if (task == null && !closed) {
      task =
          scheduler.scheduleAtFixedRate(
              this::run, FIRST_DELAY.toMillis(), PERIOD.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  void run() {
    try {
      List<GuildId> owned = directory.storedGuilds().stream().filter(ownership::owns).toList();
      SweepResult result = departures.sweep(owned, presence);
      if (!result.purged().isEmpty() || !result.returned().isEmpty()) {
        log.info(
            "guild sweep: purged {} departed guild(s) {}, {} came back {}",
            result.purged().size(),
            result.purged(),
            result.returned().size(),
            result.returned());
      }
      if (!result.absentUnrecorded().isEmpty()) {
        log.info(
            "guild sweep: the bot is not in {} stored guild(s) {} but never saw them leave; they are kept",
            result.absentUnrecorded().size(),
            result.absentUnrecorded());
      }
    } catch (RuntimeException e) {
      // A failed sweep is retried tomorrow; an exception escaping would cancel the schedule for
      // good.
      log.warn("guild sweep failed: {}", e.toString());
    }
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (task != null) {
      task.cancel(false);
    }
  }
}
