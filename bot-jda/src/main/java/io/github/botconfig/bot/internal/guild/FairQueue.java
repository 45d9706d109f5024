package io.github.botconfig.bot.internal.guild;

import io.github.botconfig.domain.GuildId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the guilds' long jobs (summaries, which read history for minutes) in turn: at most {@code
 * lanes} at a time across all guilds, so the rest of the executor's threads stay free for short
 * work (board edits, the daily sweep); guilds take turns in the order they asked; one job at a time
 * per guild, and at most one waiting — a guild asking again while it waits keeps its place and its
 * newer job (which reads the settings afresh) replaces the older.
 *
 * <p>Thread-safe. Jobs never run while this queue's lock is held.
 */
final class FairQueue {
  private static final Logger log = LoggerFactory.getLogger(FairQueue.class);

  private final Executor executor;
  private final int lanes;

  /** Guarded by this: the job each waiting guild will run, in turn order. */
  private final LinkedHashMap<GuildId, Runnable> waiting = new LinkedHashMap<>();

  private final Set<GuildId> running = new HashSet<>();

  FairQueue(Executor executor, int lanes) {
    if (lanes < 1) {
      throw new IllegalArgumentException("a fair queue needs 1 lane or more, got " + lanes);
    }
    this.executor = executor;
    this.lanes = lanes;
  }

  /** Queues a guild's job; it runs once the guilds before it had their turn. */
  void submit(GuildId guild, Runnable job) {
    synchronized (this) {
      waiting.put(guild, job); // a guild already waiting keeps its place
    }
    startWhatMayRun();
  }

  /** How many guilds wait for a lane. */
  synchronized int waiting() {
    return waiting.size();
  }

  private void startWhatMayRun() {
    List<Map.Entry<GuildId, Runnable>> starting = new ArrayList<>();
    synchronized (this) {
      Iterator<Map.Entry<GuildId, Runnable>> turns = waiting.entrySet().iterator();
      while (running.size() < lanes && turns.hasNext()) {
        Map.Entry<GuildId, Runnable> next = turns.next();
        if (running.add(next.getKey())) {
          turns.remove();
          starting.add(next);
        }
      }
    }
    for (Map.Entry<GuildId, Runnable> job : starting) {
      try {
        executor.execute(() -> runThenNext(job.getKey(), job.getValue()));
      } catch (RejectedExecutionException e) {
        log.debug("job of guild {} dropped: the executor is shut down", job.getKey());
        synchronized (this) {
          running.remove(job.getKey());
        }
      }
    }
  }

  private void runThenNext(GuildId guild, Runnable job) {
    try {
      job.run();
    } finally {
      synchronized (this) {
        running.remove(guild);
      }
      startWhatMayRun();
    }
  }
}
