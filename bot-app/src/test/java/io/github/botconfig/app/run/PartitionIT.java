package io.github.botconfig.app.run;

import static io.github.botconfig.app.run.BotFleet.reports;
import static io.github.botconfig.app.run.BotFleet.spare;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.botconfig.bot.testing.FakeDiscord;
import io.github.botconfig.bot.testing.InteractionReply;
import io.github.botconfig.dynamodb.DynamoDbConfigStore;
import io.github.botconfig.dynamodb.testing.LocalDynamoDbExtension;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A network partition between one {@code botconfig run} process and the store. Two processes, one
 * shard each, of one fake Discord on one dynalite; the process of shard 1 runs in a network
 * namespace this test makes (veth pairs, loopback-range addresses only: {@link NetworkNamespace}),
 * so that taking one link down cuts its path to the store and nothing else. While cut, it keeps
 * answering its guild from memory, reports itself degraded and its cache stale, and refuses a
 * {@code /config} write rather than claim it; when the path returns, it catches up on what the
 * others wrote meanwhile by the change feed, with no full load. Skipped, saying why, where
 * namespaces cannot be made (not root, no {@code ip}).
 */
class PartitionIT {
  @RegisterExtension
  static final LocalDynamoDbExtension DYNAMODB = LocalDynamoDbExtension.dynalite();

  private static final Duration BOUND = Duration.ofSeconds(15);

  /**
   * After a failed poll the cache retries with a doubling backoff (1 s, 2 s, 4 s, … 5 min): after a
   * cut of about half a minute, the first retry after the path returns is at most ~32 s away.
   */
  private static final Duration CATCH_UP = Duration.ofSeconds(60);

  private static final int CUT_OFF = 1;

  private FakeDiscord discord;
  private DynamoDbConfigStore table;
  private NetworkNamespace namespace;
  private TcpRelay toDiscord;
  private TcpRelay toStore;
  private BotFleet bots;

  @BeforeAll
  static void namespacesCanBeMade() {
    NetworkNamespace.whyUnavailable()
        .ifPresent(why -> Assumptions.abort("PartitionIT skipped: " + why));
  }

  @BeforeEach
  void twoProcessesOneInItsOwnNetworkNamespace() throws Exception {
    discord = FakeDiscord.start(2);
    table = DYNAMODB.newStore(Clock.systemUTC());
    for (int s = 0; s < 2; s++) {
      BotFleet.seedGuild(discord, table, s, 3, false);
    }
    namespace = NetworkNamespace.create();
    URI rest = URI.create(discord.restConfig().getBaseUrl());
    toDiscord = TcpRelay.start(namespace.discordSide(), rest.getPort());
    toStore = TcpRelay.start(namespace.storeSide(), DYNAMODB.endpoint().getPort());

    Map<String, String> environment =
        BotFleet.environment(discord, DYNAMODB.endpoint(), table.tableName());
    bots = new BotFleet(environment, 2);
    bots.launch(0);
    String discordThere = namespace.discordSide() + ":" + toDiscord.port();
    bots.launchIn(
        namespace,
        CUT_OFF,
        Map.of(
            "AWS_ENDPOINT_URL_DYNAMODB",
            "http://" + namespace.storeSide() + ":" + toStore.port(),
            "BOTCONFIG_DISCORD_REST_URL",
            "http://" + discordThere + rest.getPath(),
            "BOTCONFIG_DISCORD_GATEWAY_URL",
            "ws://" + discordThere + "/",
            "BOTCONFIG_HEALTH_ADDRESS",
            namespace.insideAddress()));
    bots.awaitRunning(0);
    bots.awaitRunning(CUT_OFF);
  }

  @AfterEach
  void stop() throws Exception {
    try {
      if (bots != null) {
        bots.close();
      }
      if (discord != null) {
        discord.close();
      }
    } finally {
      for (AutoCloseable closeable : new AutoCloseable[] {toDiscord, toStore, namespace}) {
        try {
          if (closeable != null) {
            closeable.close();
          }
        } catch (Exception e) {
          // Tearing down: the rest still has to go.
        }
      }
    }
  }

