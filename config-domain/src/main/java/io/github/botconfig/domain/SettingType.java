package io.github.botconfig.domain;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The type of a {@link SettingKey}: which Java values it holds, which it accepts, how they are
 * written as text (the CLI, {@code /config}) and, through {@link #kind()}, how a store keeps them
 * (docs/domain.md lists the stored form of each kind).
 *
 * <p>Immutable and thread-safe. Made by the static factories only; {@link #parse} and {@link
 * #validate} throw {@link InvalidConfigException} with a message naming the value, to which {@link
 * SettingKey} prefixes the key's name.
 *
 * @param <T> the Java type of the values
 */
public abstract class SettingType<T> {
  /** What a type is made of; a store maps each kind to one stored form. */
  public enum Kind {
    BOOLEAN,
    INTEGER,
    DECIMAL,
    TEXT,
    SNOWFLAKE,
    ENUM,
    DURATION,
    OPTIONAL,
    LIST,
    RECORD
  }

  private final Kind kind;
  private final String description;

  SettingType(Kind kind, String description) {
    this.kind = kind;
    this.description = description;
  }

  /** {@code true} or {@code false}; text {@code true/false}, {@code on/off}, {@code yes/no}. */
  public static SettingType<Boolean> bool() {
    return BoolType.INSTANCE;
  }

  /** A whole number from {@code min} to {@code max}, both included. */
  public static SettingType<Long> integer(long min, long max) {
    if (min > max) {
      throw new IllegalArgumentException("integer: min " + min + " is above max " + max);
    }
    return new IntegerType(min, max);
  }

  /** A decimal number from {@code min} to {@code max}, both included. */
  public static SettingType<BigDecimal> decimal(BigDecimal min, BigDecimal max) {
    if (min.compareTo(max) > 0) {
      throw new IllegalArgumentException("decimal: min " + min + " is above max " + max);
    }
    return new DecimalType(min, max);
  }

  /** Any text of 1 to {@code maxLength} characters, without control characters. */
  public static SettingType<String> text(int maxLength) {
    if (maxLength < 1) {
      throw new IllegalArgumentException("text: maxLength must be at least 1, got " + maxLength);
    }
    return new TextType(maxLength);
  }

  /** A Discord id (a channel, a role, a user…): a positive 64-bit number. */
  public static SettingType<Long> snowflake() {
    return SnowflakeType.INSTANCE;
  }

  /** One of the constants of {@code type}, by name (read in any case). */
  public static <E extends Enum<E>> SettingType<E> enumOf(Class<E> type) {
    return new EnumType<>(type);
  }

  /** A duration from {@code min} to {@code max}, in whole seconds. */
  public static SettingType<Duration> duration(Duration min, Duration max) {
    if (min.isNegative() || min.compareTo(max) > 0) {
      throw new IllegalArgumentException("duration: min " + min + " must be 0 to max " + max);
    }
    return new DurationType(min, max);
  }

  /** A value of {@code type}, or none; defaults to none. */
  public static <T> SettingType<Optional<T>> optional(SettingType<T> type) {
    if (type.kind == Kind.OPTIONAL || type.kind == Kind.LIST || type.kind == Kind.RECORD) {
      throw new IllegalArgumentException("optional: holds a single value, not " + type.kind);
    }
    return new OptionalType<>(type);
  }

  /** At most {@code maxSize} values of {@code element} (a single value type). */
  public static <T> SettingType<List<T>> listOf(SettingType<T> element, int maxSize) {
    if (element.kind == Kind.OPTIONAL || element.kind == Kind.LIST || element.kind == Kind.RECORD) {
      throw new IllegalArgumentException("listOf: holds single values, not " + element.kind);
    }
    if (maxSize < 1) {
      throw new IllegalArgumentException("listOf: maxSize must be at least 1, got " + maxSize);
    }
    return new ListType<>(element, maxSize);
  }

  /** A small record of named fields (stored as a map); see {@link SettingRecord}. */
  public static SettingType<SettingRecord> record(SettingRecord.Field<?>... fields) {
    return new RecordType(List.of(fields));
  }

  /** What this type is made of. */
  public final Kind kind() {
    return kind;
  }

  /** What a value must be, for help texts and messages ("a whole number from 0 to 60"). */
  public final String description() {
    return description;
  }

  /**
   * Reads a value from its text.
   *
   * @throws InvalidConfigException naming {@code text} when it is not a value of this type
   */
  public abstract T parse(String text);

  /**
   * Reads a value from its text, starting from {@code current}: for a record, the fields the text
   * names change and the others keep their value in {@code current}; for every other type, {@link
   * #parse(String)}.
   *
   * @throws InvalidConfigException naming {@code text} when it is not a value of this type
   */
  public T parse(String text, T current) {
    return parse(text);
  }

  /** The text {@link #parse} reads back as {@code value}. */
  public abstract String format(T value);

  /**
   * Returns {@code value} as a value of this type if it is one within its bounds.
   *
   * @throws InvalidConfigException naming the value otherwise
   */
  public abstract T validate(Object value);

  /** For {@link Kind#OPTIONAL} and {@link Kind#LIST}: the type of what it holds. */
  public Optional<SettingType<?>> element() {
    return Optional.empty();
  }

  /** For {@link Kind#RECORD}: its fields, in order. */
  public List<SettingRecord.Field<?>> fields() {
    return List.of();
  }

  /** For {@link Kind#ENUM}: its constants, in order. */
  public List<? extends Enum<?>> constants() {
    return List.of();
  }

  /** The value a key of this type reads when it declares no default, if the type has one. */
  Optional<T> implicitDefault() {
    return Optional.empty();
  }

  @Override
  public String toString() {
    return description;
  }

  static InvalidConfigException refused(String expected, Object value) {
    return Inputs.invalid("must be %s, got %s", expected, Inputs.quote(String.valueOf(value)));
  }

  private static final class BoolType extends SettingType<Boolean> {
    static final BoolType INSTANCE = new BoolType();

    BoolType() {
      super(Kind.BOOLEAN, "true or false");
    }

    @Override
    public Boolean parse(String text) {
      return switch (text.strip().toLowerCase(Locale.ROOT)) {
        case "true", "on", "yes" -> Boolean.TRUE;
        case "false", "off", "no" -> Boolean.FALSE;
        default -> throw refused(description(), text);
      };
    }

    @Override
    public String format(Boolean value) {
      return value.toString();
    }

    @Override
    public Boolean validate(Object value) {
      if (value instanceof Boolean b) {
        return b;
      }
      throw refused(description(), value);
    }

    @Override
    Optional<Boolean> implicitDefault() {
      return Optional.of(Boolean.FALSE);
    }
  }

  private static final class IntegerType extends SettingType<Long> {
    private final long min;
    private final long max;

    IntegerType(long min, long max) {
      super(Kind.INTEGER, "a whole number from " + min + " to " + max);
      this.min = min;
      this.max = max;
    }

    @Override
    public Long parse(String text) {
      long value;
      try {
        value = Long.parseLong(text.strip());
      } catch (NumberFormatException e) {
        throw refused(description(), text);
      }
      return validate(value);
    }

    @Override
    public String format(Long value) {
      return value.toString();
    }

    @Override
    public Long validate(Object value) {
      if (value instanceof Long l && l >= min && l <= max) {
        return l;
      }
      if (value instanceof Integer i) {
        return validate(Long.valueOf(i));
      }
      throw refused(description(), value);
    }
  }

  private static final class DecimalType extends SettingType<BigDecimal> {
    private final BigDecimal min;
    private final BigDecimal max;

    DecimalType(BigDecimal min, BigDecimal max) {
      super(Kind.DECIMAL, "a number from " + min.toPlainString() + " to " + max.toPlainString());
      this.min = min;
      this.max = max;
    }

    @Override
    public BigDecimal parse(String text) {
      String stripped = text.strip();
      // Plain decimals only: "1e400" would be one short text for a number no store keeps.
      if (!stripped.matches("-?\\d{1,30}(\\.\\d{1,8})?")) {
        throw refused(description(), text);
      }
      return validate(new BigDecimal(stripped));
    }

    @Override
    public String format(BigDecimal value) {
      return value.toPlainString();
    }

    @Override
    public BigDecimal validate(Object value) {
      if (value instanceof BigDecimal d && d.compareTo(min) >= 0 && d.compareTo(max) <= 0) {
        // One value, one form: 12.50 and 12.5 are the same setting (and equal values compare
        // equal, so a write of the same number writes nothing).
        BigDecimal plain = d.stripTrailingZeros();
        return plain.scale() < 0 ? plain.setScale(0) : plain;
      }
      throw refused(description(), value instanceof BigDecimal d ? d.toPlainString() : value);
    }
  }

  private static final class TextType extends SettingType<String> {
    private final int maxLength;

    TextType(int maxLength) {
      super(Kind.TEXT, "a text of 1 to " + maxLength + " characters");
      this.maxLength = maxLength;
    }

    @Override
    public String parse(String text) {
      return validate(text);
    }

    @Override
    public String format(String value) {
      return value;
    }

    @Override
    public String validate(Object value) {
      if (value instanceof String s
          && !s.isEmpty()
          && s.length() <= maxLength
          && s.chars().noneMatch(Character::isISOControl)) {
        return s;
      }
      throw refused(description() + " without control characters", value);
    }
  }

  private static final class SnowflakeType extends SettingType<Long> {
    static final SnowflakeType INSTANCE = new SnowflakeType();

    SnowflakeType() {
      super(Kind.SNOWFLAKE, "a Discord id (digits only)");
    }

    @Override
    public Long parse(String text) {
      try {
        return Snowflakes.parse("the value", text.strip());
      } catch (InvalidConfigException e) {
        throw refused(description(), text);
      }
    }

    @Override
    public String format(Long value) {
      return Long.toString(value);
    }

    @Override
    public Long validate(Object value) {
      if (value instanceof Long l && l > 0) {
        return l;
      }
      throw refused("a positive Discord id", value);
    }
  }

  private static final class EnumType<E extends Enum<E>> extends SettingType<E> {
    private final Class<E> type;
    private final List<E> constants;

    EnumType(Class<E> type) {
      super(
          Kind.ENUM,
          "one of "
              + Arrays.stream(type.getEnumConstants())
                  .map(Enum::name)
                  .collect(Collectors.joining(", ")));
      this.type = type;
      this.constants = List.of(type.getEnumConstants());
    }

    @Override
    public E parse(String text) {
      String wanted = text.strip();
      for (E constant : constants) {
        if (constant.name().equalsIgnoreCase(wanted)) {
          return constant;
        }
      }
      throw refused(description(), text);
    }

    @Override
    public String format(E value) {
      return value.name();
    }

    @Override
    public E validate(Object value) {
      if (type.isInstance(value)) {
        return type.cast(value);
      }
      throw refused(description(), value);
    }

    @Override
    public List<? extends Enum<?>> constants() {
      return constants;
    }
  }

  private static final class DurationType extends SettingType<Duration> {
    private static final Pattern UNITS =
        Pattern.compile("(?i)(?:(\\d{1,7})h)?(?:(\\d{1,9})m)?(?:(\\d{1,11})s)?");
    private final Duration min;
    private final Duration max;

    DurationType(Duration min, Duration max) {
      super(
          Kind.DURATION,
          "a duration from " + words(min) + " to " + words(max) + " (90, 90s, 5m, 1h30m)");
      this.min = min;
      this.max = max;
    }

    @Override
    public Duration parse(String text) {
      String stripped = text.strip();
      Duration value;
      if (stripped.matches("\\d{1,11}")) {
        value = Duration.ofSeconds(Long.parseLong(stripped));
      } else if (stripped.regionMatches(true, 0, "PT", 0, 2)) {
        try {
          value = Duration.parse(stripped);
        } catch (DateTimeParseException e) {
          throw refused(description(), text);
        }
      } else {
        Matcher units = UNITS.matcher(stripped);
        if (stripped.isEmpty() || !units.matches()) {
          throw refused(description(), text);
        }
        value =
            Duration.ofHours(number(units.group(1)))
                .plusMinutes(number(units.group(2)))
                .plusSeconds(number(units.group(3)));
      }
      return validate(value);
    }

    private static long number(String group) {
      return group == null ? 0 : Long.parseLong(group);
    }

    @Override
    public String format(Duration value) {
      return words(value);
    }

    private static String words(Duration value) {
      long seconds = value.toSeconds();
      StringBuilder text = new StringBuilder();
      if (seconds >= 3600) {
        text.append(seconds / 3600).append('h');
      }
      if (seconds % 3600 >= 60) {
        text.append(seconds % 3600 / 60).append('m');
      }
      if (seconds % 60 != 0 || text.length() == 0) {
        text.append(seconds % 60).append('s');
      }
      return text.toString();
    }

    @Override
    public Duration validate(Object value) {
      if (value instanceof Duration d
          && d.toNanosPart() == 0
          && d.compareTo(min) >= 0
          && d.compareTo(max) <= 0) {
        return d;
      }
      throw refused(
          description() + " in whole seconds", value instanceof Duration d ? words(d) : value);
    }
  }

  private static final class OptionalType<T> extends SettingType<Optional<T>> {
    private final SettingType<T> type;

    OptionalType(SettingType<T> type) {
      super(Kind.OPTIONAL, type.description() + ", or none");
      this.type = type;
    }

    @Override
    public Optional<T> parse(String text) {
      String stripped = text.strip();
      if (stripped.isEmpty() || stripped.equalsIgnoreCase("none")) {
        return Optional.empty();
      }
      return Optional.of(type.parse(text));
    }

    @Override
    public String format(Optional<T> value) {
      return value.map(type::format).orElse("none");
    }

    @Override
    public Optional<T> validate(Object value) {
      if (value instanceof Optional<?> optional) {
        return optional.isEmpty() ? Optional.empty() : Optional.of(type.validate(optional.get()));
      }
      throw refused(description(), value);
    }

    @Override
    public Optional<SettingType<?>> element() {
      return Optional.of(type);
    }

    @Override
    Optional<Optional<T>> implicitDefault() {
      return Optional.of(Optional.empty());
    }
  }

  private static final class ListType<T> extends SettingType<List<T>> {
    private final SettingType<T> element;
    private final int maxSize;

    ListType(SettingType<T> element, int maxSize) {
      super(Kind.LIST, "up to " + maxSize + " of " + element.description() + ", comma-separated");
      this.element = element;
      this.maxSize = maxSize;
    }

    @Override
    public List<T> parse(String text) {
      if (text.isBlank()) {
        return List.of();
      }
      List<T> values = new ArrayList<>();
      for (String part : text.split(",", -1)) {
        values.add(element.parse(part));
      }
      return validate(values);
    }

    @Override
    public String format(List<T> value) {
      return value.stream().map(element::format).collect(Collectors.joining(","));
    }

    @Override
    public List<T> validate(Object value) {
      if (!(value instanceof List<?> list) || list.size() > maxSize) {
        throw refused(description(), value);
      }
      List<T> values = new ArrayList<>(list.size());
      for (Object item : list) {
        values.add(element.validate(item));
      }
      return Collections.unmodifiableList(values);
    }

    @Override
    public Optional<SettingType<?>> element() {
      return Optional.of(element);
    }

    @Override
    Optional<List<T>> implicitDefault() {
      return Optional.of(List.of());
    }
  }

  private static final class RecordType extends SettingType<SettingRecord> {
    private final List<SettingRecord.Field<?>> fields;
    private final SettingRecord defaults;

    RecordType(List<SettingRecord.Field<?>> fields) {
      super(
          Kind.RECORD,
          fields.stream()
              .map(field -> field.name() + "=" + field.type().description())
              .collect(Collectors.joining(", ", "fields ", "")));
      if (fields.isEmpty()) {
        throw new IllegalArgumentException("record: needs at least one field");
      }
      if (fields.stream().map(SettingRecord.Field::name).distinct().count() != fields.size()) {
        throw new IllegalArgumentException("record: two fields share a name in " + fields);
      }
      this.fields = List.copyOf(fields);
      this.defaults = SettingRecord.defaults(this.fields);
    }

    @Override
    public SettingRecord parse(String text) {
      return parse(text, defaults);
    }

    @Override
    public SettingRecord parse(String text, SettingRecord current) {
      SettingRecord value = validate(current);
      if (text.isBlank()) {
        return value;
      }
      for (String part : text.split(",", -1)) {
        int equals = part.indexOf('=');
        String name = equals < 0 ? part.strip() : part.substring(0, equals).strip();
        SettingRecord.Field<?> field =
            fields.stream()
                .filter(f -> f.name().equals(name))
                .findFirst()
                .orElseThrow(
                    () ->
                        Inputs.invalid(
                            "has no field %s (its fields: %s)",
                            Inputs.quote(name),
                            fields.stream()
                                .map(SettingRecord.Field::name)
                                .collect(Collectors.joining(", "))));
        if (equals < 0) {
          throw Inputs.invalid("field %s needs a value (name=value)", Inputs.quote(name));
        }
        value = value.withParsed(field, part.substring(equals + 1));
      }
      return value;
    }

    @Override
    public String format(SettingRecord value) {
      return value.toString();
    }

    @Override
    public SettingRecord validate(Object value) {
      if (value instanceof SettingRecord record && record.fields().equals(fields)) {
        return record;
      }
      throw refused(description(), value);
    }

    @Override
    public List<SettingRecord.Field<?>> fields() {
      return fields;
    }

    @Override
    Optional<SettingRecord> implicitDefault() {
      return Optional.of(defaults);
    }
  }
}
