package io.github.botconfig.dynamodb;

import static io.github.botconfig.dynamodb.Items.legacyChannel;
import static io.github.botconfig.dynamodb.Items.legacySettings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.GuildSettings;
import io.github.botconfig.domain.Reporters;
import io.github.botconfig.domain.SummaryPreferences;
import io.github.botconfig.domain.Tag;
import io.github.botconfig.domain.Threshold;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Every form the running TypeScript bot (and the seed's code) wrote reads as the value it meant.
 */
class LegacyItemFormsTest {
  private static final String GUILD = "1180586412434817024";
  private static final String CHANNEL = "1180586500000000001";

  @Test
  void aChannelAsTheRunningBotWritesItReadsWithDefaults() {
    ChannelConfig channel = ChannelItems.read(legacyChannel(GUILD, CHANNEL).build());

    assertThat(channel)
        .isEqualTo(
            ChannelConfig.of(GuildId.of(GUILD), ChannelId.of(CHANNEL))
                .withCreatedAt(Instant.ofEpochMilli(1700000000000L)));
    assertThat(channel.notifyOnClose()).as("missing notifyOnClose").isTrue();
    assertThat(channel.version()).as("missing version").isZero();
    assertThat(channel.threshold()).isEqualTo(Threshold.NONE);
    assertThat(channel.tag()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"1700000000000", "1.7E12", "1700000000000.000", "17000000000000E-1"})
  void aWholeNumberReadsTheSameInEveryFormANumberMayTake(String stored) {
    ChannelConfig channel =
        ChannelItems.read(legacyChannel(GUILD, CHANNEL).n("createdAt", stored).build());

    assertThat(channel.createdAt()).isEqualTo(Instant.ofEpochMilli(1700000000000L));
  }

  @ParameterizedTest
  @CsvSource({"user, USER", "role, ROLE", "USER, USER", "Role, ROLE"})
  void tagTypeReadsInAnyCase(String stored, String expected) {
    ChannelConfig channel =
        ChannelItems.read(
            legacyChannel(GUILD, CHANNEL).s("tagType", stored).s("tagId", "42").build());

    assertThat(channel.tag())
        .contains(new Tag(io.github.botconfig.domain.TagType.valueOf(expected), 42));
  }

  @ParameterizedTest
  @CsvSource(
      value = {"NONE, ''", "none, ''", "NONE, 42", "USER, ''", "role, ''", "'', 42"},
      nullValues = "null")
  void theOlderBotsNoTagFormsMeanNoTag(String tagType, String tagId) {
    ChannelConfig channel =
        ChannelItems.read(
            legacyChannel(GUILD, CHANNEL).s("tagType", tagType).s("tagId", tagId).build());

    assertThat(channel.tag()).isEmpty();
  }

  @Test
  void theOlderBotsEmptyGlobalChannelMeansNone() {
    GuildSettings settings =
        SettingsItems.read(legacySettings(GUILD).s("globalChannelId", "").build());

    assertThat(settings.globalChannelId()).isEmpty();
  }

  @Test
  void aNewTagTypeFollowsTheCaseOfTheStoredOne() {
    Tag tag = Tag.role(5);

    assertThat(ChannelItems.tagType(tag, AttributeValue.fromS("NONE")))
        .isEqualTo(AttributeValue.fromS("ROLE"));
    assertThat(ChannelItems.tagType(tag, AttributeValue.fromS("user")))
        .isEqualTo(AttributeValue.fromS("role"));
    assertThat(ChannelItems.tagType(tag, AttributeValue.fromNul(true)))
        .isEqualTo(AttributeValue.fromS("role"));
    assertThat(ChannelItems.tagType(tag, null)).isEqualTo(AttributeValue.fromS("role"));
  }

  @Test
  void tagIdReadsAsAStringOrAsANumber() {
    Items asString =
        legacyChannel(GUILD, CHANNEL).s("tagType", "role").s("tagId", "9223372036854775807");
    Items asNumber =
        legacyChannel(GUILD, CHANNEL).s("tagType", "role").n("tagId", "9223372036854775807");

    assertThat(ChannelItems.read(asString.build()).tag()).contains(Tag.role(Long.MAX_VALUE));
    assertThat(ChannelItems.read(asNumber.build()).tag()).contains(Tag.role(Long.MAX_VALUE));
  }

  @Test
  void aTagTypeWithoutAnIdMentionsNobody() {
    ChannelConfig channel =
        ChannelItems.read(legacyChannel(GUILD, CHANNEL).s("tagType", "user").build());

    assertThat(channel.tag()).isEmpty();
  }

  @Test
  void thresholdReadsAsNumberTriggerOrNull() {
    assertThat(threshold(AttributeValue.fromN("12.5"))).isEqualTo(Threshold.percent(12.5));
    assertThat(threshold(AttributeValue.fromN("0"))).isEqualTo(Threshold.percent(0));
    assertThat(threshold(AttributeValue.fromS("TP"))).isEqualTo(Threshold.TAKE_PROFIT);
    assertThat(threshold(AttributeValue.fromS("SL"))).isEqualTo(Threshold.STOP_LOSS);
    assertThat(threshold(AttributeValue.fromS("TP/SL"))).isEqualTo(Threshold.ANY_TRIGGER);
    assertThat(threshold(AttributeValue.fromNul(true))).isEqualTo(Threshold.NONE);
    assertThat(
            ChannelItems.read(legacyChannel(GUILD, CHANNEL).without("threshold").build())
                .threshold())
        .isEqualTo(Threshold.NONE);
  }

  @Test
  void aChannelWithoutReportersTakesReportsFromWebhooksOnly() {
    assertThat(ChannelItems.read(legacyChannel(GUILD, CHANNEL).build()).reporters())
        .isEqualTo(Reporters.WEBHOOKS);
    assertThat(
            ChannelItems.read(
                    legacyChannel(GUILD, CHANNEL)
                        .put("reporters", AttributeValue.fromNul(true))
                        .build())
                .reporters())
        .isEqualTo(Reporters.WEBHOOKS);
  }

  @ParameterizedTest
  @CsvSource({"everyone, EVERYONE", "Webhooks, WEBHOOKS"})
  void reportersReadInAnyCase(String stored, Reporters expected) {
    assertThat(
            ChannelItems.read(legacyChannel(GUILD, CHANNEL).s("reporters", stored).build())
                .reporters())
        .isEqualTo(expected);
  }

  @Test
  void reportersAreWrittenInLowerCaseAndReadBack() {
    ChannelConfig channel =
        ChannelConfig.of(GuildId.of(GUILD), ChannelId.of(CHANNEL))
            .withReporters(Reporters.EVERYONE);
    Expressions update = new Expressions();
    ChannelItems.write(channel, update);

    assertThat(update.assignments())
        .containsEntry(List.of(TableLayout.REPORTERS), AttributeValue.fromS("everyone"));
  }

  @Test
  void reportersAreWrittenOnlyWhenTheyChange() {
    Map<String, AttributeValue> stored = legacyChannel(GUILD, CHANNEL).build();
    ChannelConfig read = ChannelItems.read(stored);
    Expressions pinOnly = new Expressions();
    Expressions reportersOnly = new Expressions();

    ChannelItems.writeChanges(read, read.withPin(true), stored, pinOnly);
    ChannelItems.writeChanges(read, read.withReporters(Reporters.EVERYONE), stored, reportersOnly);

    assertThat(pinOnly.assignments()).doesNotContainKey(List.of(TableLayout.REPORTERS));
    assertThat(reportersOnly.assignments())
        .containsEntry(List.of(TableLayout.REPORTERS), AttributeValue.fromS("everyone"))
        .doesNotContainKey(List.of(TableLayout.PIN));
  }

  @Test
  void unknownReportersAreAMalformedItemNamingTheAttribute() {
    assertThatThrownBy(
            () -> ChannelItems.read(legacyChannel(GUILD, CHANNEL).s("reporters", "bots").build()))
        .isInstanceOf(MalformedItemException.class)
        .hasMessage("reporters: reporters must be 'webhooks' or 'everyone', got 'bots'");
  }

  @Test
  void booleansReadAsBoolOrAsZeroOrOne() {
    ChannelConfig numbers =
        ChannelItems.read(
            legacyChannel(GUILD, CHANNEL)
                .n("image", "1")
                .n("pin", "0")
                .n("notifyOnClose", "0")
                .build());
    ChannelConfig bools =
        ChannelItems.read(
            legacyChannel(GUILD, CHANNEL)
                .bool("image", true)
                .bool("pin", true)
                .bool("notifyOnClose", false)
                .build());

    assertThat(numbers.image()).isTrue();
    assertThat(numbers.pin()).isFalse();
    assertThat(numbers.notifyOnClose()).isFalse();
    assertThat(bools.image()).isTrue();
    assertThat(bools.pin()).isTrue();
    assertThat(bools.notifyOnClose()).isFalse();
  }

  @Test
  void aChannelWithoutIndexKeysOrTypeIsStillAChannel() {
    Map<String, AttributeValue> item =
        legacyChannel(GUILD, CHANNEL).without("GSI_PK").without("GSI_SK").without("Type").build();

    assertThat(ItemKind.of(item)).isEqualTo(ItemKind.CHANNEL);
    assertThat(ChannelItems.read(item).channelId()).isEqualTo(ChannelId.of(CHANNEL));
  }

  @Test
  void itemTypesThisStoreDoesNotModelAreOther() {
    assertThat(
            ItemKind.of(
                Items.item("GUILD#" + GUILD, "GLOBAL_MESSAGE")
                    .s("Type", "global_position_message")
                    .build()))
        .isEqualTo(ItemKind.OTHER);
    assertThat(ItemKind.of(Items.item("META", "CHANGES").s("Type", "change_marker").build()))
        .isEqualTo(ItemKind.OTHER);
    assertThat(ItemKind.of(Items.item("GUILD#" + GUILD, "GLOBAL_MESSAGE").build()))
        .isEqualTo(ItemKind.OTHER);
    assertThat(ItemKind.of(Items.item("GUILD#" + GUILD, "SETTINGS").build()))
        .isEqualTo(ItemKind.SETTINGS);
  }

  @Test
  void settingsAsTheRunningBotWritesThemRead() {
    GuildSettings settings = SettingsItems.read(legacySettings(GUILD).build());

    assertThat(settings)
        .isEqualTo(
            GuildSettings.builder()
                .guildId(GuildId.of(GUILD))
                .timezone(ZoneId.of("Europe/Paris"))
                .positionDisplayEnabled(true)
                .summaryPreferences(SummaryPreferences.builder().weeklySummary(true).build())
                .createdAt(Instant.ofEpochMilli(1700000000000L))
                .build());
  }

  @Test
  void settingsWithNothingButKeysAreTheDefaults() {
    GuildSettings settings = SettingsItems.read(Items.item("GUILD#" + GUILD, "SETTINGS").build());

    assertThat(settings).isEqualTo(GuildSettings.defaults(GuildId.of(GUILD)));
  }

  @Test
  void summaryPreferencesReadNumberBooleansTagAndPin() {
    Map<String, AttributeValue> map =
        Map.of(
            "dailySummary", AttributeValue.fromN("1"),
            "weeklySummary", AttributeValue.fromN("0"),
            "monthlySummary", AttributeValue.fromBool(true),
            "tagType", AttributeValue.fromS("ROLE"),
            "tagId", AttributeValue.fromN("77"),
            "pin", AttributeValue.fromBool(true),
            "somethingElse", AttributeValue.fromS("kept by whoever wrote it"));

    GuildSettings settings =
        SettingsItems.read(
            legacySettings(GUILD)
                .m("summaryPreferences", map)
                .s("globalChannelId", CHANNEL)
                .build());

    assertThat(settings.summaryPreferences())
        .isEqualTo(
            SummaryPreferences.builder()
                .dailySummary(true)
                .monthlySummary(true)
                .tag(Tag.role(77))
                .pin(true)
                .build());
    assertThat(settings.globalChannelId()).contains(ChannelId.of(CHANNEL));
  }

  @Test
  void departedAtReadsAsEpochMilliseconds() {
    GuildSettings settings =
        SettingsItems.read(legacySettings(GUILD).n("departedAt", "1767225600123").build());

    assertThat(settings.departedAt()).contains(Instant.parse("2026-01-01T00:00:00.123Z"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "threshold | S:12%    | threshold: threshold must be",
        "threshold | N:-3     | threshold: threshold percentage must be",
        "image     | S:yes    | image: must be a boolean",
        "pin       | N:2      | pin: a boolean stored as a number must be 0 or 1, got 2",
        "tagId     | S:12a    | tagId: user id must be a Discord snowflake",
        "version   | S:3      | version: must be a version (N), got S",
        "createdAt | N:1.5    | createdAt: must be a whole number, got 1.5",
        "PK        | S:GUILD# | PK: guild id must be a Discord snowflake",
      })
  void aMalformedChannelNamesTheAttributeAndTheProblem(
      String attribute, String value, String message) {
    AttributeValue stored =
        value.startsWith("S:")
            ? AttributeValue.fromS(value.substring(2))
            : AttributeValue.fromN(value.substring(2));
    Map<String, AttributeValue> item =
        legacyChannel(GUILD, CHANNEL).s("tagType", "user").put(attribute, stored).build();

    assertThatThrownBy(() -> ChannelItems.read(item))
        .isInstanceOf(MalformedItemException.class)
        .hasMessageStartingWith(message);
  }

  @Test
  void aMalformedSettingsItemNamesTheAttribute() {
    assertThatThrownBy(
            () -> SettingsItems.read(legacySettings(GUILD).s("timezone", "Paris").build()))
        .isInstanceOf(MalformedItemException.class)
        .hasMessageStartingWith("timezone: timezone must be an IANA time zone");
    assertThatThrownBy(
            () -> SettingsItems.read(legacySettings(GUILD).s("summaryPreferences", "all").build()))
        .isInstanceOf(MalformedItemException.class)
        .hasMessage("summaryPreferences: must be a map (M), got S");
    assertThatThrownBy(
            () ->
                SettingsItems.read(
                    legacySettings(GUILD)
                        .m(
                            "summaryPreferences",
                            Map.of("weeklySummary", AttributeValue.fromS("on")))
                        .build()))
        .isInstanceOf(MalformedItemException.class)
        .hasMessage("summaryPreferences.weeklySummary: must be a boolean (BOOL, or N 0/1), got S");
  }

  private static Threshold threshold(AttributeValue value) {
    return ChannelItems.read(legacyChannel(GUILD, CHANNEL).put("threshold", value).build())
        .threshold();
  }
}
