package io.github.botconfig.app.simulate;

import java.time.Duration;

/**
 * What DynamoDB on-demand costs a month, from request counts and the capacity each request was
 * measured to use.
 *
 * <p>Prices: us-east-1 on-demand after the November 2024 cut, $0.125 per million read request units
 * and $0.625 per million write request units (shared/notes). A month is 30 days. Storage (a few
 * kilobytes) is left out: it is free under 25 GB.
 *
 * <p>Provisioned capacity, for comparison: us-east-1 list prices of $0.00013 per read capacity
 * unit-hour and $0.00065 per write capacity unit-hour, of which AWS's free tier gives 25 of each
 * (per account and region). A table must be provisioned for its peaks; {@link #provisioned} sizes
 * it for the average rate of a bill, so it is a lower bound for bursty traffic (messages) and exact
 * for steady background work.
 */
public final class CostModel {
  public static final double DOLLARS_PER_MILLION_READS = 0.125;
  public static final double DOLLARS_PER_MILLION_WRITES = 0.625;
  public static final int DAYS_PER_MONTH = 30;
  private static final double SECONDS_PER_MONTH = DAYS_PER_MONTH * 86_400.0;
  private static final double HOURS_PER_MONTH = DAYS_PER_MONTH * 24.0;

  public static final double DOLLARS_PER_RCU_HOUR = 0.00013;
  public static final double DOLLARS_PER_WCU_HOUR = 0.00065;

  /** Read and write capacity units AWS's free tier provisions at no charge. */
  public static final int FREE_TIER_UNITS = 25;

  /**
   * The least an eventually consistent Query is billed, even when it finds nothing (DynamoDB rounds
   * every read up to one 4 KB unit, halved for eventual consistency). dynalite reports 0 for an
   * empty result.
   */
  public static final double MIN_EVENTUALLY_CONSISTENT_QUERY_UNITS = 0.5;

  /**
   * The write units a change of a channel costs on its index: DynamoDB bills the index entry as a
   * second write. dynalite reports the table write only.
   */
  public static final double INDEX_WRITE_UNITS_PER_CHANNEL_WRITE = 1;

  private CostModel() {}

  /** Dollars for this many read request units. */
  public static double reads(double readUnits) {
    return readUnits / 1_000_000 * DOLLARS_PER_MILLION_READS;
  }

  /** Dollars for this many write request units. */
  public static double writes(double writeUnits) {
    return writeUnits / 1_000_000 * DOLLARS_PER_MILLION_WRITES;
  }

  /**
   * How many times something done every {@code interval} happens in a month; 0 for a zero interval
   * (never).
   */
  public static double perMonth(Duration interval) {
    return interval.isZero() ? 0 : SECONDS_PER_MONTH / (interval.toMillis() / 1000.0);
  }

  /**
   * botconfig's monthly bill for one process: the message path costs nothing, so only the
   * background reads and the admin writes remain.
   *
   * @param poll the change-marker poll interval (0: off)
   * @param pollReadUnits read units one poll was measured to use
   * @param refresh the full-refresh interval
   * @param loadReadUnits read units one full load was measured to use
   * @param adminWritesPerDay configuration changes a day; each makes every process reload once at
   *     its next poll
   * @param writeUnitsPerWrite write units one change was measured to use (item, index, change
   *     marker)
   * @param processes how many bot processes (and so caches) read the table
   */
  public static Bill botconfig(
      Duration poll,
      double pollReadUnits,
      Duration refresh,
      double loadReadUnits,
      double adminWritesPerDay,
      double writeUnitsPerWrite,
      int processes) {
    double polls = perMonth(poll) * processes;
    double refreshes = perMonth(refresh) * processes;
    double writes = adminWritesPerDay * DAYS_PER_MONTH;
    double reloadsAfterWrites = writes * processes;
    double readUnits = polls * pollReadUnits + (refreshes + reloadsAfterWrites) * loadReadUnits;
    double writeUnits = writes * writeUnitsPerWrite;
    return new Bill(readUnits, writeUnits);
  }

  /**
   * As {@link #botconfig}, for caches that follow the table's change feed: a change costs each
   * process the read of the changed key instead of a reload of the whole table.
   *
   * @param poll the change-feed poll interval (0: off)
   * @param pollReadUnits read units one idle poll of the feed was measured to use (an eventually
   *     consistent Query: half a unit)
   * @param readUnitsPerChange read units one process uses to read a changed key (a strongly
   *     consistent GetItem: one unit)
   */
  public static Bill botconfigWithFeed(
      Duration poll,
      double pollReadUnits,
      Duration refresh,
      double loadReadUnits,
      double adminWritesPerDay,
      double writeUnitsPerWrite,
      double readUnitsPerChange,
      int processes) {
    double polls = perMonth(poll) * processes;
    double refreshes = perMonth(refresh) * processes;
    double writes = adminWritesPerDay * DAYS_PER_MONTH;
    double readUnits =
        polls * pollReadUnits + refreshes * loadReadUnits + writes * processes * readUnitsPerChange;
    return new Bill(readUnits, writes * writeUnitsPerWrite);
  }

  /**
   * The seed's Pattern 3, which is also what the running TypeScript bot does: one query of the
   * channel index for every message in an untracked channel (nothing remembers "not found").
   */
  public static Bill queryPerUntrackedMessage(
      double messagesPerDay, double trackedShare, double readUnitsPerQuery) {
    double queries = messagesPerDay * (1 - trackedShare) * DAYS_PER_MONTH;
    return new Bill(queries * readUnitsPerQuery, 0);
  }

  /**
   * The monthly price of the provisioned capacity that carries {@code bill}'s average rate (whole
   * units, at least one of each), less AWS's free tier: 0 when both fit in it.
   */
  public static double provisioned(Bill bill) {
    long reads = Math.max(1, (long) Math.ceil(bill.readUnitsPerSecond()));
    long writes = Math.max(1, (long) Math.ceil(bill.writeUnitsPerSecond()));
    return (Math.max(0, reads - FREE_TIER_UNITS) * DOLLARS_PER_RCU_HOUR
            + Math.max(0, writes - FREE_TIER_UNITS) * DOLLARS_PER_WCU_HOUR)
        * HOURS_PER_MONTH;
  }

  /**
   * Request units a month and what they cost.
   *
   * @param readUnits read request units a month
   * @param writeUnits write request units a month
   */
  public record Bill(double readUnits, double writeUnits) {
    /** On-demand dollars a month. */
    public double dollars() {
      return reads(readUnits) + writes(writeUnits);
    }

    /** Read units a second, averaged over the month. */
    public double readUnitsPerSecond() {
      return readUnits / SECONDS_PER_MONTH;
    }

    /** Write units a second, averaged over the month. */
    public double writeUnitsPerSecond() {
      return writeUnits / SECONDS_PER_MONTH;
    }
  }
}
