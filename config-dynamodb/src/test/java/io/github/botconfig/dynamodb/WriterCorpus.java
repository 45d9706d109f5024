package io.github.botconfig.dynamodb;

import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.GuildSettings;
import io.github.botconfig.domain.SummaryPreferences;
import io.github.botconfig.domain.Tag;
import io.github.botconfig.domain.Threshold;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Items exactly as each known writer stored them, built from the facts in notes/original-bot.md and
 * the seed, each with the value it meant. Every form appears as the SDKs write it: the JavaScript
 * document client turns {@code ''} into NULL when {@code convertEmptyValues} is on and leaves
 * {@code undefined} out when {@code removeUndefinedValues} is; the oldest version kept booleans as
 * N 0/1. docs/dynamodb-table.md lists the same forms.
 */
final class WriterCorpus {
  static final String G = "1180586412434817024";
  static final GuildId GUILD = GuildId.of(G);
  static final Instant CREATED = Instant.ofEpochMilli(1_700_000_000_000L);

  private WriterCorpus() {}

  /** A stored channel item and what it means. */
  record ChannelEntry(String writer, Map<String, AttributeValue> item, ChannelConfig meant) {
    ChannelId channel() {
      return meant.channelId();
    }

    @Override
    public String toString() {
      return writer;
    }
  }

  /** A stored settings item and what it means. */
  record SettingsEntry(String writer, Map<String, AttributeValue> item, GuildSettings meant) {
    @Override
    public String toString() {
      return writer;
    }
  }

  static List<ChannelEntry> channels() {
    return List.of(
        new ChannelEntry(
            "older bot, no tag ('NONE', ''), threshold 0",
            olderChannel("1180586500000000011").s("tagType", "NONE").s("tagId", "").build(),
            channel("1180586500000000011")
                .image(true)
                .notifyOnClose(false)
                .threshold(Threshold.percent(0))
                .build()),
        new ChannelEntry(
            "older bot, no tag, '' as NULL (convertEmptyValues)",
            olderChannel("1180586500000000012").s("tagType", "NONE").nul("tagId").build(),
            channel("1180586500000000012")
                .image(true)
                .notifyOnClose(false)
                .threshold(Threshold.percent(0))
                .build()),
        new ChannelEntry(
            "older bot, 'none' in lower case",
            olderChannel("1180586500000000013").s("tagType", "none").s("tagId", "").build(),
            channel("1180586500000000013")
                .image(true)
                .notifyOnClose(false)
                .threshold(Threshold.percent(0))
                .build()),
        new ChannelEntry(
            "older bot, tagged USER, threshold 15",
            olderChannel("1180586500000000014")
                .s("tagType", "USER")
                .s("tagId", "1180586700000000001")
                .n("threshold", "15")
                .build(),
            channel("1180586500000000014")
                .image(true)
                .notifyOnClose(false)
                .tag(Tag.user(1180586700000000001L))
                .threshold(Threshold.percent(15))
                .build()),
        new ChannelEntry(
            "older bot, USER with tagId '' (no tag)",
            olderChannel("1180586500000000015").s("tagType", "USER").s("tagId", "").build(),
            channel("1180586500000000015")
                .image(true)
                .notifyOnClose(false)
                .threshold(Threshold.percent(0))
                .build()),
        new ChannelEntry(
            "newer bot, role and TP/SL",
            Items.legacyChannel(G, "1180586500000000021")
                .s("tagType", "role")
                .s("tagId", "1180586700000000002")
                .s("threshold", "TP/SL")
                .bool("pin", true)
                .build(),
            channel("1180586500000000021")
                .pin(true)
                .tag(Tag.role(1180586700000000002L))
                .threshold(Threshold.ANY_TRIGGER)
                .build()),
        new ChannelEntry(
            "newer bot, untagged: NULLs",
            Items.legacyChannel(G, "1180586500000000022").n("threshold", "12.5").build(),
            channel("1180586500000000022").threshold(Threshold.percent(12.5)).build()),
        new ChannelEntry(
            "newer bot, undefined left out (removeUndefinedValues)",
            Items.legacyChannel(G, "1180586500000000023")
                .without("tagType")
                .without("tagId")
                .without("threshold")
                .build(),
            channel("1180586500000000023").build()),
        new ChannelEntry(
            "oldest layout, booleans as N 0/1",
            Items.legacyChannel(G, "1180586500000000024")
                .n("image", "1")
                .n("pin", "0")
                .n("notifyOnClose", "0")
                .build(),
            channel("1180586500000000024").image(true).notifyOnClose(false).build()),
        new ChannelEntry(
            "seed Pattern 2: no index keys, tagId N, ids as attributes",
            Items.item("GUILD#" + G, "CHANNEL#1180586500000000031")
                .s("Type", "channel_config")
                .s("channelId", "1180586500000000031")
                .s("guildId", G)
                .bool("image", false)
                .bool("notifyOnClose", true)
                .bool("pin", true)
                .s("tagType", "ROLE")
                .n("tagId", "1180586700000000003")
                .n("threshold", "20")
                .build(),
            channel("1180586500000000031")
                .pin(true)
                .tag(Tag.role(1180586700000000003L))
                .threshold(Threshold.percent(20))
                .createdAt(Instant.EPOCH)
                .build()));
  }