  @Test
  void aProcessCutOffFromTheStoreServesFromMemoryReportsItAndCatchesUpWhenThePathReturns()
      throws Exception {
    bots.awaitEveryProcessHolds(2, bots.allShards(), BOUND);
    bots.awaitHealth(CUT_OFF, h -> h.path("status").asText().equals("UP"), "UP", BOUND);
    long loadsBefore = bots.health(CUT_OFF).path("cache").path("loads").asLong();

    namespace.cutStorePath();
    long cut = System.nanoTime();

    // Another process writes: the process still connected sees it, the cut-off one cannot.
    bots.trackByCli(CUT_OFF, spare(CUT_OFF, 0));
    bots.awaitEveryProcessHolds(3, List.of(0), BOUND);

    // The cut-off process says so: degraded (still serving), its cache stale, the table
    // unreachable.
    bots.awaitHealth(
        CUT_OFF,
        h ->
            h.path("status").asText().equals("DEGRADED")
                && h.path("cache").path("state").asText().equals("STALE")
                && !h.path("store").path("reachable").asBoolean(true),
        "DEGRADED, its cache STALE and the table unreachable",
        Duration.ofSeconds(45));
    long noticed = (System.nanoTime() - cut) / 1_000_000;
    JsonNode cutOff = bots.health(CUT_OFF);
    assertThat(cutOff.path("cache").path("channels").asInt())
        .as("what it held before the cut, neither emptied nor guessed")
        .isEqualTo(2);

    // It still answers its guild from memory: the message path needs no store.
    int before = BotFleet.posts(discord, reports(CUT_OFF));
    discord.postWebhookMessage(reports(CUT_OFF), "Position closed — Take profit: +7%");
    BotFleet.awaitPosts(discord, reports(CUT_OFF), before + 1, BOUND);

    // A /config write there cannot reach the table: it is not claimed as done.
    InteractionReply refused = track(CUT_OFF, spare(CUT_OFF, 1));
    assertThat(refused.content()).doesNotStartWith("✅");
    System.out.printf(
        "PartitionIT: noticed %d ms after the cut (/healthz %s, cache %s: %s); /config answered:"
            + " %s%n",
        noticed,
        cutOff.path("status").asText(),
        cutOff.path("cache").path("state").asText(),
        cutOff.path("cache").path("lastFailure").asText(),
        refused.content());

    namespace.healStorePath();
    long healed = System.nanoTime();

    // Back on the path, it catches up on what the table holds (the CLI's write; and the refused
    // one too if its request, retransmitted by the kernel once the link was back, reached the
    // table after all: the feed lists it like any other write).
    Duration caughtUp =
        bots.awaitHealth(
            CUT_OFF,
            h ->
                h.path("cache").path("channels").asInt() == table.loadAll().channels().size()
                    && h.path("cache").path("state").asText().equals("READY"),
            "the channels the table holds, its cache READY",
            CATCH_UP);
    bots.awaitHealth(
        CUT_OFF, h -> h.path("status").asText().equals("UP"), "UP again", Duration.ofSeconds(30));
    JsonNode after = bots.health(CUT_OFF);
    int stored = table.loadAll().channels().size();
    System.out.printf(
        "PartitionIT: cut for %d s; caught up %d ms after the path returned (loads %d -> %d, gaps"
            + " %d, changes applied %d; the refused write %s the table)%n",
        (healed - cut) / 1_000_000_000,
        caughtUp.toMillis(),
        loadsBefore,
        after.path("cache").path("loads").asLong(),
        after.path("cache").path("changeGaps").asLong(),
        after.path("cache").path("changesApplied").asLong(),
        stored == 4 ? "reached" : "never reached");
    assertThat(after.path("cache").path("loads").asLong() - loadsBefore)
        .as("caught up by the feed; a full load only to heal a hole a lost request left")
        .isLessThanOrEqualTo(after.path("cache").path("changeGaps").asLong());
    bots.awaitEveryProcessHolds(stored, bots.allShards(), BOUND);

    // And it serves the channel tracked while it was cut off.
    before = BotFleet.posts(discord, spare(CUT_OFF, 0));
    discord.postWebhookMessage(spare(CUT_OFF, 0), "Position closed — Stop loss: -2%");
    BotFleet.awaitPosts(discord, spare(CUT_OFF, 0), before + 1, BOUND);
  }

  private InteractionReply track(int shard, long channel) {
    return discord.awaitInteractionReply(BotFleet.trackAsync(discord, shard, channel));
  }
}
