package io.github.botconfig.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A setting a project declares for itself, per guild ({@link #guild}) or per tracked channel
 * ({@link #channel}): its name (the stored attribute), its {@link SettingType type}, its default,
 * its validation and a help text. Declare each key once, as a constant, and list it in the {@link
 * SettingsSchema} given to the store; read it with {@link ChannelConfig#get} / {@link
 * GuildSettings#get}, change it with {@code with(key, value)} (see docs/domain.md).
 *
 * <p>Immutable and thread-safe. Keys are compared by identity: the constant is the key.
 *
 * @param <T> the Java type of its values
 */
public final class SettingKey<T> {
  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");

  /** Where a key's values live. */
  public enum Scope {
    /** In a guild's settings item ({@link GuildSettings}). */
    GUILD,
    /** In a tracked channel's item ({@link ChannelConfig}). */
    CHANNEL
  }

  /** A rule of a key beyond its type's bounds, and the words that name it in a refusal. */
  private record Check<T>(Predicate<? super T> test, String rule) {}

  private final String name;
  private final Scope scope;
  private final SettingType<T> type;
  private final T defaultValue;
  private final String help;
  private final List<Check<T>> checks;

  /**
   * Where this key sits in the schema that first listed it: lets {@link CustomValues#get} find it
   * with one array read. Only a hint (checked by identity there), so a plain field: a key listed by
   * two schemas at different places is found by a scan in the second.
   */
  int slot = -1;

  private SettingKey(Builder<T> builder, T defaultValue) {
    this.name = builder.name;
    this.scope = builder.scope;
    this.type = builder.type;
    this.help = builder.help;
    this.checks = List.copyOf(builder.checks);
    this.defaultValue = validate(defaultValue);
  }

  /** Starts the declaration of a key kept in each guild's settings. */
  public static <T> Builder<T> guild(String name, SettingType<T> type) {
    return new Builder<>(name, Scope.GUILD, type);
  }

  /** Starts the declaration of a key kept in each tracked channel. */
  public static <T> Builder<T> channel(String name, SettingType<T> type) {
    return new Builder<>(name, Scope.CHANNEL, type);
  }

  /** The stored attribute's name, also the key's name in the CLI and {@code /config}. */
  public String name() {
    return name;
  }

  public Scope scope() {
    return scope;
  }

  public SettingType<T> type() {
    return type;
  }

  /** What an item that never stored this key reads. */
  public T defaultValue() {
    return defaultValue;
  }

  /** One line saying what the key does, for help texts; empty when none was given. */
  public String help() {
    return help;
  }

  /**
   * Reads a value from its text (the CLI's {@code --set KEY=VALUE}, {@code /config}) and validates
   * it.
   *
   * @throws InvalidConfigException naming the key and the value when it is refused
   */
  public T parse(String text) {
    T value;
    try {
      value = type.parse(text);
    } catch (InvalidConfigException e) {
      throw Inputs.invalid("%s %s", name, e.getMessage());
    }
    return validate(value);
  }

  /**
   * As {@link #parse(String)}, starting from {@code current}: a record key's text changes the
   * fields it names and keeps the others (see {@link SettingType#parse(String, Object)}).
   *
   * @throws InvalidConfigException naming the key and the value when it is refused
   */
  public T parse(String text, T current) {
    T value;
    try {
      value = type.parse(text, current);
    } catch (InvalidConfigException e) {
      throw Inputs.invalid("%s %s", name, e.getMessage());
    }
    return validate(value);
  }

  /** The text {@link #parse} reads back as {@code value}. */
  public String format(T value) {
    return type.format(value);
  }

  /**
   * Returns {@code value} if this key accepts it: of its type, within its bounds, passing its
   * checks.
   *
   * @throws InvalidConfigException naming the key and the value otherwise
   */
  public T validate(Object value) {
    T typed;
    try {
      typed = type.validate(value);
    } catch (InvalidConfigException e) {
      throw Inputs.invalid("%s %s", name, e.getMessage());
    }
    for (Check<T> check : checks) {
      if (!check.test().test(typed)) {
        throw Inputs.invalid(
            "%s must be %s, got %s", name, check.rule(), Inputs.quote(type.format(typed)));
      }
    }
    return typed;
  }

  @Override
  public String toString() {
    return name;
  }

  /**
   * Declares a key; {@link #build} checks the name and the default.
   *
   * <p>Not thread-safe: use one builder on one thread.
   */
  public static final class Builder<T> {
    private final String name;
    private final Scope scope;
    private final SettingType<T> type;
    private Optional<T> defaultValue;
    private String help = "";
    private final List<Check<T>> checks = new ArrayList<>();

    private Builder(String name, Scope scope, SettingType<T> type) {
      if (!NAME.matcher(name).matches()) {
        throw new IllegalArgumentException(
            "setting key name must be a letter then up to 63 letters, digits or _, got "
                + Inputs.quote(name));
      }
      this.name = name;
      this.scope = scope;
      this.type = type;
      this.defaultValue = type.implicitDefault();
    }

    /** What items that never stored the key read; required unless the type has its own. */
    public Builder<T> defaultValue(T value) {
      this.defaultValue = Optional.of(value);
      return this;
    }

    /** One line for help texts ({@code /config}, the CLI). */
    public Builder<T> help(String text) {
      this.help = text;
      return this;
    }

    /**
     * Adds a rule beyond the type's bounds; a value failing it is refused with "{@code NAME must be
     * RULE, got 'VALUE'}".
     */
    public Builder<T> check(Predicate<? super T> test, String rule) {
      checks.add(new Check<>(test, rule));
      return this;
    }

    /**
     * Returns the key.
     *
     * @throws IllegalArgumentException if no default was given for a type without one of its own
     * @throws InvalidConfigException if the default breaks the key's own rules
     */
    public SettingKey<T> build() {
      T value =
          defaultValue.orElseThrow(
              () ->
                  new IllegalArgumentException(
                      "setting key "
                          + name
                          + " needs a default: "
                          + type.description()
                          + " has none of its own"));
      return new SettingKey<>(this, value);
    }
  }
}
