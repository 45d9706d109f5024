package io.github.botconfig.app.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.botconfig.app.cli.CliRun;
import io.github.botconfig.cache.ConfigCache;
import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ConfigSnapshot;
import io.github.botconfig.domain.Threshold;
import io.github.botconfig.dynamodb.DynamoDbConfigStore;
import io.github.botconfig.dynamodb.testing.LocalDynamoDbExtension;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A process writing with the CLI is killed ({@code kill -9}) in the middle of a burst: afterwards
 * every item is whole (the old or the new version, never a mix), every acknowledged write is there,
 * {@code doctor} finds a healthy table, and a bot starting again loads it all.
 */
class CrashIT {
  @RegisterExtension
  static final LocalDynamoDbExtension DYNAMODB = LocalDynamoDbExtension.dynalite();

  private static final long GUILD = 1_100_000_000_000_000_000L;
  private static final long FIRST_CHANNEL = 1_100_000_000_000_000_100L;
  private static final int CHANNELS = 5;
  private static final Pattern DONE = Pattern.compile("done (\\d+)");
  private static final Duration LIMIT = Duration.ofSeconds(60);

  @Test
  void killedInTheMiddleOfABurstOfWritesLeavesEveryItemWholeAndTheTableHealthy() throws Exception {
    DynamoDbConfigStore store = DYNAMODB.newStore(Clock.systemUTC());
    Map<String, String> environment =
        Map.of(
            "AWS_ENDPOINT_URL_DYNAMODB",
            DYNAMODB.endpoint().toString(),
            "BOTCONFIG_TABLE",
            store.tableName());

    String output;
    try (BotProcess burst =
        BotProcess.startMain(
            CliBurst.class.getName(),
            environment,
            Long.toString(GUILD),
            Long.toString(FIRST_CHANNEL),
            Integer.toString(CHANNELS),
            "100000")) {
      burst.awaitLine(line -> line.equals("done 25"), LIMIT);
      burst.kill(LIMIT);
      output = burst.output();
    }
    assertThat(output).doesNotContain("burst finished").doesNotContain("failed");

    Map<Long, Integer> lastAcknowledged = new HashMap<>();
    Matcher done = DONE.matcher(output);
    while (done.find()) {
      int k = Integer.parseInt(done.group(1));
      lastAcknowledged.put(FIRST_CHANNEL + k % CHANNELS, k);
    }
    ConfigSnapshot stored = store.loadAll();
    assertThat(store.lastLoadReport().malformedItems()).isZero();
    assertThat(stored.channels()).hasSize(CHANNELS);
    for (ChannelConfig channel : stored.channels().values()) {
      int k = (int) channel.threshold().percent().orElseThrow();
      assertThat(channel.pin())
          .as("pin of %s, written by write %d", channel.channelId(), k)
          .isEqualTo(k % 2 == 0);
      assertThat(channel.image())
          .as("image of %s, written by write %d", channel.channelId(), k)
          .isEqualTo(k % 3 == 0);
      assertThat(k)
          .as("write acknowledged last for %s", channel.channelId())
          .isGreaterThanOrEqualTo(lastAcknowledged.get(channel.channelId().value()));
      Map<String, AttributeValue> item = rawItem(store.tableName(), channel);
      assertThat(item.get("GSI_PK").s()).isEqualTo("CHANNEL#" + channel.channelId());
      assertThat(item.get("threshold").n()).isEqualTo(Threshold.percent(k).toString());
    }

    CliRun doctor = CliRun.run(environment, "doctor");
    assertThat(doctor.exitCode()).as(doctor.out()).isZero();
    assertThat(doctor.out()).contains("all checks passed");

    try (ConfigCache restarted =
        ConfigCache.builder(store).changePollInterval(Duration.ZERO).build()) {
      assertThat(restarted.start().isLoaded()).isTrue();
      for (ChannelConfig channel : stored.channels().values()) {
        assertThat(restarted.findChannel(channel.channelId())).contains(channel);
      }
      assertThat(restarted.stats().channels()).isEqualTo(CHANNELS);
    }
  }

  private static Map<String, AttributeValue> rawItem(String table, ChannelConfig channel) {
    return DYNAMODB
        .client()
        .getItem(
            r ->
                r.tableName(table)
                    .consistentRead(true)
                    .key(
                        Map.of(
                            "PK", AttributeValue.fromS("GUILD#" + channel.guildId()),
                            "SK", AttributeValue.fromS("CHANNEL#" + channel.channelId()))))
        .item();
  }
}
