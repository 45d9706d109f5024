package io.github.botconfig.app.simulate;

import io.github.botconfig.bot.report.Alert;
import io.github.botconfig.bot.report.AlertLimits;
import io.github.botconfig.bot.report.AuthorKind;
import io.github.botconfig.bot.report.Decision;
import io.github.botconfig.bot.report.MessagePath;
import io.github.botconfig.bot.report.PostedMessage;
import io.github.botconfig.cache.CacheStatus;
import io.github.botconfig.cache.ConfigCache;
import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.ConfigKey;
import io.github.botconfig.domain.StoreUnavailableException;
import io.github.botconfig.dynamodb.DynamoDbConfigStore;
import io.github.botconfig.dynamodb.RequestMetrics;
import io.github.botconfig.dynamodb.RequestStats;
import io.github.botconfig.dynamodb.TableProvisioner;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbWaiter;

/**
 * One run of {@code botconfig simulate}: a temporary table filled with synthetic channels, a cache
 * loaded from it, and the message path driven over synthetic messages, with Discord replaced by a
 * counter. The table is deleted at the end, whatever happens.
 */
public final class Simulation {
  /** How many messages warm the JIT up before anything is measured. */
  private static final int WARM_UP = 200_000;

  /**
   * When the simulated reports were posted: the policy does not look, the live board is not kept.
   */
  private static final Instant POSTED_AT = Instant.EPOCH;

  private final DynamoDbClient client;
  private final RequestMetrics metrics;
  private final SimulationOptions options;
  private final Consumer<String> progress;

  public Simulation(DynamoDbClient client, RequestMetrics metrics, SimulationOptions options) {
    this(client, metrics, options, step -> {});
  }

  /**
   * @param progress told each step of a long run (for stderr): the table, the writes, the load, the
   *     messages, the clean-up
   */
  public Simulation(
      DynamoDbClient client,
      RequestMetrics metrics,
      SimulationOptions options,
      Consumer<String> progress) {
    this.client = client;
    this.metrics = metrics;
    this.options = options;
    this.progress = progress;
  }

  /** Runs it; the report says what was measured. */
  public SimulationReport run() {
    String table = "botconfig-simulate-" + UUID.randomUUID().toString().substring(0, 8);
    TableProvisioner provisioner =
        TableProvisioner.builder().client(client).tableName(table).build();
    progress.accept("creating the temporary table " + table);
    provisioner.createIfMissing();
    try {
      return runOn(table);
    } finally {
      delete(table);
    }
  }

  /**
   * Deletes the temporary table and waits until it is gone: a process that exits while the table is
   * still DELETING can leave it so on a local server. A table that could not be deleted is named,
   * with the command that deletes it.
   */
  private void delete(String table) {
    progress.accept("deleting the temporary table " + table);
    try {
      client.deleteTable(request -> request.tableName(table));
      try (DynamoDbWaiter waiter =
          DynamoDbWaiter.builder()
              .client(client)
              .overrideConfiguration(
                  WaiterOverrideConfiguration.builder()
                      .backoffStrategyV2(
                          BackoffStrategy.fixedDelayWithoutJitter(Duration.ofMillis(200)))
                      .waitTimeout(Duration.ofMinutes(2))
                      .build())
              .build()) {
        waiter.waitUntilTableNotExists(request -> request.tableName(table));
      }
    } catch (SdkException e) {
      progress.accept(
          "warning: the temporary table "
              + table
              + " could not be deleted ("
              + e.getMessage()
              + "); delete it with: aws dynamodb delete-table --table-name "
              + table);
    }
  }

