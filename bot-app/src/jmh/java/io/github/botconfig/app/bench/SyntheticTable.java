package io.github.botconfig.app.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Fills a table with {@code channels} tracked channels, three to a guild as in the seed, and the
 * settings of every guild, in the layout botconfig and the running TypeScript bot write
 * (docs/dynamodb-table.md): keys, index keys, type and every modelled attribute, in the variety
 * real tables hold (tags of both kinds, each kind of threshold, times, versions). Written with
 * BatchWriteItem, 25 items a request, straight to the table: filling is not what is measured.
 */
final class SyntheticTable {
  static final int CHANNELS_PER_GUILD = 3;
  private static final long GUILD_BASE = 1_180_586_412_434_817_024L;

  /** Real-looking snowflakes: 2^22 apart, as ids made a millisecond apart are. */
  private static final long CHANNEL_BASE = 1_180_586_500_000_000_000L;

  private static final long CREATED = 1_735_689_600_000L; // 2025-01-01
  private static final String[] THRESHOLDS = {null, "10", "TP/SL", "SL"};

  private SyntheticTable() {}

  static int guildsFor(int channels) {
    return (channels + CHANNELS_PER_GUILD - 1) / CHANNELS_PER_GUILD;
  }

  /** Writes the items; returns how many. */
  static int fill(DynamoDbClient client, String table, int channels) {
    List<WriteRequest> batch = new ArrayList<>(25);
    int written = 0;
    int guilds = guildsFor(channels);
    for (int i = 0; i < channels + guilds; i++) {
      Map<String, AttributeValue> item = i < channels ? channel(i) : settings(i - channels);
      batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
      if (batch.size() == 25) {
        written += write(client, table, batch);
        batch.clear();
      }
    }
    if (!batch.isEmpty()) {
      written += write(client, table, batch);
    }
    return written;
  }

  private static int write(DynamoDbClient client, String table, List<WriteRequest> batch) {
    Map<String, List<WriteRequest>> pending = Map.of(table, List.copyOf(batch));
    for (int attempt = 0; !pending.isEmpty(); attempt++) {
      if (attempt == 10) {
        throw new IllegalStateException(
            "the server left items unprocessed ten times in a row: " + pending);
      }
      Map<String, List<WriteRequest>> sent = pending;
      BatchWriteItemResponse response =
          client.batchWriteItem(request -> request.requestItems(sent));
      pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
    }
    return batch.size();
  }

  static String guildId(int guild) {
    return Long.toString(GUILD_BASE + guild);
  }

  static String channelId(int channel) {
    return Long.toString(CHANNEL_BASE + channel * 4_194_304L);
  }

  private static Map<String, AttributeValue> channel(int i) {
    String guild = guildId(i / CHANNELS_PER_GUILD);
    String channel = channelId(i);
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("PK", s("GUILD#" + guild));
    item.put("SK", s("CHANNEL#" + channel));
    item.put("GSI_PK", s("CHANNEL#" + channel));
    item.put("GSI_SK", s("GUILD#" + guild));
    item.put("Type", s("channel_config"));
    item.put("image", AttributeValue.fromBool(i % 3 == 0));
    item.put("notifyOnClose", AttributeValue.fromBool(true));
    item.put("pin", AttributeValue.fromBool(i % 2 == 0));
    if (i % 5 == 4) {
      item.put("tagType", nul());
      item.put("tagId", nul());
    } else {
      // A guild's channels mention the guild's role, or one of its members.
      item.put("tagType", s(i % 2 == 0 ? "role" : "user"));
      item.put(
          "tagId",
          s(Long.toString(GUILD_BASE + 1_000 + i / CHANNELS_PER_GUILD + (i % 2) * 500_000)));
    }
    String threshold = THRESHOLDS[i % THRESHOLDS.length];
    item.put(
        "threshold",
        threshold == null ? nul() : threshold.matches("\\d+") ? n(threshold) : s(threshold));
    item.put("createdAt", n(Long.toString(CREATED + i * 1_000L)));
    item.put("updatedAt", n(Long.toString(CREATED + i * 1_000L + (i % 2) * 86_400_000L)));
    item.put("version", n(Integer.toString(1 + i % 3)));
    return item;
  }

  private static Map<String, AttributeValue> settings(int g) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("PK", s("GUILD#" + guildId(g)));
    item.put("SK", s("SETTINGS"));
    item.put("Type", s("guild_settings"));
    item.put("timezone", s(g % 2 == 0 ? "Europe/Paris" : "America/New_York"));
    item.put("positionDisplayEnabled", AttributeValue.fromBool(g % 3 != 0));
    item.put(
        "summaryPreferences",
        AttributeValue.fromM(
            Map.of(
                "dailySummary", AttributeValue.fromBool(false),
                "weeklySummary", AttributeValue.fromBool(true),
                "monthlySummary", AttributeValue.fromBool(g % 2 == 0))));
    item.put("globalChannelId", s(channelId(g * CHANNELS_PER_GUILD)));
    item.put("createdAt", n(Long.toString(CREATED + g * 1_000L)));
    item.put("updatedAt", n(Long.toString(CREATED + g * 1_000L)));
    item.put("version", n("1"));
    return item;
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private static AttributeValue n(String value) {
    return AttributeValue.fromN(value);
  }

  private static AttributeValue nul() {
    return AttributeValue.fromNul(true);
  }
}
