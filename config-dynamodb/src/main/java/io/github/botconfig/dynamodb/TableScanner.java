package io.github.botconfig.dynamodb;

import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ConfigSnapshot;
import io.github.botconfig.domain.GuildSettings;
import io.github.botconfig.domain.LiveBoard;
import io.github.botconfig.domain.SettingsSchema;
import io.github.botconfig.domain.StoreUnavailableException;
import io.github.botconfig.domain.UnreadableItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * Reads the whole table: every page of every segment, or nothing. Thread-safe (keeps no state
 * between loads).
 *
 * <p>Reads are strongly consistent: a cache that reloads because the change marker moved must see
 * the write that moved it.
 */
final class TableScanner {
  private final DynamoDbClient client;
  private final StoreErrors errors;
  private final MalformedItemLog malformedLog;
  private final int segments;
  private final SettingsSchema schema;

  TableScanner(
      DynamoDbClient client,
      StoreErrors errors,
      MalformedItemLog malformedLog,
      int segments,
      SettingsSchema schema) {
    this.client = client;
    this.errors = errors;
    this.malformedLog = malformedLog;
    this.segments = segments;
    this.schema = schema;
  }

  /**
   * The snapshot and the report of one complete scan, and the channel items found without their
   * index keys (keys only), for the store to repair.
   */
  record Result(
      ConfigSnapshot snapshot, LoadReport report, List<Map<String, AttributeValue>> unindexed) {}

  /**
   * @throws StoreUnavailableException if any page of any segment cannot be read
   */
  Result scan() {
    List<Segment> results = segments == 1 ? List.of(scanSegment(0)) : scanInParallel();
    ConfigSnapshot.Builder snapshot = ConfigSnapshot.builder();
    long items = 0;
    int pages = 0;
    int other = 0;
    List<String> malformed = new ArrayList<>();
    List<Map<String, AttributeValue>> unindexed = new ArrayList<>();
    for (Segment segment : results) {
      unindexed.addAll(segment.unindexed);
      segment.channels.forEach(snapshot::addChannel);
      segment.settings.forEach(snapshot::addSettings);
      segment.boards.forEach(snapshot::addBoard);
      segment.unreadable.forEach(snapshot::addUnreadable);
      items += segment.items;
      pages += segment.pages;
      other += segment.other;
      malformed.addAll(segment.malformed);
    }
    ConfigSnapshot built = snapshot.build();
    LoadReport report =
        new LoadReport(
            items,
            pages,
            built.channels().size(),
            built.settings().size(),
            built.boards().size(),
            other,
            malformed.size(),
            malformed.subList(0, Math.min(malformed.size(), LoadReport.MAX_LISTED)),
            built.discardedDuplicates().size(),
            unindexed.size(),
            0);
    return new Result(built, report, List.copyOf(unindexed));
  }

  private List<Segment> scanInParallel() {
    AtomicInteger threads = new AtomicInteger();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            segments,
            task -> {
              Thread thread = new Thread(task, "botconfig-scan-" + threads.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    try {
      List<Future<Segment>> futures = new ArrayList<>();
      for (int i = 0; i < segments; i++) {
        int segment = i;
        futures.add(pool.submit(() -> scanSegment(segment)));
      }
      List<Segment> results = new ArrayList<>();
      for (Future<Segment> future : futures) {
        results.add(future.get());
      }
      return results;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException) {
        throw (RuntimeException) e.getCause();
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreUnavailableException(
          "could not load the configuration from table '" + errors.tableName() + "': interrupted",
          e);
    } finally {
      pool.shutdownNow();
    }
  }

  private Segment scanSegment(int segment) {
    ScanRequest.Builder request =
        ScanRequest.builder()
            .tableName(errors.tableName())
            .consistentRead(true)
            .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL);
    if (segments > 1) {
      request.segment(segment).totalSegments(segments);
    }
    Segment result = new Segment();
    try {
      // The paginator follows LastEvaluatedKey: a scan page holds at most 1 MB, never the whole
      // table.
      for (ScanResponse page : client.scanPaginator(request.build())) {
        result.pages++;
        page.items().forEach(result::add);
      }
    } catch (SdkException e) {
      String where = segments > 1 ? " (segment " + (segment + 1) + " of " + segments + ")" : "";
      String progress = result.pages == 0 ? "" : " (" + result.pages + " pages were read)";
      throw errors.unavailable("load the configuration" + where + progress, e);
    }
    return result;
  }

  /** What one segment found. Confined to the thread that scans it. */
  private final class Segment {
    final SharedValues shared = SharedValues.forOneLoad(schema);
    final List<ChannelConfig> channels = new ArrayList<>();
    final List<GuildSettings> settings = new ArrayList<>();
    final List<LiveBoard> boards = new ArrayList<>();
    final List<String> malformed = new ArrayList<>();
    final List<UnreadableItem> unreadable = new ArrayList<>();
    final List<Map<String, AttributeValue>> unindexed = new ArrayList<>();
    long items;
    int pages;
    int other;

    void add(Map<String, AttributeValue> item) {
      items++;
      if (IndexKeyRepair.lacksIndexKeys(item)) {
        unindexed.add(
            Map.of(
                TableLayout.PK,
                item.get(TableLayout.PK),
                TableLayout.SK,
                item.get(TableLayout.SK)));
      }
      ItemDecoder.Decoded decoded = ItemDecoder.decode(item, shared);
      if (decoded.value() instanceof ChannelConfig channel) {
        channels.add(channel);
      } else if (decoded.value() instanceof GuildSettings guildSettings) {
        settings.add(guildSettings);
      } else if (decoded.value() instanceof LiveBoard board) {
        boards.add(board);
      } else if (decoded.readable()) {
        other++;
      } else {
        malformed.add(
            malformedLog.report(
                item, new MalformedItemException(String.valueOf(decoded.problem()))));
        decoded.unreadable(item).ifPresent(unreadable::add);
      }
    }
  }
}
