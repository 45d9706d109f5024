package io.github.botconfig.dynamodb;

import static io.github.botconfig.dynamodb.Items.legacySettings;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.testing.MutableClock;
import io.github.botconfig.dynamodb.testing.LocalDynamoDbExtension;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An item's kind comes from its keys, its {@code Type} only confirming it (issue 21, finding 1):
 * items already in a table — put there by another program, or by an import before its checks — that
 * lie about what they are are left alone by every load and by the ownership rule.
 */
class KindByKeysIT {
  @RegisterExtension
  static final LocalDynamoDbExtension DYNAMODB = LocalDynamoDbExtension.dynalite();

  private final MutableClock clock = MutableClock.startingAt2026();
  private RawTable table;
  private DynamoDbConfigStore store;

  @BeforeEach
  void emptyTable() {
    store = DYNAMODB.newStore(clock);
    table = new RawTable(DYNAMODB.client(), store.tableName());
  }

  @Test
  void anItemCallingItselfTheGuildsSettingsUnderAnotherKeyNeverOverridesThem() {
    table.put(legacySettings("111").s("timezone", "Europe/Berlin").build());
    table.put(
        Map.of(
            "PK", AttributeValue.fromS("GUILD#111"),
            "SK", AttributeValue.fromS("ZZZ"),
            "Type", AttributeValue.fromS("guild_settings"),
            "timezone", AttributeValue.fromS("Asia/Tokyo")));

    assertThat(store.loadAll().settings(GuildId.of(111)))
        .hasValueSatisfying(s -> assertThat(s.timezone()).isEqualTo(ZoneId.of("Europe/Berlin")));
    assertThat(store.lastLoadReport().otherItems()).isEqualTo(1);
  }

  @Test
  void indexKeysOnAnItemThatIsNotThatChannelsNeverBlockAnotherGuild() {
    table.put(
        Map.of(
            "PK", AttributeValue.fromS("GUILD#111"),
            "SK", AttributeValue.fromS("CHANNEL#7000"),
            "Type", AttributeValue.fromS("x"),
            "GSI_PK", AttributeValue.fromS("CHANNEL#9000"),
            "GSI_SK", AttributeValue.fromS("GUILD#111")));

    ChannelConfig saved = store.saveChannel(ChannelConfig.of(GuildId.of(444), ChannelId.of(9000)));

    assertThat(saved.guildId()).isEqualTo(GuildId.of(444));
    assertThat(store.loadAll().channel(ChannelId.of(7000))).as("not a channel of ours").isEmpty();
    assertThat(store.findChannel(ChannelId.of(9000)))
        .hasValueSatisfying(c -> assertThat(c.guildId()).isEqualTo(GuildId.of(444)));
  }
}
