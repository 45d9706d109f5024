package io.github.botconfig.app.outage;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.botconfig.bot.report.AlertLimits;
import io.github.botconfig.bot.report.AuthorKind;
import io.github.botconfig.bot.report.MessagePath;
import io.github.botconfig.bot.report.PostedMessage;
import io.github.botconfig.cache.CacheListener;
import io.github.botconfig.cache.CacheStatus;
import io.github.botconfig.cache.CacheStatus.State;
import io.github.botconfig.cache.ConfigCache;
import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.dynamodb.DynamoDbClients;
import io.github.botconfig.dynamodb.DynamoDbConfigStore;
import io.github.botconfig.dynamodb.TableProvisioner;
import io.github.botconfig.dynamodb.testing.FaultProxy;
import io.github.botconfig.dynamodb.testing.FaultProxy.Fault;
import io.github.botconfig.dynamodb.testing.LocalDynamoDb;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The bot's stack — message path, cache, DynamoDB store — with DynamoDB behind a {@link
 * FaultProxy}, and dynalite itself stopped and started again on its data directory. Messages are
 * answered from memory through any outage; the cache notices, says so, and recovers by itself.
 */
class OutageIT {
  private static final GuildId GUILD = GuildId.of(1_100_000_000_000_000_000L);
  private static final int CHANNELS = 200;
  private static final int BATCH = 1_000;
  private static final int ROUNDS = 300;
  private static final Duration LIMIT = Duration.ofSeconds(30);

  @TempDir Path data;
  private LocalDynamoDb dynalite;
  private FaultProxy proxy;
  private DynamoDbClient client;
  private DynamoDbConfigStore store;
  private final StatusLatch ready = new StatusLatch(State.READY);
  private final StatusLatch stale = new StatusLatch(State.STALE);

  @BeforeEach
  void storeBehindTheProxy() {
    dynalite = LocalDynamoDb.startDynalite(data);
    proxy = FaultProxy.start(dynalite.endpoint());
    client =
        DynamoDbClients.builder()
            .endpointOverride(proxy.endpoint())
            .apiCallAttemptTimeout(Duration.ofMillis(500))
            .apiCallTimeout(Duration.ofSeconds(3))
            .build();
    TableProvisioner.builder()
        .client(client)
        .tableName("outage")
        .pollInterval(Duration.ofMillis(20))
        .build()
        .createIfMissing();
    store = DynamoDbConfigStore.builder().client(client).tableName("outage").build();
  }

  @AfterEach
  void stop() {
    client.close();
    proxy.close();
    dynalite.close();
  }

  private ConfigCache cache(Duration initialWait) {
    return ConfigCache.builder(store)
        .changePollInterval(Duration.ofMillis(100))
        .retryBackoff(Duration.ofMillis(50), Duration.ofMillis(200))
        .initialLoadWait(initialWait)
        .listener(ready)
        .listener(stale)
        .build();
  }

  private static ChannelId channel(int n) {
    return ChannelId.of(1_100_000_000_000_000_100L + n);
  }

  @Test
  void messagesAreAnsweredFromMemoryThroughAnOutageWithoutErrors() throws Exception {
    for (int i = 0; i < CHANNELS; i++) {
      store.saveChannel(ChannelConfig.of(GUILD, channel(i)));
    }
    try (ConfigCache cache = cache(LIMIT)) {
      assertThat(cache.start().isLoaded()).isTrue();
      MessagePath path = new MessagePath(cache, AlertLimits.none());
      long trackedBefore = answerRounds(path);
      long storeCallsBefore = cache.stats().storeCalls();
      long requestsBefore = proxy.requests();

      stale.arm();
      proxy.failAll(Fault.CONNECTION_RESET);
      stale.await();
      long trackedDuring = answerRounds(path);
      long failedPolls = proxy.requests() - requestsBefore;

      assertThat(cache.status().state()).isEqualTo(State.STALE);
      assertThat(cache.status().age()).isPresent();
      // The only store calls during the outage are the cache's own polls and retries, never a
      // message's lookup.
      assertThat(cache.stats().storeCalls() - storeCallsBefore).isLessThanOrEqualTo(failedPolls);
      assertThat(trackedDuring)
          .as("messages in tracked channels answered during the outage, as before it")
          .isEqualTo(trackedBefore)
          .isEqualTo((long) ROUNDS * BATCH / 10);

      ready.arm();
      proxy.heal();
      ready.await();
      assertThat(cache.status().state()).isEqualTo(State.READY);
    }
  }

