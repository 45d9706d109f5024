package io.github.botconfig.application.port.in;

import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.GuildSettings;
import io.github.botconfig.domain.InvalidConfigException;
import io.github.botconfig.domain.SettingKey;
import io.github.botconfig.domain.SettingType;
import io.github.botconfig.domain.SettingsSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a front end asks to change among a project's own setting keys ({@link SettingKey}): for each
 * key named, a new value (already validated by the key) or a reset to its default. Keys not named
 * keep their stored value, whatever it is.
 *
 * <p>Immutable and thread-safe.
 *
 * @param changes per key, in the order given: the new value, or a {@link Fields} edit of a record
 *     key's fields, or empty to reset it
 */
public record CustomChanges(Map<SettingKey<?>, Optional<Object>> changes) {
  private static final CustomChanges NONE = new CustomChanges(Map.of());

  /**
   * A change of some fields of a record key, as text ({@code stopLossPercent=7.5}): applied onto
   * the value stored when the change is made, so the fields it does not name keep theirs.
   *
   * @param text the fields to change, {@code name=value,name=value}
   */
  public record Fields(String text) {}

  /** Copies {@code changes}, keeping its order. */
  public CustomChanges {
    changes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(changes));
  }

  /** Changes no key. */
  public static CustomChanges none() {
    return NONE;
  }

  /**
   * Reads a front end's {@code KEY=VALUE} assignments and key names to reset, against the keys
   * {@code schema} declares for {@code scope}; each value is parsed and validated by its key.
   *
   * @throws InvalidConfigException naming the assignment, the key or the value that is refused: not
   *     {@code KEY=VALUE}, no such key (the declared ones are listed), a value the key refuses, or
   *     one key both set and reset
   */
  public static CustomChanges parse(
      SettingsSchema schema,
      SettingKey.Scope scope,
      List<String> assignments,
      List<String> resets) {
    Map<SettingKey<?>, Optional<Object>> changes = new LinkedHashMap<>();
    for (String assignment : assignments) {
      int equals = assignment.indexOf('=');
      if (equals <= 0) {
        throw new InvalidConfigException(
            "a setting is given as KEY=VALUE, got '" + oneLine(assignment) + "'");
      }
      SettingKey<?> key = schema.require(scope, assignment.substring(0, equals).strip());
      String text = assignment.substring(equals + 1);
      Object parsed = key.parse(text); // refuses a bad text now, before anything is read
      changes.put(
          key,
          Optional.of(key.type().kind() == SettingType.Kind.RECORD ? new Fields(text) : parsed));
    }
    for (String name : resets) {
      SettingKey<?> key = schema.require(scope, name.strip());
      if (changes.containsKey(key)) {
        throw new InvalidConfigException(
            "setting " + key.name() + " is both set and reset: give one of the two");
      }
      changes.put(key, Optional.empty());
    }
    return new CustomChanges(changes);
  }

  /** Sets {@code key} to {@code value} (validated by the key), after these changes. */
  public <T> CustomChanges with(SettingKey<T> key, T value) {
    Map<SettingKey<?>, Optional<Object>> more = new LinkedHashMap<>(changes);
    more.put(key, Optional.of(key.validate(value)));
    return new CustomChanges(more);
  }

  /** Resets {@code key} to its default, after these changes. */
  public CustomChanges reset(SettingKey<?> key) {
    Map<SettingKey<?>, Optional<Object>> more = new LinkedHashMap<>(changes);
    more.put(key, Optional.empty());
    return new CustomChanges(more);
  }

  public boolean isEmpty() {
    return changes.isEmpty();
  }

  /** The keys named, in order. */
  public List<SettingKey<?>> keys() {
    return new ArrayList<>(changes.keySet());
  }

  /**
   * {@code channel} with these changes.
   *
   * @throws IllegalArgumentException if a key is not a channel key
   */
  public ChannelConfig applyTo(ChannelConfig channel) {
    ChannelConfig changed = channel;
    for (Map.Entry<SettingKey<?>, Optional<Object>> change : changes.entrySet()) {
      changed =
          change.getValue().isPresent()
              ? set(changed, change.getKey(), change.getValue().get())
              : changed.reset(change.getKey());
    }
    return changed;
  }

  /**
   * {@code settings} with these changes.
   *
   * @throws IllegalArgumentException if a key is not a guild key
   */
  public GuildSettings applyTo(GuildSettings settings) {
    GuildSettings changed = settings;
    for (Map.Entry<SettingKey<?>, Optional<Object>> change : changes.entrySet()) {
      changed =
          change.getValue().isPresent()
              ? set(changed, change.getKey(), change.getValue().get())
              : changed.reset(change.getKey());
    }
    return changed;
  }

  private static <T> ChannelConfig set(ChannelConfig channel, SettingKey<T> key, Object value) {
    return channel.with(key, resolve(key, value, channel.get(key)));
  }

  private static <T> GuildSettings set(GuildSettings settings, SettingKey<T> key, Object value) {
    return settings.with(key, resolve(key, value, settings.get(key)));
  }

  private static <T> T resolve(SettingKey<T> key, Object value, T current) {
    return value instanceof Fields fields ? key.parse(fields.text(), current) : key.validate(value);
  }

  private static String oneLine(String text) {
    String cut = text.length() > 64 ? text.substring(0, 64) + "…" : text;
    return cut.replaceAll("\\p{Cntrl}", "?");
  }
}
