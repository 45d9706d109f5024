package io.github.botconfig.app.wiring;

import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a process must release at its end, closed in the reverse order of opening: Discord before
 * the cache's tasks, the cache before the DynamoDB client, the client before the embedded server.
 * Thread-safe; closing twice does nothing the second time.
 */
public final class Lifecycle implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Lifecycle.class);

  /** One thing to release. */
  @FunctionalInterface
  public interface Resource {
    void close() throws Exception;
  }

  private final Deque<Named> open = new ArrayDeque<>();
  private boolean closed;

  private record Named(String name, Resource resource) {}

  /**
   * Registers {@code resource} to be closed after everything registered later.
   *
   * @throws IllegalStateException if the lifecycle is already closed (the resource is closed at
   *     once)
   */
  public synchronized <T> T register(String name, T value, Resource resource) {
    if (closed) {
      closeQuietly(new Named(name, resource));
      throw new IllegalStateException("shutting down: " + name + " cannot be opened now");
    }
    open.push(new Named(name, resource));
    return value;
  }

  @Override
  public void close() {
    while (true) {
      Named next;
      synchronized (this) {
        closed = true;
        next = open.poll();
      }
      if (next == null) {
        return;
      }
      closeQuietly(next);
    }
  }

  private static void closeQuietly(Named named) {
    try {
      named.resource().close();
      LOG.debug("closed {}", named.name());
    } catch (Exception e) {
      LOG.warn("closing {} failed: {}", named.name(), e.toString());
    }
  }
}
