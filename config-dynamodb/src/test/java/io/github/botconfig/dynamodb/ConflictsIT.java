package io.github.botconfig.dynamodb;

import static io.github.botconfig.dynamodb.Items.legacyChannel;
import static io.github.botconfig.dynamodb.Items.legacySettings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.ConfigConflictException;
import io.github.botconfig.domain.ConfigConflictException.Reason;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.GuildSettings;
import io.github.botconfig.domain.testing.MutableClock;
import io.github.botconfig.dynamodb.testing.LocalDynamoDbExtension;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Two writers on one table (two bot instances, the CLI, the running TypeScript bot): no write is
 * lost silently.
 */
class ConflictsIT {
  @RegisterExtension
  static final LocalDynamoDbExtension DYNAMODB = LocalDynamoDbExtension.dynalite();

  private static final String G = "1180586412434817024";
  private static final String OTHER = "1180586412434817999";
  private static final String C = "1180586500000000001";
  private static final GuildId GUILD = GuildId.of(G);
  private static final ChannelId CHANNEL = ChannelId.of(C);

  private final MutableClock clock = MutableClock.startingAt2026();
  private DynamoDbClient secondClient;
  private DynamoDbConfigStore first;
  private DynamoDbConfigStore second;
  private RawTable table;

  @BeforeEach
  void twoStoresOnOneTable() {
    first = DYNAMODB.newStore(clock);
    secondClient = DYNAMODB.server().newClient();
    second =
        DynamoDbConfigStore.builder()
            .client(secondClient)
            .tableName(first.tableName())
            .clock(clock)
            .build();
    table = new RawTable(DYNAMODB.client(), first.tableName());
  }

  @org.junit.jupiter.api.AfterEach
  void closeSecondClient() {
    secondClient.close();
  }

  @Test
  void theSecondOfTwoWritersWhoReadTheSameVersionIsRefusedAndChangesNothing() {
    ChannelConfig read = first.saveChannel(ChannelConfig.of(GUILD, CHANNEL));
    clock.advance(Duration.ofSeconds(1));
    ChannelConfig won = first.saveChannel(read.withPin(true));
    Map<String, AttributeValue> stored = table.get("GUILD#" + G, "CHANNEL#" + C);
    long marker = second.changeMarker();

    assertThatThrownBy(() -> second.saveChannel(read.withImage(true)))
        .isInstanceOfSatisfying(
            ConfigConflictException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.VERSION_CHANGED))
        .hasMessage(
            "channel "
                + C
                + " was changed or deleted by someone else (expected version 1, found version 2);"
                + " read it again and retry");

    assertThat(table.get("GUILD#" + G, "CHANNEL#" + C)).isEqualTo(stored);
    assertThat(second.findChannel(CHANNEL)).contains(won);
    assertThat(first.changeMarker()).isEqualTo(marker);
  }

  @Test
  void twoWritersCreatingTheSameChannelCannotBothSucceed() {
    first.saveChannel(ChannelConfig.of(GUILD, CHANNEL).withPin(true));

    assertThatThrownBy(() -> second.saveChannel(ChannelConfig.of(GUILD, CHANNEL).withImage(true)))
        .isInstanceOfSatisfying(
            ConfigConflictException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.VERSION_CHANGED))
        .hasMessage(
            "channel "
                + C
                + " was stored by someone else meanwhile (expected nothing stored, found version 1);"
                + " read it again and retry");
    assertThat(first.findChannel(CHANNEL).orElseThrow().pin()).isTrue();
  }

  @Test
  void aChannelTheRunningBotTracksUnderAnotherGuildIsRefused() {
    table.put(legacyChannel(OTHER, C));
    Map<String, AttributeValue> before = table.get("GUILD#" + OTHER, "CHANNEL#" + C);

    assertThatThrownBy(() -> first.saveChannel(ChannelConfig.of(GUILD, CHANNEL)))
        .isInstanceOfSatisfying(
            ConfigConflictException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.OWNED_BY_ANOTHER_GUILD))
        .hasMessage(
            "channel " + C + " is already tracked by guild " + OTHER + "; untrack it there first");

    assertThat(table.get("GUILD#" + G, "CHANNEL#" + C)).isEmpty();
    assertThat(table.get("GUILD#" + OTHER, "CHANNEL#" + C)).isEqualTo(before);
    assertThat(first.changeMarker()).isZero();
  }

  @Test
  void anOverwriteByTheRunningBotIsNoticedByTheNextVersionedWrite() {
    ChannelConfig ours = first.saveChannel(ChannelConfig.of(GUILD, CHANNEL));
    // The running bot puts whole items, without a version.
    table.put(legacyChannel(G, C).bool("image", true));

    assertThatThrownBy(() -> first.saveChannel(ours.withPin(true)))
        .isInstanceOf(ConfigConflictException.class);

    ChannelConfig reread = first.findChannel(CHANNEL).orElseThrow();
    assertThat(reread.version()).isZero();
    assertThat(reread.image()).isTrue();
    assertThatThrownBy(() -> first.saveChannel(reread.withPin(true)))
        .as("version 0 creates, and something is stored")
        .isInstanceOf(ConfigConflictException.class);
    ChannelConfig replaced = first.replaceChannel(reread, reread.withPin(true));
    assertThat(replaced.version()).isEqualTo(1);
    assertThat(replaced.image()).as("the running bot's change is kept").isTrue();
  }

  @Test
  void staleSettingsAreRefusedWithoutTouchingTheItem() {
    table.put(legacySettings(G));
    GuildSettings read = first.findSettings(GUILD).orElseThrow();
    second.replaceSettings(read, read.withTimezone(ZoneId.of("Asia/Tokyo")));
    Map<String, AttributeValue> stored = table.get("GUILD#" + G, "SETTINGS");

    assertThatThrownBy(() -> first.replaceSettings(read, read.withPositionDisplayEnabled(false)))
        .isInstanceOfSatisfying(
            ConfigConflictException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.VERSION_CHANGED))
        .hasMessage(
            "settings of guild "
                + G
                + " was changed by someone else since it was read (expected it as read, without a"
                + " version, found version 1); read it again and retry");

    assertThat(table.get("GUILD#" + G, "SETTINGS")).isEqualTo(stored);
  }

  @Test
  void untrackingUnderTheWrongGuildLeavesTheItem() {
    first.saveChannel(ChannelConfig.of(GUILD, CHANNEL));
    Map<String, AttributeValue> stored = table.get("GUILD#" + G, "CHANNEL#" + C);

    assertThat(second.deleteChannel(GuildId.of(OTHER), CHANNEL)).isFalse();

    assertThat(table.get("GUILD#" + G, "CHANNEL#" + C)).isEqualTo(stored);
    assertThat(table.get("GUILD#" + OTHER, "CHANNEL#" + C))
        .as("no item created by the condition")
        .isEmpty();
  }

  @Test
  void eachProcessSeesTheOthersWritesThroughTheChangeMarker() {
    long before = second.changeMarker();

    first.saveChannel(ChannelConfig.of(GUILD, CHANNEL));

    assertThat(second.changeMarker()).isGreaterThan(before);
    assertThat(second.loadAll().channel(CHANNEL)).isPresent();
    assertThat(table.get("META", "CHANGES"))
        .containsEntry("Type", AttributeValue.fromS("change_marker"))
        .containsEntry("counter", AttributeValue.fromN("1"));
  }
}
