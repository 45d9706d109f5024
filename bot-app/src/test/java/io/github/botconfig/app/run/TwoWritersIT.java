package io.github.botconfig.app.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.botconfig.cache.ConfigCache;
import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.dynamodb.DynamoDbClients;
import io.github.botconfig.dynamodb.DynamoDbConfigStore;
import io.github.botconfig.dynamodb.testing.FaultProxy;
import io.github.botconfig.dynamodb.testing.LocalDynamoDbExtension;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Two processes write the same channel at once — both read version 1, then both write: exactly one
 * wins the race, the other's write is refused (it never overwrites the winner's), so it reads
 * again, re-applies its own change and writes that; both changes are kept, and two running caches
 * (two bot instances) converge on the result.
 */
class TwoWritersIT {
  @RegisterExtension
  static final LocalDynamoDbExtension DYNAMODB = LocalDynamoDbExtension.dynalite();

  private static final GuildId GUILD = GuildId.of(1_100_000_000_000_000_000L);
  private static final ChannelId CHANNEL = ChannelId.of(1_100_000_000_000_000_010L);
  private static final Duration LIMIT = Duration.ofSeconds(60);

  /** Holds each write back long enough for both processes to have read before either writes. */
  private static final Duration WRITE_DELAY =
      Duration.ofMillis(2_000); // below the CLI's 3 s attempt timeout

  @Test
  void twoSimultaneousWritersBothKeepTheirChangeNeitherOverwritesTheOtherAndBothCachesConverge()
      throws Exception {
    DynamoDbConfigStore store = DYNAMODB.newStore(Clock.systemUTC());
    store.saveChannel(ChannelConfig.of(GUILD, CHANNEL));
    try (FaultProxy proxy = FaultProxy.start(DYNAMODB.endpoint());
        DynamoDbClient firstClient =
            DynamoDbClients.builder().endpointOverride(DYNAMODB.endpoint()).build();
        DynamoDbClient secondClient =
            DynamoDbClients.builder().endpointOverride(DYNAMODB.endpoint()).build();
        ConfigCache firstBot = cacheOf(firstClient, store.tableName());
        ConfigCache secondBot = cacheOf(secondClient, store.tableName())) {
      firstBot.start();
      secondBot.start();
      proxy.delay(WRITE_DELAY, "UpdateItem");
      Map<String, String> environment =
          Map.of(
              "AWS_ENDPOINT_URL_DYNAMODB",
              proxy.endpoint().toString(),
              "BOTCONFIG_TABLE",
              store.tableName());

      int pinWriter;
      int imageWriter;
      String output;
      try (BotProcess pin =
              BotProcess.start(
                  environment,
                  "channels",
                  "set",
                  "--guild",
                  GUILD.toString(),
                  "--channel",
                  CHANNEL.toString(),
                  "--pin",
                  "true");
          BotProcess image =
              BotProcess.start(
                  environment,
                  "channels",
                  "set",
                  "--guild",
                  GUILD.toString(),
                  "--channel",
                  CHANNEL.toString(),
                  "--image",
                  "true")) {
        pinWriter = pin.awaitExit(LIMIT);
        imageWriter = image.awaitExit(LIMIT);
        output = pin.output() + "\n" + image.output();
      }

      assertThat(List.of(pinWriter, imageWriter)).as(output).containsExactly(0, 0);
      ChannelConfig stored = store.findChannels(GUILD).get(0);
      assertThat(stored.version()).as("the loser's refused write changed nothing").isEqualTo(3);
      assertThat(stored.pin()).isTrue();
      assertThat(stored.image()).isTrue();
      awaitEqual(firstBot, stored);
      awaitEqual(secondBot, stored);
    }
  }

  private static ConfigCache cacheOf(DynamoDbClient client, String table) {
    DynamoDbConfigStore store =
        DynamoDbConfigStore.builder().client(client).tableName(table).build();
    return ConfigCache.builder(store).changePollInterval(Duration.ofMillis(100)).build();
  }

  /**
   * Waits (at most 10 s) until the cache serves {@code expected}; the caches poll the change marker
   * every 100 ms.
   */
  private static void awaitEqual(ConfigCache cache, ChannelConfig expected)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!cache.findChannel(CHANNEL).equals(Optional.of(expected))) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "the cache still serves " + cache.findChannel(CHANNEL) + ", not " + expected);
      }
      cache.refreshNow().join();
    }
  }
}
