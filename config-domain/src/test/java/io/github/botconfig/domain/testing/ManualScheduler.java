package io.github.botconfig.domain.testing;

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
import org.jspecify.annotations.Nullable;

/**
 * A scheduler whose time is a {@link MutableClock} and whose tasks run only when a test says so:
 * give it to the cache ({@code ConfigCache.builder(store).clock(clock).scheduler(scheduler)}) or
 * the bot, then move time with {@link #advance}. No sleeps, no timing races.
 *
 * <p>The contract:
 *
 * <ul>
 *   <li>Nothing runs by itself; {@link #advance} and {@link #runDue} run tasks on the calling
 *       thread, in the order of their due time (then of scheduling).
 *   <li>{@link #advance} stops at each task due on the way: the clock reads the task's due time
 *       while it runs, as it would in production, then ends at the start plus the duration.
 *   <li>Periodic tasks ({@code scheduleAtFixedRate}, {@code scheduleWithFixedDelay}) run as often
 *       as they come due in that window; a fixed delay counts from the end of a run, which is its
 *       start here, since time moves only between runs. A periodic task that throws is not run
 *       again (as {@link java.util.concurrent.ScheduledThreadPoolExecutor} does).
 *   <li>Tasks a task schedules for a time inside the window run in the same call.
 *   <li>A cancelled task never runs and is not counted; after {@code shutdown} scheduling is
 *       refused.
 * </ul>
 *
 * <p>Thread-safe: tasks may be scheduled from any thread, and two threads may run due tasks at once
 * (as two threads of a pool would).
 */
public final class ManualScheduler extends AbstractExecutorService
    implements ScheduledExecutorService {
  private final MutableClock clock;
  private final PriorityQueue<Task<?>> queue = new PriorityQueue<>();
  private long sequence;
  private boolean shutdown;

  /** A scheduler on {@code clock}'s time. */
  public ManualScheduler(MutableClock clock) {
    this.clock = clock;
  }

  /**
   * Moves the clock forward by {@code duration}, stopping at each task due on the way to run it.
   *
   * @return how many runs happened
   */
  public int advance(Duration duration) {
    Instant end = clock.instant().plus(duration);
    int runs = 0;
    for (Task<?> task = pollDue(end); task != null; task = pollDue(end)) {
      if (task.due.isAfter(clock.instant())) {
        clock.set(task.due);
      }
      task.runOnce();
      runs++;
    }
    clock.set(end);
    return runs;
  }

  /**
   * Runs every task due at the clock's current time, including those the tasks schedule for now.
   *
   * @return how many runs happened
   */
  public int runDue() {
    return advance(Duration.ZERO);
  }

  /** How many tasks wait to run (cancelled ones excluded). */
  public synchronized int pending() {
    return (int) queue.stream().filter(t -> !t.isCancelled()).count();
  }

  /** How long until the next task that is not cancelled; empty if none. */
  public synchronized Optional<Duration> nextTaskIn() {
    return queue.stream()
        .filter(t -> !t.isCancelled())
        .min(Task::compareTo)
        .map(t -> Duration.between(clock.instant(), t.due));
  }

  private synchronized @Nullable Task<?> pollDue(Instant until) {
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

  @Override
  public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
    return enqueue(new Task<>(Executors.callable(command), due(delay, unit), null, false));
  }

  @Override
  public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
    return enqueue(new Task<>(callable, due(delay, unit), null, false));
  }

  @Override
  public ScheduledFuture<?> scheduleAtFixedRate(
      Runnable command, long initialDelay, long period, TimeUnit unit) {
    return enqueue(
        new Task<>(
            Executors.callable(command), due(initialDelay, unit), positive(period, unit), false));
  }

  @Override
  public ScheduledFuture<?> scheduleWithFixedDelay(
      Runnable command, long initialDelay, long delay, TimeUnit unit) {
    return enqueue(
        new Task<>(
            Executors.callable(command), due(initialDelay, unit), positive(delay, unit), true));
  }

  @Override
  public void execute(Runnable command) {
    schedule(command, 0, TimeUnit.NANOSECONDS);
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

  private Instant due(long delay, TimeUnit unit) {
    return clock.instant().plusNanos(unit.toNanos(Math.max(0, delay)));
  }

  private static Duration positive(long period, TimeUnit unit) {
    if (period <= 0) {
      throw new IllegalArgumentException("a period must be positive, got " + period + " " + unit);
    }
    return Duration.ofNanos(unit.toNanos(period));
  }

  private synchronized <V> Task<V> enqueue(Task<V> task) {
    if (shutdown) {
      throw new RejectedExecutionException("the manual scheduler is shut down");
    }
    task.order = sequence++;
    queue.add(task);
    return task;
  }

  private final class Task<V> extends FutureTask<V> implements ScheduledFuture<V> {
    private volatile Instant due;
    private final @Nullable Duration period;
    private final boolean fromEndOfRun;
    private long order;

    Task(Callable<V> callable, Instant due, @Nullable Duration period, boolean fromEndOfRun) {
      super(callable);
      this.due = due;
      this.period = period;
      this.fromEndOfRun = fromEndOfRun;
    }

    void runOnce() {
      if (period == null) {
        run();
      } else if (runAndReset()) {
        due = (fromEndOfRun ? clock.instant() : due).plus(period);
        if (!isShutdown()) {
          enqueue(this);
        }
      }
    }

    @Override
    public long getDelay(TimeUnit unit) {
      return unit.convert(Duration.between(clock.instant(), due));
    }

    @Override
    public int compareTo(Delayed other) {
      Task<?> that = (Task<?>) other;
      int byDue = due.compareTo(that.due);
      return byDue != 0 ? byDue : Long.compare(order, that.order);
    }
  }
}