  static List<SettingsEntry> settings() {
    return List.of(
        new SettingsEntry(
            "older bot: globalChannelId '', forwardTpSl, positionSizeDefaults of NULLs",
            olderSettings("1180586412434817101").s("globalChannelId", "").build(),
            olderMeant("1180586412434817101")),
        new SettingsEntry(
            "older bot, '' as NULL (convertEmptyValues)",
            olderSettings("1180586412434817102").nul("globalChannelId").build(),
            olderMeant("1180586412434817102")),
        new SettingsEntry(
            "older bot, with a global channel",
            olderSettings("1180586412434817103")
                .s("globalChannelId", "1180586500000000099")
                .build(),
            olderMeant("1180586412434817103")
                .withGlobalChannelId(ChannelId.of("1180586500000000099"))),
        new SettingsEntry(
            "newer bot: forward, autoDeleteWarnings, NULL global channel",
            Items.legacySettings("1180586412434817104").build(),
            GuildSettings.builder()
                .guildId(GuildId.of("1180586412434817104"))
                .timezone(ZoneId.of("Europe/Paris"))
                .positionDisplayEnabled(true)
                .summaryPreferences(SummaryPreferences.builder().weeklySummary(true).build())
                .createdAt(CREATED)
                .build()));
  }

  private static ChannelConfig.Builder channel(String id) {
    ChannelConfig.Builder builder =
        ChannelConfig.builder().guildId(GUILD).channelId(ChannelId.of(id));
    builder.createdAt(CREATED);
    return builder;
  }

  /** A channel as the older bot (SolanaShares) wrote it; its defaults, with image on. */
  private static Items olderChannel(String channel) {
    return Items.item("GUILD#" + G, "CHANNEL#" + channel)
        .s("GSI_PK", "CHANNEL#" + channel)
        .s("GSI_SK", "GUILD#" + G)
        .s("Type", "channel_config")
        .bool("image", true)
        .bool("notifyOnClose", false)
        .bool("pin", false)
        .n("threshold", "0")
        .n("createdAt", Long.toString(CREATED.toEpochMilli()));
  }

  private static Items olderSettings(String guild) {
    return Items.item("GUILD#" + guild, "SETTINGS")
        .s("Type", "guild_settings")
        .s("timezone", "Europe/Berlin")
        .bool("positionDisplayEnabled", false)
        .bool("autoDeleteWarnings", false)
        .bool("forwardTpSl", false)
        .m(
            "summaryPreferences",
            Map.of(
                "dailySummary", AttributeValue.fromBool(false),
                "weeklySummary", AttributeValue.fromBool(true),
                "monthlySummary", AttributeValue.fromBool(true)))
        .m(
            "positionSizeDefaults",
            Map.of(
                "walletAddress", AttributeValue.fromNul(true),
                "stopLossPercent", AttributeValue.fromNul(true)))
        .n("createdAt", Long.toString(CREATED.toEpochMilli()));
  }

  private static GuildSettings olderMeant(String guild) {
    return GuildSettings.builder()
        .guildId(GuildId.of(guild))
        .timezone(ZoneId.of("Europe/Berlin"))
        .positionDisplayEnabled(false)
        .summaryPreferences(
            SummaryPreferences.builder().weeklySummary(true).monthlySummary(true).build())
        .createdAt(CREATED)
        .build();
  }
}
