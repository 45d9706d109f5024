package io.github.botconfig.app.cli;

import static io.github.botconfig.dynamodb.testing.StoredItems.assertOnlyChanged;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.dynamodb.DynamoDbConfigStore;
import io.github.botconfig.dynamodb.testing.LocalDynamoDbExtension;
import io.github.botconfig.dynamodb.testing.StoredItems;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * For any stored channel item (a random mix of known forms and unknown attributes) and any one
 * option of {@code botconfig channels set}, exactly that field's attributes change, plus the
 * bookkeeping; an option that changes nothing writes nothing. On dynalite.
 */
class CliItemChangePropertiesIT {
  @RegisterExtension
  static final LocalDynamoDbExtension DYNAMODB = LocalDynamoDbExtension.dynalite();

  private static final String G = "1180586412434817024";
  private final AtomicLong channels = new AtomicLong(1180586500000200000L);

  @Test
  void oneOptionOfChannelsSetChangesOnlyThatAttributeWhateverTheStoredForms() {
    CliTable cli = new CliTable(DYNAMODB);
    qt().withExamples(30)
        .withShrinkCycles(5)
        .forAll(StoredItems.channelItems(G, "0"), StoredItems.channelChanges())
        .checkAssert(
            (generated, change) -> {
              String channel = Long.toString(channels.incrementAndGet());
              Map<String, AttributeValue> rekeyed = new HashMap<>(generated);
              rekeyed.put("SK", AttributeValue.fromS("CHANNEL#" + channel));
              if (rekeyed.containsKey("GSI_PK")) {
                rekeyed.put("GSI_PK", AttributeValue.fromS("CHANNEL#" + channel));
              }
              DYNAMODB.client().putItem(r -> r.tableName(cli.name).item(rekeyed));
              Map<String, AttributeValue> item = get(cli, channel);
              DynamoDbConfigStore reader =
                  DynamoDbConfigStore.builder()
                      .client(DYNAMODB.client())
                      .tableName(cli.name)
                      .build();
              ChannelConfig before =
                  reader.findChannels(io.github.botconfig.domain.GuildId.of(G)).stream()
                      .filter(c -> c.channelId().equals(ChannelId.of(channel)))
                      .findFirst()
                      .orElseThrow();
              long marker = reader.changeMarker();
              List<String> args =
                  new ArrayList<>(List.of("channels", "set", "--guild", G, "--channel", channel));
              args.addAll(change.cliOptions());

              CliRun run = cli.run(args.toArray(String[]::new));

              String what = item + " with " + change;
              assertThat(run.exitCode()).as(what + ": " + run.err()).isZero();
              Map<String, AttributeValue> after = get(cli, channel);
              ChannelConfig expected = change.apply().apply(before);
              if (expected.equals(before)) {
                assertOnlyChanged(what + " (nothing, index keys aside)", item, after, Set.of());
                assertThat(after.get("version")).as(what).isEqualTo(item.get("version"));
                assertThat(reader.changeMarker()).as(what).isEqualTo(marker);
                return;
              }
              assertOnlyChanged(what, item, after, change.attributes());
              ChannelConfig stored =
                  reader.findChannels(io.github.botconfig.domain.GuildId.of(G)).stream()
                      .filter(c -> c.channelId().equals(ChannelId.of(channel)))
                      .findFirst()
                      .orElseThrow();
              assertThat(
                      stored
                          .withVersion(before.version())
                          .withUpdatedAt(before.updatedAt())
                          .withCreatedAt(before.createdAt()))
                  .as(what)
                  .isEqualTo(expected);
            });
  }

  private static Map<String, AttributeValue> get(CliTable cli, String channel) {
    return DYNAMODB
        .client()
        .getItem(
            r ->
                r.tableName(cli.name)
                    .consistentRead(true)
                    .key(
                        Map.of(
                            "PK", AttributeValue.fromS("GUILD#" + G),
                            "SK", AttributeValue.fromS("CHANNEL#" + channel))))
        .item();
  }
}
