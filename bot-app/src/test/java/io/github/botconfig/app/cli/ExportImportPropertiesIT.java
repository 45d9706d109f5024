package io.github.botconfig.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import io.github.botconfig.app.json.RandomAttributes;
import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.ConfigSnapshot;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.GuildSettings;
import io.github.botconfig.domain.SummaryPreferences;
import io.github.botconfig.domain.Tag;
import io.github.botconfig.domain.Threshold;
import io.github.botconfig.dynamodb.testing.LocalDynamoDbExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Export then import of random valid configurations, through the command line and a file, into an
 * empty table: the imported table is identical, item for item, and importing again changes nothing.
 */
class ExportImportPropertiesIT {
  @RegisterExtension
  static final LocalDynamoDbExtension DYNAMODB = LocalDynamoDbExtension.dynalite();

  @TempDir Path dir;

  @Test
  void exportThenImportIntoAnEmptyTableGivesTheSameConfigurationItemForItem() {
    qt().withExamples(12)
        .withShrinkCycles(3)
        .forAll(configurations())
        .checkAssert(
            configuration -> {
              CliTable source = new CliTable(DYNAMODB);
              configuration.channels().forEach(source.store::saveChannel);
              configuration.settings().forEach(source.store::saveSettings);
              Path file = dir.resolve(source.name + ".json");

              assertThat(source.run("export", "--out", file.toString()).exitCode()).isZero();
              CliTable target = new CliTable(DYNAMODB);
              CliRun imported = target.run("import", file.toString());
              CliRun again = target.run("import", file.toString());

              assertThat(imported.exitCode()).as(imported.err()).isZero();
              ConfigSnapshot expected = source.store.loadAll();
              assertThat(target.store.loadAll()).isEqualTo(expected);
              assertThat(again.out()).contains("imported 0 items: created 0, replaced 0");
              assertThat(Files.exists(file)).isTrue();
            });
  }

  @Test
  void anyItemsOfAnyAttributeTypesComeBackByteForByteThroughAFile() {
    qt().withExamples(10)
        .withShrinkCycles(3)
        .forAll(lists().of(RandomAttributes.attributes(6)).ofSizeBetween(1, 4))
        .checkAssert(
            attributeSets -> {
              CliTable source = new CliTable(DYNAMODB);
              for (int i = 0; i < attributeSets.size(); i++) {
                Map<String, AttributeValue> item = new HashMap<>(attributeSets.get(i));
                // Every kind the table holds: a channel, settings, another program's item.
                item.put("PK", AttributeValue.fromS("GUILD#" + (i + 1)));
                item.put(
                    "SK",
                    AttributeValue.fromS(
                        List.of("CHANNEL#" + (i + 7), "SETTINGS", "X#1").get(i % 3)));
                DYNAMODB.client().putItem(r -> r.tableName(source.name).item(item));
              }
              Path file = dir.resolve(source.name + ".json");
              CliTable target = new CliTable(DYNAMODB);

              CliRun export = source.run("export", "--out", file.toString());
              CliRun imported = target.run("import", file.toString());

              assertThat(export.exitCode()).as(export.err()).isZero();
              assertThat(imported.exitCode()).as(imported.err()).isZero();
              assertThat(withoutBookkeeping(scan(target)))
                  .isEqualTo(withoutBookkeeping(scan(source)));
            });
  }

  private static List<Map<String, AttributeValue>> scan(CliTable table) {
    return DYNAMODB
        .client()
        .scanPaginator(r -> r.tableName(table.name).consistentRead(true))
        .items()
        .stream()
        .filter(item -> item.get("PK").s().startsWith("GUILD#"))
        .sorted(
            java.util.Comparator.comparing(
                (Map<String, AttributeValue> item) -> item.get("PK").s()))
        .toList();
  }

  /** Without what an import sets itself: the version, a channel's index keys. */
  private static List<Map<String, AttributeValue>> withoutBookkeeping(
      List<Map<String, AttributeValue>> items) {
    return items.stream()
        .map(
            item -> {
              Map<String, AttributeValue> copy = new HashMap<>(item);
              if (!item.get("SK").s().startsWith("X#")) {
                copy.remove("version");
              }
              copy.remove("GSI_PK");
              copy.remove("GSI_SK");
              return copy;
            })
        .toList();
  }

  /** A few guilds, each with channels of every kind of option and, half of the time, settings. */
  private static Gen<Configuration> configurations() {
    Gen<Long> guildIds = longs().between(1, 50);
    Gen<ChannelConfig> channels =
        guildIds
            .zip(
                longs().between(1, Long.MAX_VALUE),
                booleans().all(),
                booleans().all(),
                (g, c, image, pin) ->
                    ChannelConfig.of(GuildId.of(g), ChannelId.of(c)).withImage(image).withPin(pin))
            .zip(
                booleans().all(),
                tags(),
                thresholds(),
                (channel, notify, tag, threshold) ->
                    channel.withNotifyOnClose(notify).withTag(tag).withThreshold(threshold));
    Gen<GuildSettings> settings =
        guildIds
            .zip(
                Generate.pick(new ArrayList<>(ZoneId.getAvailableZoneIds())),
                booleans().all(),
                tags(),
                (g, zone, display, tag) ->
                    GuildSettings.defaults(GuildId.of(g))
                        .withTimezone(ZoneId.of(zone))
                        .withPositionDisplayEnabled(display)
                        .withSummaryPreferences(
                            SummaryPreferences.builder()
                                .weeklySummary(display)
                                .monthlySummary(!display)
                                .pin(display)
                                .tag(tag)
                                .build()))
            .zip(
                longs().between(0, 3),
                (s, global) -> global == 0 ? s : s.withGlobalChannelId(ChannelId.of(global)));
    return lists()
        .of(channels)
        .ofSizeBetween(0, 8)
        .zip(lists().of(settings).ofSizeBetween(0, 3), Configuration::of);
  }

  private static Gen<Optional<Tag>> tags() {
    return Generate.oneOf(
        Generate.constant(Optional.empty()),
        longs().between(1, Long.MAX_VALUE).map(id -> Optional.of(Tag.user(id))),
        longs().between(1, Long.MAX_VALUE).map(id -> Optional.of(Tag.role(id))));
  }

  private static Gen<Threshold> thresholds() {
    return Generate.oneOf(
        Generate.pick(
            List.of(
                Threshold.NONE, Threshold.TAKE_PROFIT, Threshold.STOP_LOSS, Threshold.ANY_TRIGGER)),
        doubles().between(0, 1_000).map(p -> Threshold.percent(Math.round(p * 100) / 100.0)),
        integers().between(0, 1_000_000).map(Threshold::percent));
  }

  /** Channels (one per channel id) and settings (one per guild), as a table can hold them. */
  private record Configuration(List<ChannelConfig> channels, List<GuildSettings> settings) {
    static Configuration of(List<ChannelConfig> channels, List<GuildSettings> settings) {
      ConfigSnapshot.Builder unique = ConfigSnapshot.builder();
      channels.forEach(unique::addChannel);
      settings.forEach(unique::addSettings);
      ConfigSnapshot snapshot = unique.build();
      return new Configuration(
          List.copyOf(snapshot.channels().values()), List.copyOf(snapshot.settings().values()));
    }
  }
}
