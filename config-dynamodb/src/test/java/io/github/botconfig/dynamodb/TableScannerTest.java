package io.github.botconfig.dynamodb;

import static io.github.botconfig.dynamodb.Items.legacyChannel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.ConfigSnapshot;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.GuildSettings;
import io.github.botconfig.domain.SettingsSchema;
import io.github.botconfig.domain.StoreUnavailableException;
import io.github.botconfig.domain.UnreadableItem;
import java.net.ConnectException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

class TableScannerTest {
  private static final StoreErrors ERRORS = new StoreErrors("t", "http://127.0.0.1:1");
  private static final Map<String, AttributeValue> NEXT =
      Map.of("PK", AttributeValue.fromS("x"), "SK", AttributeValue.fromS("y"));

  private final ScriptedDynamoDb dynamo = new ScriptedDynamoDb();
  private final List<String> warnings = new ArrayList<>();
  private final MalformedItemLog log = new MalformedItemLog(warnings::add);

  @Test
  void everyPageIsReadAndTheNextStartsWhereTheLastEnded() {
    dynamo.onScan(request -> page(NEXT, legacyChannel("1", "11").build()));
    dynamo.onScan(request -> page(null, legacyChannel("1", "12").build()));

    TableScanner.Result result =
        new TableScanner(dynamo, ERRORS, log, 1, SettingsSchema.none()).scan();

    assertThat(result.snapshot().channels()).containsOnlyKeys(ChannelId.of(11), ChannelId.of(12));
    assertThat(result.report().pages()).isEqualTo(2);
    assertThat(dynamo.scans.get(1).exclusiveStartKey()).isEqualTo(NEXT);
    assertThat(dynamo.scans).allSatisfy(request -> assertThat(request.consistentRead()).isTrue());
  }

  @Test
  void aFailureOnALaterPageFailsTheWholeLoad() {
    dynamo.onScan(request -> page(NEXT, legacyChannel("1", "11").build()));
    dynamo.onScan(
        request -> {
          throw SdkClientException.builder()
              .message("Unable to execute HTTP request: Connection refused")
              .cause(new ConnectException("Connection refused"))
              .build();
        });

    assertThatThrownBy(() -> new TableScanner(dynamo, ERRORS, log, 1, SettingsSchema.none()).scan())
        .isInstanceOf(StoreUnavailableException.class)
        .hasMessageStartingWith(
            "could not load the configuration (1 pages were read): DynamoDB could not be reached for table 't' at"
                + " http://127.0.0.1:1");
  }

  @Test
  void malformedAndUnmodelledItemsAreCountedAndTheRestIsLoaded() {
    Map<String, AttributeValue> bad = legacyChannel("1", "12").s("threshold", "lots").build();
    dynamo.onScan(
        request ->
            page(
                null,
                legacyChannel("1", "11").build(),
                bad,
                Items.item("GUILD#1", "GLOBAL_MESSAGE")
                    .s("Type", "global_position_message")
                    .s("messageId", "9")
                    .build(),
                Items.item("GUILD#1", "BOARD")
                    .s("Type", "live_board")
                    .s("channelId", "11")
                    .s("messageId", "12")
                    .build(),
                Items.item("META", "CHANGES")
                    .s("Type", "change_marker")
                    .n("counter", "3")
                    .build()));

    TableScanner.Result result =
        new TableScanner(dynamo, ERRORS, log, 1, SettingsSchema.none()).scan();

    assertThat(result.snapshot().channels()).containsOnlyKeys(ChannelId.of(11));
    assertThat(result.snapshot().boards()).containsOnlyKeys(GuildId.of(1));
    assertThat(result.report())
        .isEqualTo(
            new LoadReport(
                5,
                1,
                1,
                0,
                1,
                2,
                1,
                List.of(
                    "PK=GUILD#1 SK=CHANNEL#12: threshold: threshold must be 'none', a percentage such as 12.5"
                        + " (0 to 1000000), 'TP', 'SL' or 'TP/SL', got 'lots'"),
                0,
                0,
                0));
    assertThat(warnings).isEqualTo(result.report().malformed());
    assertThat(result.snapshot().unreadable())
        .containsExactly(
            UnreadableItem.channel(
                GuildId.of(1),
                ChannelId.of(12),
                "threshold: threshold must be 'none', a percentage such as 12.5 (0 to 1000000),"
                    + " 'TP', 'SL' or 'TP/SL', got 'lots'"));
  }

