package io.github.botconfig.bot.report;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Caps how often one channel is answered, and how often it is mentioned or pinned: whoever may post
 * reports there cannot make the bot flood it or ping its tag without end.
 *
 * <p>Each channel has two token buckets (kept as the generic cell rate algorithm: one timestamp
 * each): {@link Rate#burst()} alerts at once, then one per {@link Rate#every()}. Over the alert
 * limit a report gets no answer (the live board still shows it); over the mention limit it gets its
 * answer without the mention and the pin, saying so. Each channel's first refusal of a run is
 * logged once, not every refused message.
 *
 * <p>Time comes from the injected {@link Clock}. Thread-safe and lock-free; a channel's state is
 * made at its first alert, so untracked channels and chat cost nothing here.
 */
public final class AlertLimits {
  private static final Logger log = LoggerFactory.getLogger(AlertLimits.class);

  /**
   * A limit: {@code burst} at once, then one every {@code every}.
   *
   * @param burst how many may go at once, 1 or more
   * @param every how long one more takes to become available; zero for no limit
   */
  public record Rate(int burst, Duration every) {
    /** No limit at all. */
    public static final Rate UNLIMITED = new Rate(1, Duration.ZERO);

    /**
     * @throws IllegalArgumentException naming the value if burst is under 1 or the period negative
     */
    public Rate {
      if (burst < 1) {
        throw new IllegalArgumentException("a rate's burst must be 1 or more, got " + burst);
      }
      if (every.isNegative()) {
        throw new IllegalArgumentException("a rate's period must be 0 or more, got " + every);
      }
    }

    @Override
    public String toString() {
      return every.isZero() ? "unlimited" : burst + " at once, then one every " + every;
    }
  }

  /**
   * 20 alerts at once, then one every 3 seconds (20 a minute): a wave of closes still gets its
   * answers, a flood does not.
   */
  public static final Rate DEFAULT_ALERTS = new Rate(20, Duration.ofSeconds(3));

  /**
   * 5 mentions (or pins) at once, then one every 2 minutes (30 an hour): a tag is pinged for the
   * reports that matter, not for each message of a burst.
   */
  public static final Rate DEFAULT_MENTIONS = new Rate(5, Duration.ofMinutes(2));

  private final Rate alerts;
  private final Rate mentions;
  private final Clock clock;
  private final Map<Long, Channel> channels = new ConcurrentHashMap<>();

  public AlertLimits(Rate alerts, Rate mentions, Clock clock) {
    this.alerts = alerts;
    this.mentions = mentions;
    this.clock = clock;
  }

  /** {@link #DEFAULT_ALERTS} and {@link #DEFAULT_MENTIONS}. */
  public static AlertLimits defaults(Clock clock) {
    return new AlertLimits(DEFAULT_ALERTS, DEFAULT_MENTIONS, clock);
  }

  /** No limits: for simulations and benchmarks that count every alert. */
  public static AlertLimits none() {
    return new AlertLimits(Rate.UNLIMITED, Rate.UNLIMITED, Clock.systemUTC());
  }

  /**
   * The alert the channel may send now: the alert itself, the alert without its mention and pin
   * (over the mention limit), or none (over the alert limit). Takes a token from each bucket the
   * answer uses.
   */
  public Optional<Alert> admit(long channelId, Alert alert) {
    if (alerts.every().isZero() && mentions.every().isZero()) {
      return Optional.of(alert);
    }
    Channel channel = channels.computeIfAbsent(channelId, id -> new Channel());
    long now = clock.millis();
    if (!channel.alerts.take(alerts, now)) {
      logOnce(channel.alerts, channelId, "alerts", alerts, "not answered");
      return Optional.empty();
    }
    if (alert.highlights() && !channel.mentions.take(mentions, now)) {
      logOnce(channel.mentions, channelId, "mentions and pins", mentions, "answered without them");
      return Optional.of(alert.heldBack());
    }
    return Optional.of(alert);
  }

  private static void logOnce(Bucket bucket, long channelId, String what, Rate rate, String then) {
    if (bucket.startRefusing()) {
      log.info(
          "channel {} reached its limit of {} ({}): reports are {} until it recovers",
          Long.toUnsignedString(channelId),
          what,
          rate,
          then);
    }
  }

  private static final class Channel {
    final Bucket alerts = new Bucket();
    final Bucket mentions = new Bucket();
  }

  /**
   * One bucket as the generic cell rate algorithm keeps it: the time at which it will be full
   * again, less one period per token already taken.
   */
  private static final class Bucket {
    /** The theoretical arrival time of the next token, epoch ms. */
    private final AtomicLong nextFree = new AtomicLong(Long.MIN_VALUE);

    private volatile boolean refusing;

    boolean take(Rate rate, long now) {
      long period = rate.every().toMillis();
      if (period == 0) {
        return true;
      }
      long tolerance = period * (rate.burst() - 1);
      while (true) {
        long current = nextFree.get();
        long start = Math.max(current, now);
        if (start - now > tolerance) {
          return false;
        }
        if (nextFree.compareAndSet(current, start + period)) {
          refusing = false;
          return true;
        }
      }
    }

    /** Whether this refusal starts a run of them (the one to log). */
    boolean startRefusing() {
      boolean first = !refusing;
      refusing = true;
      return first;
    }
  }
}
