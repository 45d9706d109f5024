package io.github.botconfig.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The values of the {@link SettingKey}s an item holds ({@link ChannelConfig#custom()}, {@link
 * GuildSettings#custom()}): for each key, a value, nothing stored (the key reads its default), or a
 * stored value its type cannot read (the key reads its default, and {@link #problem} says why).
 *
 * <p>Immutable and thread-safe. {@link #get} allocates nothing: the keys are the schema's array,
 * shared by every item, and the values were decoded once, when the item was read. Two instances are
 * equal when every key is in the same state in both (a key missing from one is "nothing stored").
 */
public final class CustomValues {
  /** The state of a key that holds no readable value; never returned by {@link #get}. */
  private static final class Marker {
    private final String problem;

    Marker(String problem) {
      this.problem = problem;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Marker marker && marker.problem.equals(problem);
    }

    @Override
    public int hashCode() {
      return problem.hashCode();
    }
  }

  private static final Marker ABSENT = new Marker("");
  private static final CustomValues NONE = new CustomValues(new SettingKey<?>[0], new Object[0]);

  private final SettingKey<?>[] keys;
  private final Object[] values;

  private CustomValues(SettingKey<?>[] keys, Object[] values) {
    this.keys = keys;
    this.values = values;
  }

  /** No key holds anything: what every value built without a store starts from. */
  public static CustomValues none() {
    return NONE;
  }

  static CustomValues empty(List<SettingKey<?>> keys) {
    if (keys.isEmpty()) {
      return NONE;
    }
    Object[] values = new Object[keys.size()];
    Arrays.fill(values, ABSENT);
    return new CustomValues(keys.toArray(new SettingKey<?>[0]), values);
  }

  /** Starts the values of one item of {@code scope}, as a store decodes it. */
  public static Builder builder(SettingsSchema schema, SettingKey.Scope scope) {
    return new Builder(schema.empty(scope));
  }

  /**
   * The value of {@code key}: the one stored, or its default when none is stored or the stored one
   * cannot be read. Allocates nothing.
   */
  public <T> T get(SettingKey<T> key) {
    int index = indexOf(key);
    if (index >= 0) {
      Object value = values[index];
      if (!(value instanceof Marker)) {
        @SuppressWarnings("unchecked")
        T typed = (T) value;
        return typed;
      }
    }
    return key.defaultValue();
  }

  /** Whether a readable value of {@code key} is stored (else it reads its default). */
  public boolean isStored(SettingKey<?> key) {
    int index = indexOf(key);
    return index >= 0 && !(values[index] instanceof Marker);
  }

  /** The stored value of {@code key}; empty when none is, or when it cannot be read. */
  public Optional<Object> storedValue(SettingKey<?> key) {
    int index = indexOf(key);
    return index >= 0 && !(values[index] instanceof Marker)
        ? Optional.of(values[index])
        : Optional.empty();
  }

  /**
   * Why the stored value of {@code key} cannot be read, naming the attribute and the value; empty
   * when it can, or when none is stored.
   */
  public Optional<String> problem(SettingKey<?> key) {
    int index = indexOf(key);
    return index >= 0 && values[index] instanceof Marker marker && !marker.problem.isEmpty()
        ? Optional.of(marker.problem)
        : Optional.empty();
  }

  /** Every key's {@link #problem}, in key order; empty when every stored value was read. */
  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    for (Object value : values) {
      if (value instanceof Marker marker && !marker.problem.isEmpty()) {
        problems.add(marker.problem);
      }
    }
    return problems;
  }

  /**
   * These values with {@code value} stored for {@code key}.
   *
   * @throws InvalidConfigException naming the key and the value when the key refuses it
   */
  public <T> CustomValues with(SettingKey<T> key, T value) {
    return put(key, key.validate(value));
  }

  /** These values with nothing stored for {@code key}: it reads its default again. */
  public CustomValues reset(SettingKey<?> key) {
    return indexOf(key) < 0 ? this : put(key, ABSENT);
  }

  /**
   * The keys in a different state here and in {@code other} (value, nothing stored, or unreadable),
   * in this instance's order then {@code other}'s: what a write of {@code other} over these values
   * changes.
   */
  public List<SettingKey<?>> differingKeys(CustomValues other) {
    Set<SettingKey<?>> differing = new LinkedHashSet<>();
    for (SettingKey<?> key : keys) {
      if (!state(key).equals(other.state(key))) {
        differing.add(key);
      }
    }
    for (SettingKey<?> key : other.keys) {
      if (!state(key).equals(other.state(key))) {
        differing.add(key);
      }
    }
    return List.copyOf(differing);
  }

  /** The keys this instance knows of (its schema's, and any set on it since), in order. */
  public List<SettingKey<?>> keys() {
    return List.of(keys);
  }

  private Object state(SettingKey<?> key) {
    int index = indexOf(key);
    return index < 0 ? ABSENT : values[index];
  }

  private int indexOf(SettingKey<?> key) {
    int slot = key.slot;
    if (slot >= 0 && slot < keys.length && keys[slot] == key) {
      return slot;
    }
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] == key) {
        return i;
      }
    }
    return -1;
  }

  private CustomValues put(SettingKey<?> key, Object value) {
    int index = indexOf(key);
    if (index >= 0) {
      Object[] copy = values.clone();
      copy[index] = value;
      return new CustomValues(keys, copy);
    }
    SettingKey<?>[] moreKeys = Arrays.copyOf(keys, keys.length + 1);
    Object[] moreValues = Arrays.copyOf(values, values.length + 1);
    moreKeys[keys.length] = key;
    moreValues[values.length] = value;
    return new CustomValues(moreKeys, moreValues);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CustomValues values && differingKeys(values).isEmpty();
  }

  @Override
  public int hashCode() {
    int hash = 0;
    for (int i = 0; i < keys.length; i++) {
      if (values[i] != ABSENT) {
        hash += System.identityHashCode(keys[i]) ^ values[i].hashCode();
      }
    }
    return hash;
  }

  /** {@code {name=value, name=unreadable}}, stored values only. */
  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public String toString() {
    StringBuilder text = new StringBuilder("{");
    for (int i = 0; i < keys.length; i++) {
      if (values[i] == ABSENT) {
        continue;
      }
      if (text.length() > 1) {
        text.append(", ");
      }
      SettingKey key = keys[i];
      text.append(key.name())
          .append('=')
          .append(values[i] instanceof Marker ? "(unreadable)" : key.format(values[i]));
    }
    return text.append('}').toString();
  }

  /**
   * Collects the values of one item, as a store decodes it.
   *
   * <p>Not thread-safe: one builder per item, on one thread.
   */
  public static final class Builder {
    private final SettingKey<?>[] keys;
    private final Object[] values;

    private Builder(CustomValues empty) {
      this.keys = empty.keys;
      this.values = empty.values.clone();
    }

    /**
     * Records the stored value of {@code key}.
     *
     * @throws InvalidConfigException naming the key and the value when the key refuses it
     * @throws IllegalArgumentException if {@code key} is not in the schema
     */
    public Builder stored(SettingKey<?> key, Object value) {
      values[index(key)] = key.validate(value);
      return this;
    }

    /**
     * Records that the stored value of {@code key} cannot be read, and why (naming the attribute
     * and the value).
     */
    public Builder unreadable(SettingKey<?> key, String problem) {
      values[index(key)] = new Marker(problem);
      return this;
    }

    private int index(SettingKey<?> key) {
      for (int i = 0; i < keys.length; i++) {
        if (keys[i] == key) {
          return i;
        }
      }
      throw new IllegalArgumentException("setting key " + key + " is not in the schema");
    }

    public CustomValues build() {
      return keys.length == 0 ? NONE : new CustomValues(keys, values.clone());
    }
  }
}