  @Test
  void aMalformedItemIsLoggedOnceNotOnEveryLoad() {
    Map<String, AttributeValue> bad = legacyChannel("1", "12").n("pin", "7").build();
    dynamo.onScan(request -> page(null, bad));
    dynamo.onScan(request -> page(null, bad));
    TableScanner scanner = new TableScanner(dynamo, ERRORS, log, 1, SettingsSchema.none());

    int first = scanner.scan().report().malformedItems();
    int second = scanner.scan().report().malformedItems();

    assertThat(first).isEqualTo(1);
    assertThat(second).as("still counted").isEqualTo(1);
    assertThat(warnings)
        .containsExactly(
            "PK=GUILD#1 SK=CHANNEL#12: pin: a boolean stored as a number must be 0 or 1, got 7");
  }

  @Test
  void aChannelUnderTwoGuildsIsLoadedOnceAndTheOtherReported() {
    dynamo.onScan(
        request ->
            page(
                null,
                legacyChannel("1", "11").n("version", "1").build(),
                legacyChannel("2", "11").n("version", "4").build()));

    TableScanner.Result result =
        new TableScanner(dynamo, ERRORS, log, 1, SettingsSchema.none()).scan();

    assertThat(result.snapshot().channel(ChannelId.of(11)).orElseThrow().guildId().value())
        .isEqualTo(2);
    assertThat(result.report().duplicateChannels()).isEqualTo(1);
  }

  @Test
  void aLoadKeepsValuesThatRepeatAcrossItemsOnce() {
    dynamo.onScan(
        request ->
            page(
                null,
                legacyChannel("1", "11")
                    .s("tagType", "role")
                    .s("tagId", "42")
                    .n("threshold", "10")
                    .build(),
                legacyChannel("1", "12")
                    .s("tagType", "role")
                    .s("tagId", "42")
                    .n("threshold", "10")
                    .build(),
                legacyChannel("1", "13")
                    .n("createdAt", "1767225600000")
                    .n("updatedAt", "1767225600000")
                    .build(),
                Items.legacySettings("1").build(),
                Items.legacySettings("2").build()));

    ConfigSnapshot snapshot =
        new TableScanner(dynamo, ERRORS, log, 1, SettingsSchema.none()).scan().snapshot();

    ChannelConfig first = snapshot.channel(ChannelId.of(11)).orElseThrow();
    ChannelConfig second = snapshot.channel(ChannelId.of(12)).orElseThrow();
    ChannelConfig never = snapshot.channel(ChannelId.of(13)).orElseThrow();
    assertThat(second.guildId()).isSameAs(first.guildId());
    assertThat(snapshot.settings(first.guildId()).orElseThrow().guildId())
        .isSameAs(first.guildId());
    assertThat(second.tag().orElseThrow()).isSameAs(first.tag().orElseThrow());
    assertThat(second.threshold()).isSameAs(first.threshold());
    assertThat(never.updatedAt()).isSameAs(never.createdAt()); // never changed since it was made
    GuildSettings one = snapshot.settings(GuildId.of(1)).orElseThrow();
    GuildSettings two = snapshot.settings(GuildId.of(2)).orElseThrow();
    assertThat(two.timezone()).isSameAs(one.timezone());
    assertThat(two.summaryPreferences()).isSameAs(one.summaryPreferences());
  }

  @SafeVarargs
  private static ScanResponse page(
      Map<String, AttributeValue> lastKey, Map<String, AttributeValue>... items) {
    ScanResponse.Builder page = ScanResponse.builder().items(items);
    if (lastKey != null) {
      page.lastEvaluatedKey(lastKey);
    }
    return page.build();
  }
}
