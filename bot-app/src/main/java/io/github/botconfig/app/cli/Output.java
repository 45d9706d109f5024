package io.github.botconfig.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.botconfig.app.json.ConfigJson;
import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.GuildSettings;
import io.github.botconfig.domain.SummaryPreferences;
import io.github.botconfig.domain.Tag;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** How results are printed: aligned text for people, one JSON document for scripts. */
final class Output {
  private Output() {}

  static void json(PrintWriter out, JsonNode node) {
    try {
      out.println(ConfigJson.mapper().writeValueAsString(node));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void channel(PrintWriter out, ChannelConfig c) {
    out.printf("channel %s in guild %s%n", c.channelId(), c.guildId());
    row(out, "image", c.image());
    row(out, "notify on close", c.notifyOnClose());
    row(out, "pin", c.pin());
    row(out, "tag", tag(c.tag()));
    row(out, "threshold", c.threshold());
    row(out, "reporters", c.reporters());
    metadata(out, c.version(), c.createdAt(), c.updatedAt());
  }

  static void channelTable(PrintWriter out, List<ChannelConfig> channels) {
    if (channels.isEmpty()) {
      out.println("no tracked channels");
      return;
    }
    String format = "%-20s %-20s %-6s %-7s %-6s %-26s %-9s %s%n";
    out.printf(format, "GUILD", "CHANNEL", "IMAGE", "NOTIFY", "PIN", "TAG", "THRESHOLD", "VERSION");
    for (ChannelConfig c : channels) {
      out.printf(
          format,
          c.guildId(),
          c.channelId(),
          c.image(),
          c.notifyOnClose(),
          c.pin(),
          c.tag().map(Tag::toString).orElse("-"),
          c.threshold(),
          c.version());
    }
  }

  static void settings(PrintWriter out, GuildSettings s, boolean stored) {
    out.printf("settings of guild %s%s%n", s.guildId(), stored ? "" : " (defaults: none stored)");
    row(out, "timezone", s.timezone().getId());
    row(out, "board", s.positionDisplayEnabled());
    SummaryPreferences p = s.summaryPreferences();
    row(out, "daily summary", p.dailySummary());
    row(out, "weekly summary", p.weeklySummary());
    row(out, "monthly summary", p.monthlySummary());
    row(out, "summary tag", tag(p.tag()));
    row(out, "summary pin", p.pin());
    row(out, "global channel", s.globalChannelId().map(Object::toString).orElse("none"));
    s.departedAt().ifPresent(at -> row(out, "bot departed at", at));
    if (stored) {
      metadata(out, s.version(), s.createdAt(), s.updatedAt());
    }
  }

  private static String tag(Optional<Tag> tag) {
    return tag.map(t -> t + " (" + t.mention() + ")").orElse("none");
  }

  private static void row(PrintWriter out, String name, Object value) {
    out.printf("  %-17s %s%n", name, value);
  }

  private static void metadata(PrintWriter out, long version, Instant created, Instant updated) {
    out.printf("  version %d, created %s, updated %s%n", version, created, updated);
  }
}