  @Test
  void aStoreDownAtStartMeansFallbackThenReadyByItselfWithoutARestart() throws Exception {
    store.saveChannel(ChannelConfig.of(GUILD, channel(1)));
    dynalite.close(); // DynamoDB itself is gone

    try (ConfigCache cache = cache(Duration.ZERO)) {
      ready.arm();
      CacheStatus atStart = cache.start();
      assertThat(atStart.isLoaded()).isFalse();

      try (LocalDynamoDb restarted = LocalDynamoDb.startDynalite(data)) {
        proxy.retarget(restarted.endpoint());
        ready.await();

        assertThat(cache.status().state()).isEqualTo(State.READY);
        assertThat(cache.findChannel(channel(1))).isPresent();
        assertThat(cache.findChannel(channel(2))).isEmpty();
      }
    }
  }

  @Test
  void dynaliteRestartedOnItsDataWhileTheBotRunsKeepsEveryAcknowledgedWriteAndTheCacheRecovers()
      throws Exception {
    try (ConfigCache cache = cache(LIMIT)) {
      cache.start();
      ChannelConfig saved = cache.saveChannel(ChannelConfig.of(GUILD, channel(1)).withPin(true));
      stale.arm();
      dynalite.close();
      stale.await();
      assertThat(cache.findChannel(channel(1))).contains(saved);

      try (LocalDynamoDb restarted = LocalDynamoDb.startDynalite(data)) {
        ready.arm();
        proxy.retarget(restarted.endpoint());
        ready.await();

        assertThat(store.findChannel(channel(1))).contains(saved);
        assertThat(cache.findChannel(channel(1))).contains(saved);
      }
    }
  }

  /**
   * Sends {@code ROUNDS} batches of messages through the message path, one in ten in a tracked
   * channel, the others untracked; returns how many were found tracked and decided. How fast that
   * is with the store down is measured by JMH (config-cache's {@code OutageLookupBenchmark}), not
   * here.
   */
  private static long answerRounds(MessagePath path) {
    long tracked = 0;
    for (int round = 0; round < ROUNDS; round++) {
      for (int i = 0; i < BATCH; i++) {
        long id = i % 10 == 0 ? channel(i % CHANNELS).value() : 1_300_000_000_000_000_000L + i;
        var channel = path.trackedChannel(id);
        if (channel.isPresent()) {
          ChannelConfig c = channel.get();
          path.decide(
              c,
              new PostedMessage(
                  c.guildId().value(), AuthorKind.WEBHOOK, "Position closed +12%", Instant.EPOCH));
          tracked++;
        }
      }
    }
    return tracked;
  }

  /** Opens when the cache's status becomes {@code state} after {@link #arm()}. */
  private static final class StatusLatch implements CacheListener {
    private final State state;
    private volatile CountDownLatch latch = new CountDownLatch(1);

    StatusLatch(State state) {
      this.state = state;
    }

    StatusLatch arm() {
      latch = new CountDownLatch(1);
      return this;
    }

    @Override
    public void onStatusChanged(CacheStatus previous, CacheStatus current) {
      if (current.state() == state) {
        latch.countDown();
      }
    }

    void await() throws InterruptedException {
      if (!latch.await(LIMIT.toSeconds(), TimeUnit.SECONDS)) {
        throw new AssertionError("the cache did not become " + state + " within " + LIMIT);
      }
    }
  }
}
