package io.github.botconfig.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The {@link SettingKey}s a project declares, per scope: what a store decodes from each item beside
 * the built-in options, and what front ends list and edit generically.
 *
 * <p>Immutable and thread-safe. Give the same schema to every process sharing a table (the bot, its
 * CLI); a key of a schema that one process lacks is kept, untouched, by that process's writes.
 */
public final class SettingsSchema {
  /**
   * Attribute names the table layout and the built-in options use; no key may take one, in any
   * case: the keys and bookkeeping of the table ({@code PK}, {@code SK}, {@code GSI_PK}, {@code
   * GSI_SK}, {@code Type}, {@code version}, {@code createdAt}, {@code updatedAt}) and every
   * built-in attribute of a channel, a guild's settings and its live board.
   */
  public static final Set<String> RESERVED =
      Set.of(
          "PK",
          "SK",
          "GSI_PK",
          "GSI_SK",
          "Type",
          "version",
          "createdAt",
          "updatedAt",
          "image",
          "notifyOnClose",
          "pin",
          "tagType",
          "tagId",
          "threshold",
          "reporters",
          "timezone",
          "positionDisplayEnabled",
          "summaryPreferences",
          "globalChannelId",
          "departedAt",
          "channelId",
          "messageId",
          "guildId");

  private static final Set<String> RESERVED_LOWER =
      RESERVED.stream().map(name -> name.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());

  private static final SettingsSchema NONE = new SettingsSchema(List.of());

  private final List<SettingKey<?>> guildKeys;
  private final List<SettingKey<?>> channelKeys;
  private final CustomValues emptyGuild;
  private final CustomValues emptyChannel;

  private SettingsSchema(List<SettingKey<?>> keys) {
    List<SettingKey<?>> guild = new ArrayList<>();
    List<SettingKey<?>> channel = new ArrayList<>();
    Set<String> seen = new TreeSet<>();
    for (SettingKey<?> key : keys) {
      String lower = key.name().toLowerCase(Locale.ROOT);
      if (RESERVED_LOWER.contains(lower)) {
        throw Inputs.invalid(
            "setting key %s is a name the table layout reserves (%s); choose another",
            Inputs.quote(key.name()), String.join(", ", new TreeSet<>(RESERVED)));
      }
      if (!seen.add(key.scope() + ":" + lower)) {
        throw Inputs.invalid(
            "setting key %s is declared twice for the %s scope (names are compared ignoring case)",
            Inputs.quote(key.name()), key.scope().name().toLowerCase(Locale.ROOT));
      }
      List<SettingKey<?>> scoped = key.scope() == SettingKey.Scope.GUILD ? guild : channel;
      if (key.slot < 0) {
        key.slot = scoped.size();
      }
      scoped.add(key);
    }
    this.guildKeys = List.copyOf(guild);
    this.channelKeys = List.copyOf(channel);
    this.emptyGuild = CustomValues.empty(guildKeys);
    this.emptyChannel = CustomValues.empty(channelKeys);
  }

  /**
   * The schema of these keys.
   *
   * @throws InvalidConfigException naming the key when one takes a reserved name, or two of one
   *     scope share a name (ignoring case)
   */
  public static SettingsSchema of(SettingKey<?>... keys) {
    return keys.length == 0 ? NONE : new SettingsSchema(List.of(keys));
  }

  /** As {@link #of(SettingKey[])}. */
  public static SettingsSchema of(List<? extends SettingKey<?>> keys) {
    return keys.isEmpty() ? NONE : new SettingsSchema(List.copyOf(keys));
  }

  /** No keys: only the built-in options. */
  public static SettingsSchema none() {
    return NONE;
  }

  /** The keys of {@code scope}, in declaration order. */
  public List<SettingKey<?>> keys(SettingKey.Scope scope) {
    return scope == SettingKey.Scope.GUILD ? guildKeys : channelKeys;
  }

  /** The key of {@code scope} named {@code name} (exactly, or else ignoring case). */
  public Optional<SettingKey<?>> key(SettingKey.Scope scope, String name) {
    List<SettingKey<?>> keys = keys(scope);
    for (SettingKey<?> key : keys) {
      if (key.name().equals(name)) {
        return Optional.of(key);
      }
    }
    return keys.stream().filter(key -> key.name().equalsIgnoreCase(name)).findFirst();
  }

  /**
   * The key of {@code scope} named {@code name}.
   *
   * @throws InvalidConfigException naming {@code name} and the declared keys when there is none
   */
  public SettingKey<?> require(SettingKey.Scope scope, String name) {
    return key(scope, name)
        .orElseThrow(
            () ->
                Inputs.invalid(
                    "no %s setting is named %s (declared: %s)",
                    scope.name().toLowerCase(Locale.ROOT),
                    Inputs.quote(name),
                    keys(scope).isEmpty()
                        ? "none"
                        : keys(scope).stream()
                            .map(SettingKey::name)
                            .collect(Collectors.joining(", "))));
  }

  /** Whether {@code key} is one of this schema's (by identity). */
  public boolean declares(SettingKey<?> key) {
    return keys(key.scope()).stream().anyMatch(declared -> declared == key);
  }

  /** The values of an item of {@code scope} that stored none of the keys. */
  public CustomValues empty(SettingKey.Scope scope) {
    return scope == SettingKey.Scope.GUILD ? emptyGuild : emptyChannel;
  }

  @Override
  public String toString() {
    return "SettingsSchema{guild=" + guildKeys + ", channel=" + channelKeys + "}";
  }
}
