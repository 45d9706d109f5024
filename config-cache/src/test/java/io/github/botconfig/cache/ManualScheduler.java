package io.github.botconfig.cache;

import io.github.botconfig.domain.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A scheduler whose tasks run only when a test says so, at the time of a {@link MutableClock}: the
 * test moves time with {@link #advance} and every task due meanwhile runs, in order, on the test's
 * thread (or on whatever thread calls {@link #runDueTasks}). No sleeps, no timing races.
 *
 * <p>Thread-safe: tasks may be scheduled from any thread, and two threads may run due tasks at once
 * (as two threads of a pool would).
 */
final class ManualScheduler extends AbstractExecutorService implements ScheduledExecutorService {
  private final MutableClock clock;
  private final PriorityQueue<Task<?>> queue = new PriorityQueue<>();
  private long sequence;
  private boolean shutdown;

  ManualScheduler(MutableClock clock) {
    this.clock = clock;
  }

  /**
   * Runs every task due now, including those that the tasks schedule for now. Returns how many ran.
   */
  int runDueTasks() {
    int ran = 0;
    for (Task<?> task = pollDue(clock.instant()); task != null; task = pollDue(clock.instant())) {
      task.run();
      ran++;
    }
    return ran;
  }

  /**
   * Moves the clock forward by {@code duration}, stopping at each task due on the way to run it.
   */
  void advance(Duration duration) {
    Instant end = clock.instant().plus(duration);
    for (Task<?> task = pollDue(end); task != null; task = pollDue(end)) {
      if (task.due.isAfter(clock.instant())) {
        clock.set(task.due);
      }
      task.run();
    }
    clock.set(end);
  }

  /** How many tasks wait to run (cancelled ones excluded). */
  synchronized int pendingTasks() {
    return (int) queue.stream().filter(t -> !t.isCancelled()).count();
  }

  /** How long until the next task that is not cancelled; empty if none. */
  synchronized Optional<Duration> nextTaskIn() {
    return queue.stream()
        .filter(t -> !t.isCancelled())
        .findFirst()
        .map(t -> Duration.between(clock.instant(), t.due));
  }

  private synchronized Task<?> pollDue(Instant until) {
    while (!queue.isEmpty()) {
      Task<?> head = queue.peek();
      if (head.isCancelled()) {
        queue.poll();
      } else if (head.due.isAfter(until)) {
        return null;
      } else {
        return queue.poll();
      }
    }
    return null;
  }

  private synchronized <V> Task<V> enqueue(Callable<V> callable, long delay, TimeUnit unit) {
    if (shutdown) {
      throw new RejectedExecutionException("scheduler is shut down");
    }
    Task<V> task =
        new Task<>(
            callable, clock.instant().plusNanos(unit.toNanos(Math.max(0, delay))), sequence++);
    queue.add(task);
    return task;
  }

  @Override
  public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
    return enqueue(Executors.callable(command), delay, unit);
  }

  @Override
  public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
    return enqueue(callable, delay, unit);
  }

  @Override
  public ScheduledFuture<?> scheduleAtFixedRate(
      Runnable command, long initialDelay, long period, TimeUnit unit) {
    throw new UnsupportedOperationException(
        "the cache schedules one task at a time; so does this scheduler");
  }

  @Override
  public ScheduledFuture<?> scheduleWithFixedDelay(
      Runnable command, long initialDelay, long delay, TimeUnit unit) {
    throw new UnsupportedOperationException(
        "the cache schedules one task at a time; so does this scheduler");
  }

  @Override
  public void execute(Runnable command) {
    enqueue(Executors.callable(command), 0, TimeUnit.NANOSECONDS);
  }

  @Override
  public synchronized void shutdown() {
    shutdown = true;
  }

  @Override
  public synchronized List<Runnable> shutdownNow() {
    shutdown = true;
    List<Runnable> never = new ArrayList<>(queue);
    queue.clear();
    return never;
  }

  @Override
  public synchronized boolean isShutdown() {
    return shutdown;
  }

  @Override
  public synchronized boolean isTerminated() {
    return shutdown;
  }

  @Override
  public boolean awaitTermination(long timeout, TimeUnit unit) {
    return isTerminated();
  }

  private final class Task<V> extends FutureTask<V> implements ScheduledFuture<V> {
    private final Instant due;
    private final long order;

    Task(Callable<V> callable, Instant due, long order) {
      super(callable);
      this.due = due;
      this.order = order;
    }

    @Override
    public long getDelay(TimeUnit unit) {
      return unit.convert(Duration.between(clock.instant(), due));
    }

    @Override
    public int compareTo(Delayed other) {
      Task<?> that = (Task<?>) other;
      int byTime = due.compareTo(that.due);
      return byTime != 0 ? byTime : Long.compare(order, that.order);
    }
  }
}
