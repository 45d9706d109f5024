package io.github.botconfig.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The value of a {@link SettingType#record record} key: a few named fields, each of a single-value
 * type with a default (stored as one map attribute, whose other keys a write keeps).
 *
 * <p>Immutable and thread-safe. Start from the key's default and change it with {@link #with}.
 */
public final class SettingRecord {
  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");

  /**
   * One field of a record.
   *
   * <p>Immutable and thread-safe; compared by name, type and default.
   *
   * @param <T> the Java type of its values
   */
  public static final class Field<T> {
    private final String name;
    private final SettingType<T> type;
    private final T defaultValue;

    private Field(String name, SettingType<T> type, T defaultValue) {
      if (!NAME.matcher(name).matches()) {
        throw new IllegalArgumentException(
            "record field name must be a letter then letters, digits or _, got "
                + Inputs.quote(name));
      }
      if (type.kind() == SettingType.Kind.LIST || type.kind() == SettingType.Kind.RECORD) {
        throw new IllegalArgumentException("record field " + name + " must be a single value");
      }
      this.name = name;
      this.type = type;
      this.defaultValue = type.validate(defaultValue);
    }

    /** A field that defaults to {@code defaultValue}. */
    public static <T> Field<T> of(String name, SettingType<T> type, T defaultValue) {
      return new Field<>(name, type, defaultValue);
    }

    /**
     * A field of a type with a default of its own: {@code optional(…)} (none) or {@code bool()}.
     */
    public static <T> Field<T> of(String name, SettingType<T> type) {
      return new Field<>(
          name,
          type,
          type.implicitDefault()
              .orElseThrow(
                  () -> new IllegalArgumentException("record field " + name + " needs a default")));
    }

    public String name() {
      return name;
    }

    public SettingType<T> type() {
      return type;
    }

    public T defaultValue() {
      return defaultValue;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Field<?> field
          && field.name.equals(name)
          && field.type.description().equals(type.description())
          && field.defaultValue.equals(defaultValue);
    }

    @Override
    public int hashCode() {
      return name.hashCode();
    }

    @Override
    public String toString() {
      return name;
    }
  }

  private final List<Field<?>> fields;
  private final Object[] values;

  private SettingRecord(List<Field<?>> fields, Object[] values) {
    this.fields = fields;
    this.values = values;
  }

  static SettingRecord defaults(List<Field<?>> fields) {
    return new SettingRecord(fields, fields.stream().map(Field::defaultValue).toArray());
  }

  /** Its fields, in order. */
  public List<Field<?>> fields() {
    return fields;
  }

  /**
   * The value of {@code field}.
   *
   * @throws IllegalArgumentException if the record has no such field
   */
  public <T> T get(Field<T> field) {
    @SuppressWarnings("unchecked")
    T value = (T) values[index(field)];
    return value;
  }

  /**
   * The value of the field named {@code name}.
   *
   * @throws IllegalArgumentException if the record has no such field
   */
  public Object get(String name) {
    for (int i = 0; i < fields.size(); i++) {
      if (fields.get(i).name().equals(name)) {
        return values[i];
      }
    }
    throw new IllegalArgumentException("no field " + Inputs.quote(name) + " in " + fields);
  }

  /**
   * This record with {@code field} set to {@code value}.
   *
   * @throws InvalidConfigException naming the field and the value if its type refuses it
   */
  public <T> SettingRecord with(Field<T> field, T value) {
    return withValidated(index(field), value);
  }

  /** As {@link #with}, for a value given as text; used by the record type's own parser. */
  SettingRecord withParsed(Field<?> field, String text) {
    int index = index(field);
    try {
      return withValidated(index, field.type().parse(text));
    } catch (InvalidConfigException e) {
      throw Inputs.invalid("field %s %s", field.name(), e.getMessage());
    }
  }

  /** As {@link #with}, for a value of unknown type (a store decoding a map). */
  public SettingRecord withValue(String fieldName, Object value) {
    for (int i = 0; i < fields.size(); i++) {
      if (fields.get(i).name().equals(fieldName)) {
        return withValidated(i, value);
      }
    }
    throw new IllegalArgumentException("no field " + Inputs.quote(fieldName) + " in " + fields);
  }

  private SettingRecord withValidated(int index, Object value) {
    Object validated;
    try {
      validated = fields.get(index).type().validate(value);
    } catch (InvalidConfigException e) {
      throw Inputs.invalid("field %s %s", fields.get(index).name(), e.getMessage());
    }
    Object[] copy = values.clone();
    copy[index] = validated;
    return new SettingRecord(fields, copy);
  }

  private int index(Field<?> field) {
    for (int i = 0; i < fields.size(); i++) {
      if (fields.get(i).equals(field)) {
        return i;
      }
    }
    throw new IllegalArgumentException("no field " + field.name() + " in " + fields);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SettingRecord record
        && record.fields.equals(fields)
        && Arrays.equals(record.values, values);
  }

  @Override
  public int hashCode() {
    return Objects.hash(fields, Arrays.hashCode(values));
  }

  /** {@code name=value,name=value}, the text the record type parses. */
  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public String toString() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        text.append(',');
      }
      SettingType type = fields.get(i).type();
      text.append(fields.get(i).name()).append('=').append(type.format(values[i]));
    }
    return text.toString();
  }
}
