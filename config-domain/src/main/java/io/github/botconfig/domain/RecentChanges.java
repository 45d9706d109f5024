package io.github.botconfig.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What a store's change feed holds after a position: the highest position taken so far, and the
 * changes recorded after the position asked for, in position order.
 *
 * <p>A position at most {@link #head()} that is not among {@link #changes()} is a write still in
 * flight, or one whose record was lost: a reader waits a short grace, then loads everything. When
 * the feed no longer holds all the records a reader needs ({@link #expired()}), it loads everything
 * at once.
 *
 * <p>Immutable and thread-safe.
 *
 * @param head the highest position any writer has taken (its record may not be written yet)
 * @param changes recorded changes after the position asked for, ascending, each position once; a
 *     store may return only the first ones (then {@code changes}' last position is below {@code
 *     head} and the reader asks again from there)
 * @param expired whether records after the position asked for may have been pruned
 */
public record RecentChanges(long head, List<ConfigChange> changes, boolean expired) {
  public RecentChanges {
    changes = List.copyOf(changes);
    for (int i = 1; i < changes.size(); i++) {
      if (changes.get(i - 1).position() >= changes.get(i).position()) {
        throw new IllegalArgumentException(
            "changes must be in ascending position order, each once, got " + changes);
      }
    }
    long last = changes.isEmpty() ? 0 : changes.get(changes.size() - 1).position();
    if (head < last) {
      throw new IllegalArgumentException(
          "head " + head + " is below the last change's position " + last);
    }
  }

  /** Changes in any order and with duplicates (a store's raw records), put in order, each once. */
  public static RecentChanges of(long head, List<ConfigChange> changes, boolean expired) {
    List<ConfigChange> sorted = new ArrayList<>(changes);
    sorted.sort(Comparator.comparingLong(ConfigChange::position));
    List<ConfigChange> distinct = new ArrayList<>(sorted.size());
    for (ConfigChange change : sorted) {
      if (distinct.isEmpty() || distinct.get(distinct.size() - 1).position() != change.position()) {
        distinct.add(change);
      }
    }
    long highest = distinct.isEmpty() ? 0 : distinct.get(distinct.size() - 1).position();
    return new RecentChanges(Math.max(head, highest), distinct, expired);
  }

  @Override
  public String toString() {
    return "RecentChanges{head="
        + head
        + ", "
        + changes.size()
        + " changes"
        + (expired ? ", expired" : "")
        + "}";
  }
}