  private SimulationReport runOn(String table) {
    DynamoDbConfigStore store =
        DynamoDbConfigStore.builder().client(client).tableName(table).build();
    Traffic traffic =
        Traffic.generate(
            options.guilds(),
            options.channelsPerGuild(),
            options.trackedShare(),
            options.messages(),
            42);
    RequestStats beforeWrites = metrics.snapshot();
    int total = traffic.channels.size();
    int written = 0;
    for (ChannelConfig channel : traffic.channels) {
      store.saveChannel(channel);
      written++;
      if (written == total || written % Math.max(1, total / 10) == 0) {
        progress.accept("wrote " + written + " of " + total + " channels");
      }
    }
    RequestStats writes = metrics.snapshot().since(beforeWrites);

    // Polling off while measuring: any request during the run can then only come from the message
    // path.
    ConfigCache cache =
        ConfigCache.builder(store)
            .changePollInterval(Duration.ZERO)
            .refreshInterval(Duration.ofDays(1))
            .initialLoadWait(Duration.ofMinutes(1))
            .build();
    try {
      RequestStats beforeLoad = metrics.snapshot();
      long loadStart = System.nanoTime();
      progress.accept("loading the cache");
      CacheStatus status = cache.start();
      Duration loadTime = Duration.ofNanos(System.nanoTime() - loadStart);
      if (!status.isLoaded()) {
        throw new StoreUnavailableException(
            "the simulation's table could not be loaded: " + status);
      }
      RequestStats load = metrics.snapshot().since(beforeLoad);

      RequestStats beforePoll = metrics.snapshot();
      store.changeMarker();
      RequestStats poll = metrics.snapshot().since(beforePoll);
      long position = store.changeFeedPosition().orElse(0);
      RequestStats beforeFeedPoll = metrics.snapshot();
      store.changesAfter(position);
      RequestStats feedPoll = metrics.snapshot().since(beforeFeedPoll);
      ChannelConfig someChannel = traffic.channels.get(0);
      RequestStats beforeChangeRead = metrics.snapshot();
      store.read(List.of(ConfigKey.channel(someChannel.guildId(), someChannel.channelId())));
      RequestStats changeRead = metrics.snapshot().since(beforeChangeRead);
      RequestStats beforeQuery = metrics.snapshot();
      store.findChannel(
          ChannelId.of(Long.MAX_VALUE)); // untracked: what Pattern 3 does for such a message
      RequestStats query = metrics.snapshot().since(beforeQuery);

      // Unlimited: the simulation counts what the policy decides, not what a channel's limits let
      // out.
      MessagePath path = new MessagePath(cache, AlertLimits.none());
      AnswerCounter answers = new AnswerCounter();
      drive(path, traffic, Math.min(WARM_UP, traffic.messageChannels.length), new AnswerCounter());

      progress.accept(
          "driving " + traffic.messageChannels.length + " messages through the message path");
      RequestStats beforeRun = metrics.snapshot();
      long storeCallsBefore = cache.stats().storeCalls();
      long start = System.nanoTime();
      drive(path, traffic, traffic.messageChannels.length, answers);
      Duration runTime = Duration.ofNanos(System.nanoTime() - start);
      progress.accept("timing each message");
      Latencies latencies = timeEach(path, traffic);
      RequestStats during = metrics.snapshot().since(beforeRun);
      long cacheStoreCalls = cache.stats().storeCalls() - storeCallsBefore;

      return new SimulationReport(
          options,
          traffic.channels.size(),
          loadTime,
          load,
          poll,
          feedPoll,
          changeRead,
          query,
          writes,
          runTime,
          latencies,
          answers,
          during.calls() + cacheStoreCalls);
    } finally {
      cache.close();
    }
  }

  private static void drive(MessagePath path, Traffic traffic, int count, AnswerCounter answers) {
    long[] channels = traffic.messageChannels;
    String[] texts = traffic.messageTexts;
    for (int m = 0; m < count; m++) {
      handle(path, channels[m], texts[m], answers);
    }
  }

  /** The same messages again, each timed: lookup, and for a tracked channel the policy too. */
  private static Latencies timeEach(MessagePath path, Traffic traffic) {
    long[] channels = traffic.messageChannels;
    String[] texts = traffic.messageTexts;
    long[] untracked = new long[channels.length];
    long[] tracked = new long[channels.length];
    int u = 0;
    int t = 0;
    AnswerCounter counter = new AnswerCounter();
    for (int m = 0; m < channels.length; m++) {
      long before = counter.handled;
      long start = System.nanoTime();
      handle(path, channels[m], texts[m], counter);
      long took = System.nanoTime() - start;
      if (counter.handled == before) {
        untracked[u++] = took;
      } else {
        tracked[t++] = took;
      }
    }
    return new Latencies(sorted(untracked, u), sorted(tracked, t));
  }

  private static long[] sorted(long[] values, int count) {
    long[] copy = Arrays.copyOf(values, count);
    Arrays.sort(copy);
    return copy;
  }

  /**
   * Each message's time in the message path, in nanoseconds, ascending, apart for untracked and
   * tracked channels.
   */
  @SuppressWarnings(
      "ArrayRecordComponent") // never compared or hashed: it carries two sorted copies
  record Latencies(long[] untracked, long[] tracked) {
    /** The time below which {@code fraction} of the messages went; 0 when there were none. */
    static long percentile(long[] sorted, double fraction) {
      if (sorted.length == 0) {
        return 0;
      }
      int index = (int) Math.ceil(fraction * sorted.length) - 1;
      return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
  }

  private static void handle(MessagePath path, long channelId, String text, AnswerCounter answers) {
    Optional<ChannelConfig> channel = path.trackedChannel(channelId);
    if (channel.isPresent()) {
      answers.handled++;
      // Reports arrive through webhooks.
      PostedMessage message =
          new PostedMessage(channel.get().guildId().value(), AuthorKind.WEBHOOK, text, POSTED_AT);
      if (path.decide(channel.get(), message) instanceof Decision.Report report
          && report.alert().isPresent()) {
        answers.count(report.alert().get());
      }
    }
  }

  /** Discord, replaced by a counter of what the bot would have sent. */
  static final class AnswerCounter {
    /** Messages in tracked channels. */
    long handled;

    long alerts;
    long mentions;
    long pins;
    long images;

    void count(Alert alert) {
      alerts++;
      if (alert.mention().isPresent()) {
        mentions++;
      }
      if (alert.pin()) {
        pins++;
      }
      if (alert.image()) {
        images++;
      }
    }
  }
}
