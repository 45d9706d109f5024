package io.github.botconfig.dynamodb;

import static io.github.botconfig.dynamodb.testing.StoredItems.assertOnlyChanged;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.UpdateResult;
import io.github.botconfig.domain.testing.MutableClock;
import io.github.botconfig.dynamodb.testing.LocalDynamoDbExtension;
import io.github.botconfig.dynamodb.testing.StoredItems;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * For any stored channel item (a random mix of known forms and unknown attributes) and any change
 * of one field through the repository, exactly that field's attributes change, plus the
 * bookkeeping; a change that changes nothing writes nothing. On dynalite.
 */
class ItemChangePropertiesIT {
  @RegisterExtension
  static final LocalDynamoDbExtension DYNAMODB = LocalDynamoDbExtension.dynalite();

  private static final String G = "1180586412434817024";
  private final AtomicLong channels = new AtomicLong(1180586500000100000L);

  @Test
  void aChangeOfOneFieldChangesOnlyThatAttributeWhateverTheStoredForms() {
    MutableClock clock = MutableClock.startingAt2026();
    String tableName = DYNAMODB.newTable();
    RawTable table = new RawTable(DYNAMODB.client(), tableName);
    qt().withExamples(80)
        .withShrinkCycles(20)
        .forAll(
            StoredItems.channelItems(G, "0").map(item -> rekey(item)), StoredItems.channelChanges())
        .checkAssert(
            (generated, change) -> {
              table.put(generated);
              // What the server keeps (it normalises numbers: 12.50 is stored as 12.5).
              Map<String, AttributeValue> item = table.get("GUILD#" + G, generated.get("SK").s());
              // A store per change, as a CLI run has: it has not seen the item before.
              DynamoDbConfigStore store =
                  DynamoDbConfigStore.builder()
                      .client(DYNAMODB.client())
                      .tableName(tableName)
                      .clock(clock)
                      .build();
              String channel = item.get("SK").s().substring("CHANNEL#".length());
              ChannelConfig before = ChannelItems.read(item);
              long marker = store.changeMarker();

              UpdateResult<ChannelConfig> result =
                  store.updateChannel(GuildId.of(G), ChannelId.of(channel), change.apply());

              Map<String, AttributeValue> after = table.get("GUILD#" + G, "CHANNEL#" + channel);
              String what = item + " with " + change;
              ChannelConfig expected = change.apply().apply(before);
              if (expected.equals(before)) {
                assertThat(result.changed()).as(what).isFalse();
                assertOnlyChanged(what + " (nothing, index keys aside)", item, after, Set.of());
                assertThat(after.get("version")).as(what).isEqualTo(item.get("version"));
                assertThat(after.get("updatedAt")).as(what).isEqualTo(item.get("updatedAt"));
                assertThat(store.changeMarker()).as(what).isEqualTo(marker);
                return;
              }
              assertOnlyChanged(what, item, after, change.attributes());
              ChannelConfig stored = ChannelItems.read(after);
              assertThat(stored.version()).as(what).isEqualTo(before.version() + 1);
              assertThat(
                      stored
                          .withVersion(before.version())
                          .withUpdatedAt(before.updatedAt())
                          .withCreatedAt(before.createdAt()))
                  .as(what)
                  .isEqualTo(expected);
              assertThat(stored.createdAt()).isNotEqualTo(Instant.EPOCH);
            });
  }

  /** The same item under a channel of its own: each example starts from what it generated. */
  private Map<String, AttributeValue> rekey(Map<String, AttributeValue> item) {
    String channel = Long.toString(channels.incrementAndGet());
    Map<String, AttributeValue> copy = new java.util.HashMap<>(item);
    copy.put("SK", AttributeValue.fromS("CHANNEL#" + channel));
    if (copy.containsKey("GSI_PK")) {
      copy.put("GSI_PK", AttributeValue.fromS("CHANNEL#" + channel));
    }
    return Map.copyOf(copy);
  }
}
