package io.github.botconfig.bot.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import net.dv8tion.jda.api.events.GenericEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.hooks.EventListener;
import org.jspecify.annotations.Nullable;

/**
 * A listener registered after the bot's own: JDA calls listeners in order on one thread, so once
 * the probe has seen an event, every listener before it has finished handling that event.
 * Thread-safe.
 */
public final class EventProbe implements EventListener {
  private final List<GenericEvent> seen = new ArrayList<>();

  @Override
  public synchronized void onEvent(GenericEvent event) {
    seen.add(event);
    notifyAll();
  }

  /** Waits until the bot has handled an event of this type that {@code wanted} accepts. */
  public <E extends GenericEvent> E await(Class<E> type, Predicate<? super E> wanted) {
    Await.until(
        this, () -> find(type, wanted) != null, "a " + type.getSimpleName() + " to be handled");
    synchronized (this) {
      return find(type, wanted);
    }
  }

  /**
   * Whether the bot has handled, so far, an event of this type that {@code wanted} accepts; does
   * not wait.
   */
  public <E extends GenericEvent> boolean saw(Class<E> type, Predicate<? super E> wanted) {
    return find(type, wanted) != null;
  }

  /** Waits until the bot has handled the message with this id. */
  public MessageReceivedEvent awaitMessage(long messageId) {
    return await(MessageReceivedEvent.class, e -> e.getMessageIdLong() == messageId);
  }

  private synchronized <E extends GenericEvent> @Nullable E find(
      Class<E> type, Predicate<? super E> wanted) {
    for (GenericEvent event : seen) {
      if (type.isInstance(event) && wanted.test(type.cast(event))) {
        return type.cast(event);
      }
    }
    return null;
  }
}
