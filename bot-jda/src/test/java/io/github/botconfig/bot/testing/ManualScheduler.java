package io.github.botconfig.bot.testing;

import io.github.botconfig.domain.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
 * A scheduler whose time is a {@link MutableClock}: nothing runs until the test calls {@link
 * #advance}, which moves the clock and runs, on the calling thread, every task that came due —
 * periodic ones as often as they came due. Thread-safe.
 */
public final class ManualScheduler extends AbstractExecutorService
    implements ScheduledExecutorService {
  private final MutableClock clock;
  private final PriorityQueue<Task<?>> queue = new PriorityQueue<>();
  private long sequence;
  private boolean shutdown;

  public ManualScheduler(MutableClock clock) {
    this.clock = clock;
  }

  /** Moves the clock forward and runs what came due; returns how many runs happened. */
  public int advance(Duration duration) {
    clock.advance(duration);
    return runDue();
  }

  /** Runs every task due at the clock's current time; returns how many runs happened. */
  public int runDue() {
    int runs = 0;
    while (true) {
      Task<?> task;
      synchronized (this) {
        task = queue.peek();
        if (task == null || task.due.isAfter(clock.instant())) {
          return runs;
        }
        queue.poll();
      }
      if (task.isCancelled()) {
        continue; // a cancelled task does not run, and is not counted
      }
      task.runOnce();
      runs++;
    }
  }

  /** How many tasks wait to run. */
  public synchronized int pending() {
    return (int) queue.stream().filter(t -> !t.isCancelled()).count();
  }

  @Override
  public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
    return enqueue(new Task<Object>(Executors.callable(command, null), due(delay, unit), null));
  }

  @Override
  public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
    return enqueue(new Task<>(callable, due(delay, unit), null));
  }

  @Override
  public ScheduledFuture<?> scheduleAtFixedRate(
      Runnable command, long initialDelay, long period, TimeUnit unit) {
    return enqueue(
        new Task<Object>(
            Executors.callable(command, null),
            due(initialDelay, unit),
            Duration.ofNanos(unit.toNanos(period))));
  }

  @Override
  public ScheduledFuture<?> scheduleWithFixedDelay(
      Runnable command, long initialDelay, long delay, TimeUnit unit) {
    return scheduleAtFixedRate(
        command, initialDelay, delay, unit); // time only moves between runs here
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
    List<Runnable> left = new ArrayList<>(queue);
    queue.clear();
    return left;
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
    return clock.instant().plusNanos(unit.toNanos(delay));
  }

  private synchronized <V> Task<V> enqueue(Task<V> task) {
    if (shutdown) {
      throw new RejectedExecutionException("the manual scheduler is shut down");
    }
    task.sequence = sequence++;
    queue.add(task);
    return task;
  }

  private final class Task<V> extends FutureTask<V> implements ScheduledFuture<V> {
    private Instant due;
    private final @Nullable Duration period;
    private long sequence;

    Task(Callable<V> callable, Instant due, @Nullable Duration period) {
      super(callable);
      this.due = due;
      this.period = period;
    }

    void runOnce() {
      if (period == null) {
        run();
      } else if (runAndReset()) {
        due = due.plus(period);
        enqueue(this);
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
      return byDue != 0 ? byDue : Long.compare(sequence, that.sequence);
    }
  }
}
