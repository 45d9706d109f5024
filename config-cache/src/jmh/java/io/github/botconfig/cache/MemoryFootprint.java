package io.github.botconfig.cache;

import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.GuildSettings;
import io.github.botconfig.domain.SummaryPreferences;
import io.github.botconfig.domain.Tag;
import io.github.botconfig.domain.Threshold;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jol.info.GraphLayout;

/**
 * What the cache retains per tracked channel and per guild's settings, measured with JOL's {@link
 * GraphLayout} (every object reachable from the cache's snapshot, each counted once). Not a
 * benchmark: a harness, never run by {@code mvn verify}. Run (see docs/performance.md):
 *
 * <pre>
 * mvn -B -Pbench -pl config-cache -am test-compile
 * java -cp "config-cache/target/test-classes:config-cache/target/classes:$(cat config-cache/target/bench.classpath)" \
 *   io.github.botconfig.cache.MemoryFootprint 100 10000 100000
 * </pre>
 *
 * <p>The objects are built as the DynamoDB store decodes the items bot-app's {@code StartupHarness}
 * writes: each item's channel id and times are objects of its own, while a load keeps one object
 * for values that repeat (a guild's id, a tag, a threshold, a timezone, summary preferences; an
 * {@code updatedAt} equal to {@code createdAt}). Channels come three to a guild, as in the seed,
 * and mention their guild's role or one of its members; every guild has settings.
 */
public final class MemoryFootprint {
  private static final long GUILD_BASE = 1_180_586_412_434_817_024L;
  private static final long CHANNEL_BASE = 1_180_586_500_000_000_000L;
  private static final int CHANNELS_PER_GUILD = 3;
  private static final long CREATED = 1_735_689_600_000L; // 2025-01-01

  private MemoryFootprint() {}

  public static void main(String[] args) {
    List<Integer> sizes = new ArrayList<>();
    for (String arg : args.length == 0 ? new String[] {"100", "10000", "100000"} : args) {
      sizes.add(Integer.parseInt(arg));
    }
    for (int channels : sizes) {
      measure(channels);
    }
  }

  private static void measure(int channelCount) {
    int guildCount = (channelCount + CHANNELS_PER_GUILD - 1) / CHANNELS_PER_GUILD;
    Map<Object, Object> shared = new HashMap<>();
    List<ChannelConfig> channels = new ArrayList<>(channelCount);
    for (int i = 0; i < channelCount; i++) {
      channels.add(decodedChannel(i, shared));
    }
    Map<GuildId, GuildSettings> settings = new HashMap<>();
    for (int g = 0; g < guildCount; g++) {
      GuildSettings decoded = decodedSettings(g, shared);
      settings.put(decoded.guildId(), decoded);
    }

    GraphLayout empty =
        GraphLayout.parseInstance(CacheSnapshot.complete(List.of(), Map.of(), Map.of(), List.of()));
    GraphLayout channelsOnly =
        GraphLayout.parseInstance(CacheSnapshot.complete(channels, Map.of(), Map.of(), List.of()));
    GraphLayout settingsOnly =
        GraphLayout.parseInstance(CacheSnapshot.complete(List.of(), settings, Map.of(), List.of()));
    GraphLayout both =
        GraphLayout.parseInstance(CacheSnapshot.complete(channels, settings, Map.of(), List.of()));

    double perChannel = (double) (channelsOnly.totalSize() - empty.totalSize()) / channelCount;
    double perSettings = (double) (settingsOnly.totalSize() - empty.totalSize()) / guildCount;
    System.out.printf(
        Locale.ROOT,
        "%,d channels in %,d guilds with settings: %,d bytes in all; %.1f bytes per channel, %.1f bytes per guild's"
            + " settings%n",
        channelCount,
        guildCount,
        both.totalSize(),
        perChannel,
        perSettings);
    System.out.println("  per channel, by class (channels only):");
    printByClass(channelsOnly.subtract(empty), channelCount);
    System.out.println("  per guild's settings, by class (settings only):");
    printByClass(settingsOnly.subtract(empty), guildCount);
    System.out.println();
  }

  private static void printByClass(GraphLayout layout, int per) {
    Map<String, long[]> byClass = new HashMap<>();
    for (Class<?> type : layout.getClasses()) {
      byClass.put(
          type.getName(),
          new long[] {layout.getClassCounts().count(type), layout.getClassSizes().count(type)});
    }
    byClass.entrySet().stream()
        .sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]))
        .forEach(
            e ->
                System.out.printf(
                    Locale.ROOT,
                    "    %7.1f B  %6.2f objects  %s%n",
                    (double) e.getValue()[1] / per,
                    (double) e.getValue()[0] / per,
                    e.getKey()));
  }

  /** As the store decodes a channel item: see the class comment. */
  private static ChannelConfig decodedChannel(int i, Map<Object, Object> shared) {
    Instant created = Instant.ofEpochMilli(CREATED + i * 1_000L);
    ChannelConfig.Builder channel =
        ChannelConfig.builder()
            .guildId(share(shared, GuildId.of(Long.toString(GUILD_BASE + i / CHANNELS_PER_GUILD))))
            .channelId(ChannelId.of(Long.toString(CHANNEL_BASE + i * 4_194_304L)))
            .image(i % 3 == 0)
            .pin(i % 2 == 0)
            .createdAt(created)
            .updatedAt(
                i % 2 == 0 ? created : Instant.ofEpochMilli(CREATED + i * 1_000L + 86_400_000L))
            .version(1 + i % 3);
    if (i % 5 != 4) {
      long tagId = GUILD_BASE + 1_000 + i / CHANNELS_PER_GUILD + (i % 2) * 500_000L;
      channel.tag(share(shared, i % 2 == 0 ? Tag.role(tagId) : Tag.user(tagId)));
    }
    String[] thresholds = {"none", "10", "TP/SL", "SL"};
    channel.threshold(share(shared, Threshold.parse(thresholds[i % thresholds.length])));
    return channel.build();
  }

  private static GuildSettings decodedSettings(int g, Map<Object, Object> shared) {
    Instant created = Instant.ofEpochMilli(CREATED + g * 1_000L);
    return GuildSettings.builder()
        .guildId(share(shared, GuildId.of(Long.toString(GUILD_BASE + g))))
        .timezone(
            share(
                shared,
                GuildSettings.parseTimezone(g % 2 == 0 ? "Europe/Paris" : "America/New_York")))
        .positionDisplayEnabled(g % 3 != 0)
        .summaryPreferences(
            share(
                shared,
                SummaryPreferences.builder()
                    .weeklySummary(true)
                    .monthlySummary(g % 2 == 0)
                    .build()))
        .globalChannelId(
            ChannelId.of(Long.toString(CHANNEL_BASE + g * CHANNELS_PER_GUILD * 4_194_304L)))
        .createdAt(created)
        .updatedAt(created)
        .version(1)
        .build();
  }

  @SuppressWarnings("unchecked")
  private static <T> T share(Map<Object, Object> shared, T value) {
    Object first = shared.putIfAbsent(value, value);
    return first == null ? value : (T) first;
  }
}
