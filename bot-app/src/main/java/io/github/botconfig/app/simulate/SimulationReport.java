package io.github.botconfig.app.simulate;

import io.github.botconfig.dynamodb.RequestStats;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What a simulation measured, and the monthly costs derived from it.
 *
 * @param latencies each message's time in the message path
 * @param storeRequestsDuringRun DynamoDB requests made while the messages were handled (the
 *     promise: 0)
 */
public record SimulationReport(
    SimulationOptions options,
    int trackedChannels,
    Duration loadTime,
    RequestStats load,
    RequestStats poll,
    RequestStats feedPoll,
    RequestStats changeRead,
    RequestStats indexQuery,
    RequestStats channelWrites,
    Duration runTime,
    Simulation.Latencies latencies,
    Simulation.AnswerCounter answers,
    long storeRequestsDuringRun) {

  public double messagesPerSecond() {
    return options.messages() / (runTime.toNanos() / 1e9);
  }

  /**
   * The time below which {@code fraction} of the messages in untracked channels were handled, in
   * nanoseconds.
   */
  public long untrackedPercentile(double fraction) {
    return Simulation.Latencies.percentile(latencies.untracked(), fraction);
  }

  /**
   * The time below which {@code fraction} of the messages in tracked channels were handled, in
   * nanoseconds.
   */
  public long trackedPercentile(double fraction) {
    return Simulation.Latencies.percentile(latencies.tracked(), fraction);
  }

  /**
   * Write units one configuration change uses: the item and the change marker as measured, plus the
   * index entry, which DynamoDB bills and local servers do not report.
   */
  public double writeUnitsPerChange() {
    double measured =
        trackedChannels == 0 ? 0 : channelWrites.writeCapacityUnits() / trackedChannels;
    return measured + CostModel.INDEX_WRITE_UNITS_PER_CHANNEL_WRITE;
  }

  /**
   * Read units of one index query that finds nothing, as DynamoDB bills it (at least its minimum).
   */
  public double readUnitsPerIndexQuery() {
    return Math.max(
        indexQuery.readCapacityUnits(), CostModel.MIN_EVENTUALLY_CONSISTENT_QUERY_UNITS);
  }

  /** The poll interval of the design before the change feed, for the comparison. */
  public static final Duration MARKER_POLL = Duration.ofSeconds(30);

  /**
   * Read units of one idle poll of the change feed, as DynamoDB bills it (at least its minimum).
   */
  public double readUnitsPerFeedPoll() {
    return Math.max(feedPoll.readCapacityUnits(), CostModel.MIN_EVENTUALLY_CONSISTENT_QUERY_UNITS);
  }

  /** Read units one process uses per change made elsewhere: the GetItem of the changed key. */
  public double readUnitsPerChangeRead() {
    return changeRead.readCapacityUnits();
  }

  /** This design: the caches follow the change feed. */
  public CostModel.Bill botconfigBill() {
    return CostModel.botconfigWithFeed(
        options.changePollInterval(),
        readUnitsPerFeedPoll(),
        options.refreshInterval(),
        load.readCapacityUnits(),
        options.adminWritesPerDay(),
        writeUnitsPerChange(),
        readUnitsPerChangeRead(),
        1);
  }

  /** The design before the change feed: a 30 s marker poll, a full reload per change. */
  public CostModel.Bill markerBill() {
    return CostModel.botconfig(
        MARKER_POLL,
        poll.readCapacityUnits(),
        options.refreshInterval(),
        load.readCapacityUnits(),
        options.adminWritesPerDay(),
        writeUnitsPerChange(),
        1);
  }

  public CostModel.Bill pattern3Bill() {
    return CostModel.queryPerUntrackedMessage(
        (double) options.messagesPerDay(), options.trackedShare(), readUnitsPerIndexQuery());
  }

  /** The report's figures by name (what {@code simulate --json} prints), in print order. */
  public Map<String, Object> figures() {
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("messages", options.messages());
    figures.put("guilds", options.guilds());
    figures.put("channelsPerGuild", options.channelsPerGuild());
    figures.put("trackedShare", options.trackedShare());
    figures.put("trackedChannels", trackedChannels);
    figures.put("loadMillis", loadTime.toMillis());
    figures.put("loadScanPages", load.calls("Scan"));
    figures.put("loadReadUnits", load.readCapacityUnits());
    figures.put("messagesPerSecond", messagesPerSecond());
    figures.put("runMillis", runTime.toMillis());
    figures.put("untrackedP50Nanos", untrackedPercentile(0.5));
    figures.put("untrackedP99Nanos", untrackedPercentile(0.99));
    figures.put("trackedP50Nanos", trackedPercentile(0.5));
    figures.put("trackedP99Nanos", trackedPercentile(0.99));
    figures.put("alerts", answers.alerts);
    figures.put("mentions", answers.mentions);
    figures.put("pins", answers.pins);
    figures.put("cards", answers.images);
    figures.put("storeRequestsDuringRun", storeRequestsDuringRun);
    figures.put("messagesPerDay", options.messagesPerDay());
    figures.put("monthlyDollars", botconfigBill().dollars());
    figures.put("monthlyReadUnits", botconfigBill().readUnits());
    figures.put("monthlyWriteUnits", botconfigBill().writeUnits());
    figures.put("pattern3MonthlyDollars", pattern3Bill().dollars());
    return figures;
  }

  public void print(PrintWriter out) {
    SimulationOptions o = options;
    out.printf(
        Locale.ROOT,
        "botconfig simulate: %,d messages, %,d guilds × %d tracked channels, %s %% of messages in tracked channels%n",
        o.messages(),
        o.guilds(),
        o.channelsPerGuild(),
        number(o.trackedShare() * 100));
    out.printf(
        Locale.ROOT,
        "  load             %,d channels in %d ms: %d Scan page(s), %s read units%n",
        trackedChannels,
        loadTime.toMillis(),
        load.calls("Scan"),
        number(load.readCapacityUnits()));
    out.printf(
        Locale.ROOT,
        "  message path     %,.0f messages/s (%,d messages in %d ms, one thread)%n",
        messagesPerSecond(),
        o.messages(),
        runTime.toMillis());
    out.printf(
        Locale.ROOT,
        "  latency          untracked channel: p50 %d ns, p99 %d ns (%,d messages: the lookup); tracked: p50 %,d ns, p99 %,d ns (%,d: lookup and policy); nanoTime included%n",
        untrackedPercentile(0.5),
        untrackedPercentile(0.99),
        latencies.untracked().length,
        trackedPercentile(0.5),
        trackedPercentile(0.99),
        latencies.tracked().length);
    out.printf(
        Locale.ROOT,
        "  answers          %,d alerts: %,d with a mention, %,d pinned, %,d with a card (Discord replaced by a counter)%n",
        answers.alerts,
        answers.mentions,
        answers.pins,
        answers.images);
    out.printf(
        Locale.ROOT,
        "  store requests   %d during the run (change polling paused while measuring)%n",
        storeRequestsDuringRun);
    CostModel.Bill ours = botconfigBill();
    CostModel.Bill seed = pattern3Bill();
    out.printf(
        Locale.ROOT,
        "monthly DynamoDB cost at %,d messages a day (on-demand, $%s per million reads, $%s per million writes):%n",
        o.messagesPerDay(),
        number(CostModel.DOLLARS_PER_MILLION_READS),
        number(CostModel.DOLLARS_PER_MILLION_WRITES));
    CostModel.Bill before = markerBill();
    out.printf(
        Locale.ROOT,
        "  botconfig                      $%.4f  %,.0f read units (change-feed polls every %ss × %s, refreshes every %dm × %s, %s read units per change in each process, %s changes a day), %,.0f write units (%s a change)%n",
        ours.dollars(),
        ours.readUnits(),
        number(o.changePollInterval().toMillis() / 1000.0),
        number(readUnitsPerFeedPoll()),
        o.refreshInterval().toMinutes(),
        number(load.readCapacityUnits()),
        number(readUnitsPerChangeRead()),
        number(o.adminWritesPerDay()),
        ours.writeUnits(),
        number(writeUnitsPerChange()));
    out.printf(
        Locale.ROOT,
        "  botconfig before the feed      $%.4f  %,.0f read units (marker polls every %ds × %s, a full reload of %s units per change in each process)%n",
        before.dollars(),
        before.readUnits(),
        MARKER_POLL.toSeconds(),
        number(poll.readCapacityUnits()),
        number(load.readCapacityUnits()));
    out.printf(
        Locale.ROOT,
        "  seed Pattern 3 / running bot   $%.4f  %,.0f read units (an index query, %s units, per message in an untracked channel)%n",
        seed.dollars(),
        seed.readUnits(),
        number(readUnitsPerIndexQuery()));
    out.printf(
        Locale.ROOT,
        "  (units as DynamoDB bills them: measured on this server, plus what local servers leave out — the index write of"
            + " a channel change, the %s-unit minimum of a query that finds nothing)%n",
        number(CostModel.MIN_EVENTUALLY_CONSISTENT_QUERY_UNITS));
    out.printf(
        Locale.ROOT,
        "on provisioned capacity ($%s per RCU-hour, $%s per WCU-hour, %d of each free), sized for the average rate:%n",
        number(CostModel.DOLLARS_PER_RCU_HOUR),
        number(CostModel.DOLLARS_PER_WCU_HOUR),
        CostModel.FREE_TIER_UNITS);
    out.printf(
        Locale.ROOT,
        "  botconfig                      $%.2f  %.3f RCU, %.5f WCU on average; a full load (%s units) takes %.1f s at %d RCU without burst credit%n",
        CostModel.provisioned(ours),
        ours.readUnitsPerSecond(),
        ours.writeUnitsPerSecond(),
        number(load.readCapacityUnits()),
        load.readCapacityUnits() / CostModel.FREE_TIER_UNITS,
        CostModel.FREE_TIER_UNITS);
    out.printf(
        Locale.ROOT,
        "  seed Pattern 3 / running bot   $%.2f  %.1f RCU on average, more at peaks (then throttled, or a larger table)%n",
        CostModel.provisioned(seed),
        seed.readUnitsPerSecond());
  }

  private static String number(double value) {
    return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }
}
