package io.github.botconfig.bot.internal.guild;

import io.github.botconfig.domain.SummaryPreferences;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One guild's summary timetable: which period of each kind was handled last, which are due, and
 * when to look again. Time zones and preferences are given on every call, so a change between two
 * runs applies at once.
 *
 * <p>Handled periods are remembered by their first day, not by instants: after a time zone change,
 * the next period is the first whose first day comes after the last one summarised, so no day is
 * summarised twice and none is skipped but the ones the change itself jumps over.
 *
 * <p>Not thread-safe: its owner serialises the calls.
 */
final class SummarySchedule {
  private final Map<SummaryKind, LocalDate> handled = new EnumMap<>(SummaryKind.class);
  private final Set<SummaryKind> catchUp = EnumSet.noneOf(SummaryKind.class);

  /**
   * The last ended period of every kind enabled now becomes due once, unless one was handled
   * already: the bot (re)started and may have been down when it ended. The summary's own check of
   * the channel keeps a period that was posted before from being posted again.
   */
  void catchUp(SummaryPreferences preferences) {
    for (SummaryKind kind : SummaryKind.values()) {
      if (kind.enabledIn(preferences) && !handled.containsKey(kind)) {
        catchUp.add(kind);
      }
    }
  }

  /**
   * The periods to summarise now, at most one per kind (the latest ended: missed older ones are not
   * caught up), in the order daily, weekly, monthly. A kind turned off is forgotten; a kind just
   * turned on starts with the period running now (its first summary comes when that ends).
   */
  List<SummaryPeriod> due(SummaryPreferences preferences, ZoneId zone, Instant now) {
    List<SummaryPeriod> due = new ArrayList<>(3);
    for (SummaryKind kind : SummaryKind.values()) {
      if (!kind.enabledIn(preferences)) {
        handled.remove(kind);
        catchUp.remove(kind);
        continue;
      }
      SummaryPeriod last = SummaryPeriod.lastEnded(kind, now, zone);
      LocalDate handledStart = handled.get(kind);
      if (handledStart == null) {
        if (catchUp.contains(kind)) {
          due.add(last);
        } else {
          handled.put(kind, last.start());
        }
      } else if (last.start().isAfter(handledStart)) {
        due.add(last);
      }
    }
    return due;
  }

  /** The period was posted, found posted, or given up: it is not due again. */
  void handled(SummaryPeriod period) {
    handled.merge(period.kind(), period.start(), (a, b) -> a.isAfter(b) ? a : b);
    catchUp.remove(period.kind());
  }

  /**
   * When the next period of an enabled kind ends, after {@code now}: when to look again. Empty when
   * no summary is enabled.
   */
  Optional<Instant> nextRun(SummaryPreferences preferences, ZoneId zone, Instant now) {
    Instant next = null;
    for (SummaryKind kind : SummaryKind.values()) {
      if (!kind.enabledIn(preferences)) {
        continue;
      }
      SummaryPeriod running = SummaryPeriod.containing(kind, now, zone);
      LocalDate handledStart = handled.get(kind);
      SummaryPeriod candidate = running;
      if (handledStart != null) {
        SummaryPeriod afterHandled = new SummaryPeriod(kind, handledStart, zone).next();
        candidate = afterHandled.start().isAfter(running.start()) ? afterHandled : running;
      }
      Instant at = candidate.until();
      if (next == null || at.isBefore(next)) {
        next = at;
      }
    }
    return Optional.ofNullable(next);
  }
}
