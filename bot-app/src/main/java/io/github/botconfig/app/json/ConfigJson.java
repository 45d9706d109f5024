package io.github.botconfig.app.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.CustomValues;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.GuildSettings;
import io.github.botconfig.domain.InvalidConfigException;
import io.github.botconfig.domain.Reporters;
import io.github.botconfig.domain.SettingKey;
import io.github.botconfig.domain.SettingsSchema;
import io.github.botconfig.domain.SummaryPreferences;
import io.github.botconfig.domain.Tag;
import io.github.botconfig.domain.TagType;
import io.github.botconfig.domain.Threshold;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Writes and reads channels and guild settings as JSON documents. Ids are strings (a JavaScript
 * reader would round a snowflake number), times ISO-8601, a missing tag / threshold / channel
 * {@code null}.
 *
 * <pre>
 * {"guildId":"1","channelId":"2","image":false,"notifyOnClose":true,"pin":true,
 *  "tag":{"type":"ROLE","id":"3"},"threshold":"12.5","reporters":"webhooks",
 *  "createdAt":"2026-01-01T00:00:00Z","updatedAt":"2026-01-01T00:00:00Z","version":1}
 * </pre>
 *
 * <p>Thread-safe.
 */
public final class ConfigJson {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ConfigJson() {}

  /** The shared mapper (thread-safe once configured). */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** As {@link #channel(ChannelConfig)}, with {@code custom}: every key {@code schema} declares. */
  public static ObjectNode channel(ChannelConfig channel, SettingsSchema schema) {
    ObjectNode node = channel(channel);
    custom(node, channel.custom(), schema.keys(SettingKey.Scope.CHANNEL));
    return node;
  }

  /**
   * As {@link #settings(GuildSettings)}, with {@code custom}: every key {@code schema} declares.
   */
  public static ObjectNode settings(GuildSettings settings, SettingsSchema schema) {
    ObjectNode node = settings(settings);
    custom(node, settings.custom(), schema.keys(SettingKey.Scope.GUILD));
    return node;
  }

  /**
   * {@code "custom": {"KEY": value}}: booleans and numbers as JSON values, everything else in the
   * text {@code --set KEY=VALUE} reads; and {@code "customProblems": {"KEY": "why"}} for stored
   * values that cannot be read (their key then acts on its default).
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void custom(ObjectNode node, CustomValues values, List<SettingKey<?>> keys) {
    if (keys.isEmpty()) {
      return;
    }
    ObjectNode custom = node.putObject("custom");
    ObjectNode problems = MAPPER.createObjectNode();
    for (SettingKey key : keys) {
      Object value = values.get(key);
      switch (key.type().kind()) {
        case BOOLEAN -> custom.put(key.name(), (Boolean) value);
        case INTEGER -> custom.put(key.name(), (Long) value);
        case DECIMAL -> custom.put(key.name(), (java.math.BigDecimal) value);
        default -> custom.put(key.name(), key.format(value));
      }
      values.problem(key).ifPresent(problem -> problems.put(key.name(), problem));
    }
    if (!problems.isEmpty()) {
      node.set("customProblems", problems);
    }
  }

  public static ObjectNode channel(ChannelConfig channel) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("guildId", channel.guildId().toString());
    node.put("channelId", channel.channelId().toString());
    node.put("image", channel.image());
    node.put("notifyOnClose", channel.notifyOnClose());
    node.put("pin", channel.pin());
    node.set("tag", tag(channel.tag()));
    if (channel.threshold().equals(Threshold.NONE)) {
      node.putNull("threshold");
    } else {
      node.put("threshold", channel.threshold().toString());
    }
    node.put("reporters", channel.reporters().text());
    metadata(node, channel.createdAt(), channel.updatedAt(), channel.version());
    return node;
  }

  public static ArrayNode channels(List<ChannelConfig> channels) {
    ArrayNode array = MAPPER.createArrayNode();
    channels.forEach(c -> array.add(channel(c)));
    return array;
  }

  public static ObjectNode settings(GuildSettings settings) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("guildId", settings.guildId().toString());
    node.put("timezone", settings.timezone().getId());
    node.put("positionDisplayEnabled", settings.positionDisplayEnabled());
    SummaryPreferences prefs = settings.summaryPreferences();
    ObjectNode summaries = node.putObject("summaryPreferences");
    summaries.put("dailySummary", prefs.dailySummary());
    summaries.put("weeklySummary", prefs.weeklySummary());
    summaries.put("monthlySummary", prefs.monthlySummary());
    summaries.set("tag", tag(prefs.tag()));
    summaries.put("pin", prefs.pin());
    if (settings.globalChannelId().isPresent()) {
      node.put("globalChannelId", settings.globalChannelId().get().toString());
    } else {
      node.putNull("globalChannelId");
    }
    if (settings.departedAt().isPresent()) {
      node.put("departedAt", settings.departedAt().get().toString());
    } else {
      node.putNull("departedAt");
    }
    metadata(node, settings.createdAt(), settings.updatedAt(), settings.version());
    return node;
  }

  /**
   * Reads a channel written by {@link #channel}.
   *
   * @throws InvalidConfigException naming the field and the value when the document is not a valid
   *     channel
   */
  public static ChannelConfig readChannel(JsonNode node) {
    Reader r = new Reader(node, "channel");
    return ChannelConfig.builder()
        .guildId(GuildId.of(r.text("guildId")))
        .channelId(ChannelId.of(r.text("channelId")))
        .image(r.bool("image"))
        .notifyOnClose(r.bool("notifyOnClose"))
        .pin(r.bool("pin"))
        .tag(readTag(r, node.get("tag")))
        .threshold(r.optionalText("threshold").map(Threshold::parse).orElse(Threshold.NONE))
        .reporters(r.optionalText("reporters").map(Reporters::parse).orElse(Reporters.WEBHOOKS))
        .createdAt(r.instant("createdAt"))
        .updatedAt(r.instant("updatedAt"))
        .version(r.version())
        .build();
  }

  /**
   * Reads settings written by {@link #settings}.
   *
   * @throws InvalidConfigException naming the field and the value when the document is not valid
   *     settings
   */
  public static GuildSettings readSettings(JsonNode node) {
    Reader r = new Reader(node, "settings");
    JsonNode summaryNode = r.object("summaryPreferences");
    Reader s = new Reader(summaryNode, "summaryPreferences");
    return GuildSettings.builder()
        .guildId(GuildId.of(r.text("guildId")))
        .timezone(GuildSettings.parseTimezone(r.text("timezone")))
        .positionDisplayEnabled(r.bool("positionDisplayEnabled"))
        .summaryPreferences(
            SummaryPreferences.builder()
                .dailySummary(s.bool("dailySummary"))
                .weeklySummary(s.bool("weeklySummary"))
                .monthlySummary(s.bool("monthlySummary"))
                .tag(readTag(s, summaryNode.get("tag")))
                .pin(s.bool("pin"))
                .build())
        .globalChannelId(r.optionalText("globalChannelId").map(ChannelId::of))
        .departedAt(r.optionalText("departedAt").map(t -> Reader.parseInstant("departedAt", t)))
        .createdAt(r.instant("createdAt"))
        .updatedAt(r.instant("updatedAt"))
        .version(r.version())
        .build();
  }

  private static JsonNode tag(Optional<Tag> tag) {
    if (tag.isEmpty()) {
      return MAPPER.nullNode();
    }
    ObjectNode node = MAPPER.createObjectNode();
    node.put("type", tag.get().type().name());
    node.put("id", tag.get().idText());
    return node;
  }

  private static Optional<Tag> readTag(Reader parent, JsonNode node) {
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    Reader r = new Reader(parent.field("tag", node, JsonNodeType.OBJECT), parent.what + ".tag");
    return Optional.of(Tag.of(TagType.parse(r.text("type")), r.text("id")));
  }

  private static void metadata(
      ObjectNode node, Instant createdAt, Instant updatedAt, long version) {
    node.put("createdAt", createdAt.toString());
    node.put("updatedAt", updatedAt.toString());
    node.put("version", version);
  }

  /** Reads fields with errors that name the document, the field and what was found. */
  private static final class Reader {
    private final JsonNode node;
    private final String what;

    Reader(JsonNode node, String what) {
      if (!node.isObject()) {
        throw invalid(what + " must be a JSON object, got " + describe(node));
      }
      this.node = node;
      this.what = what;
    }

    String text(String name) {
      return field(name, node.get(name), JsonNodeType.STRING).asText();
    }

    Optional<String> optionalText(String name) {
      JsonNode value = node.get(name);
      if (value == null || value.isNull()) {
        return Optional.empty();
      }
      return Optional.of(field(name, value, JsonNodeType.STRING).asText());
    }

    boolean bool(String name) {
      return field(name, node.get(name), JsonNodeType.BOOLEAN).asBoolean();
    }

    JsonNode object(String name) {
      return field(name, node.get(name), JsonNodeType.OBJECT);
    }

    Instant instant(String name) {
      return parseInstant(what + "." + name, text(name));
    }

    long version() {
      JsonNode value = field("version", node.get("version"), JsonNodeType.NUMBER);
      if (!value.canConvertToLong() || !value.isIntegralNumber() || value.asLong() < 0) {
        throw invalid(what + ".version must be a whole number 0 or more, got " + value);
      }
      return value.asLong();
    }

    JsonNode field(String name, JsonNode value, JsonNodeType type) {
      if (value == null) {
        throw invalid(what + "." + name + " is missing");
      }
      if (value.getNodeType() != type) {
        throw invalid(
            what
                + "."
                + name
                + " must be a JSON "
                + type.name().toLowerCase(Locale.ROOT)
                + ", got "
                + describe(value));
      }
      return value;
    }

    static Instant parseInstant(String name, String text) {
      try {
        return Instant.parse(text);
      } catch (DateTimeParseException e) {
        throw invalid(
            name
                + " must be an ISO-8601 time such as 2026-01-01T00:00:00Z, got '"
                + shorten(text)
                + "'");
      }
    }

    private static String describe(JsonNode value) {
      return value.getNodeType().name().toLowerCase(Locale.ROOT) + " " + shorten(value.toString());
    }

    private static String shorten(String text) {
      return text.length() <= 64 ? text : text.substring(0, 64) + "…";
    }

    private static InvalidConfigException invalid(String message) {
      return new InvalidConfigException(message);
    }
  }
}
