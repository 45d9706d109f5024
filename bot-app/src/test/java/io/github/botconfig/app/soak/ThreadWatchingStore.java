package io.github.botconfig.app.soak;

import io.github.botconfig.domain.ConfigStore;
import io.github.botconfig.domain.testing.ForwardingConfigStore;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * A store that counts the calls made on one watched thread (the message path's): there must be
 * none.
 */
final class ThreadWatchingStore extends ForwardingConfigStore {
  private final AtomicLong onWatchedThread = new AtomicLong();
  private volatile @Nullable Thread watched;

  ThreadWatchingStore(ConfigStore delegate) {
    super(delegate);
  }

  /** Counts calls made on {@code thread} from now on; null stops counting. */
  void watch(@Nullable Thread thread) {
    watched = thread;
  }

  long callsOnWatchedThread() {
    return onWatchedThread.get();
  }

  @Override
  protected void beforeCall(String method) {
    if (Thread.currentThread() == watched) {
      onWatchedThread.incrementAndGet();
    }
  }
}
