package io.github.botconfig.dynamodb;

import io.github.botconfig.domain.CustomValues;
import io.github.botconfig.domain.InvalidConfigException;
import io.github.botconfig.domain.SettingKey;
import io.github.botconfig.domain.SettingRecord;
import io.github.botconfig.domain.SettingType;
import io.github.botconfig.domain.SettingsSchema;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Maps the values of a project's own {@link SettingKey}s to and from their top-level attributes
 * (stored forms in docs/domain.md). A stored value its key cannot read is recorded as such in the
 * {@link CustomValues} — never an unreadable item: the built-in options of the item stay readable.
 * Stateless and thread-safe.
 */
final class CustomItems {
  private CustomItems() {}

  /** Thrown inside this class for a stored value its type cannot read. */
  private static final class WrongForm extends RuntimeException {
    private static final long serialVersionUID = 1L;

    WrongForm(String message) {
      super(message, null, false, false);
    }
  }

  /** The values of {@code scope}'s keys in {@code item}; every key absent: the schema's empty. */
  static CustomValues read(
      Map<String, AttributeValue> item, SettingsSchema schema, SettingKey.Scope scope) {
    List<SettingKey<?>> keys = schema.keys(scope);
    if (keys.isEmpty()) {
      return CustomValues.none();
    }
    CustomValues.Builder values = null;
    for (SettingKey<?> key : keys) {
      AttributeValue stored = item.get(key.name());
      if (stored == null) {
        continue;
      }
      if (values == null) {
        values = CustomValues.builder(schema, scope);
      }
      if (Boolean.TRUE.equals(stored.nul()) && key.type().kind() != SettingType.Kind.OPTIONAL) {
        continue; // NULL: nothing stored, as the JavaScript writers say it
      }
      try {
        values.stored(key, decode(key.type(), stored));
      } catch (WrongForm e) {
        values.unreadable(key, key.name() + " " + e.getMessage() + ", got " + shown(stored));
      } catch (InvalidConfigException e) {
        String message = String.valueOf(e.getMessage());
        values.unreadable(
            key, message.startsWith(key.name() + " ") ? message : key.name() + " " + message);
      }
    }
    return values == null ? schema.empty(scope) : values.build();
  }

  /**
   * Adds the SETs and REMOVEs that turn the keys' values {@code read} into {@code changed}: only
   * the keys whose state differs; a record key whose stored attribute is a map, only its fields
   * that differ (its other keys are kept).
   */
  static void writeChanges(
      CustomValues read,
      CustomValues changed,
      Map<String, AttributeValue> stored,
      Expressions update) {
    for (SettingKey<?> key : read.differingKeys(changed)) {
      Optional<Object> after = changed.storedValue(key);
      if (after.isPresent()) {
        AttributeValue storedMap = stored.get(key.name());
        Optional<Object> before = read.storedValue(key);
        if (key.type().kind() == SettingType.Kind.RECORD
            && storedMap != null
            && storedMap.hasM()
            && before.isPresent()) {
          writeFieldChanges(
              key.name(), (SettingRecord) before.get(), (SettingRecord) after.get(), update);
        } else {
          update.set(key.name(), encode(key.type(), after.get()));
        }
      } else if (changed.problem(key).isEmpty()) {
        update.remove(key.name());
      }
      // Still unreadable in changed (copied from another item): nothing to write.
    }
  }

  /** Adds the SETs of every key holding a value, for a new item. */
  static void write(CustomValues values, Expressions update) {
    for (SettingKey<?> key : values.keys()) {
      values.storedValue(key).ifPresent(value -> update.set(key.name(), encode(key.type(), value)));
    }
  }

  /** The names of {@code schema}'s attributes of {@code scope}, after {@code modelled}. */
  static List<String> modelled(
      List<String> modelled, SettingsSchema schema, SettingKey.Scope scope) {
    List<String> names = new ArrayList<>(modelled);
    schema.keys(scope).forEach(key -> names.add(key.name()));
    return List.copyOf(names);
  }

  /**
   * @throws InvalidConfigException naming the first key holding a value that {@code schema} does
   *     not declare: the store would write it but never read it back
   */
  static void requireDeclared(CustomValues values, SettingsSchema schema) {
    for (SettingKey<?> key : values.keys()) {
      if (values.storedValue(key).isPresent() && !schema.declares(key)) {
        throw new InvalidConfigException(
            "setting key '"
                + key.name()
                + "' is not in this store's schema, so it would never be read back: list it in"
                + " the SettingsSchema given to DynamoDbConfigStore.Builder#settingsSchema");
      }
    }
  }

  private static void writeFieldChanges(
      String name, SettingRecord before, SettingRecord after, Expressions update) {
    for (SettingRecord.Field<?> field : after.fields()) {
      Object value = after.get(field);
      if (!value.equals(before.get(field))) {
        update.setNested(name, field.name(), encode(field.type(), value));
      }
    }
  }

  static AttributeValue encode(SettingType<?> type, Object value) {
    return switch (type.kind()) {
      case BOOLEAN -> TableLayout.bool((Boolean) value);
      case INTEGER -> TableLayout.n((Long) value);
      case DECIMAL -> AttributeValue.fromN(((BigDecimal) value).toPlainString());
      case TEXT -> TableLayout.s((String) value);
      // S, never N: a JavaScript reader of an N snowflake loses its last digits.
      case SNOWFLAKE -> TableLayout.s(Long.toString((Long) value));
      case ENUM -> TableLayout.s(((Enum<?>) value).name());
      case DURATION -> TableLayout.n(((Duration) value).toSeconds());
      case OPTIONAL -> {
        Optional<?> optional = (Optional<?>) value;
        yield optional.isEmpty()
            ? TableLayout.nul()
            : encode(type.element().orElseThrow(), optional.get());
      }
      case LIST -> {
        SettingType<?> element = type.element().orElseThrow();
        List<AttributeValue> list = new ArrayList<>();
        for (Object item : (List<?>) value) {
          list.add(encode(element, item));
        }
        yield AttributeValue.fromL(list);
      }
      case RECORD -> {
        SettingRecord record = (SettingRecord) value;
        Map<String, AttributeValue> map = new HashMap<>();
        for (SettingRecord.Field<?> field : record.fields()) {
          map.put(field.name(), encode(field.type(), record.get(field)));
        }
        yield AttributeValue.fromM(map);
      }
    };
  }

  static Object decode(SettingType<?> type, AttributeValue stored) {
    return switch (type.kind()) {
      case BOOLEAN -> {
        if (stored.bool() != null) {
          yield stored.bool();
        }
        String n = number(stored, "BOOL, or N 0/1");
        if (!n.equals("0") && !n.equals("1")) {
          throw new WrongForm("must be BOOL, or N 0/1");
        }
        yield n.equals("1");
      }
      case INTEGER -> {
        try {
          yield new BigDecimal(number(stored, "N")).longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
          throw new WrongForm("must be a whole number");
        }
      }
      case DECIMAL -> {
        try {
          yield new BigDecimal(number(stored, "N"));
        } catch (NumberFormatException e) {
          throw new WrongForm("must be a number");
        }
      }
      case TEXT -> text(stored, "S");
      case SNOWFLAKE -> {
        if (stored.n() != null) {
          try {
            yield new BigDecimal(stored.n()).longValueExact();
          } catch (ArithmeticException | NumberFormatException e) {
            throw new WrongForm("must be a Discord id");
          }
        }
        yield type.parse(text(stored, "S or N"));
      }
      case ENUM -> type.parse(text(stored, "S"));
      case DURATION -> {
        try {
          yield Duration.ofSeconds(new BigDecimal(number(stored, "N")).longValueExact());
        } catch (ArithmeticException | NumberFormatException e) {
          throw new WrongForm("must be whole seconds");
        }
      }
      case OPTIONAL ->
          Boolean.TRUE.equals(stored.nul())
              ? Optional.empty()
              : Optional.of(decode(type.element().orElseThrow(), stored));
      case LIST -> {
        if (!stored.hasL()) {
          throw new WrongForm("must be L");
        }
        List<Object> values = new ArrayList<>();
        for (AttributeValue item : stored.l()) {
          values.add(decode(type.element().orElseThrow(), item));
        }
        yield values;
      }
      case RECORD -> record(type, stored);
    };
  }

  /** Reads the fields of a map; a missing field reads its default, other keys are ignored. */
  private static SettingRecord record(SettingType<?> type, AttributeValue stored) {
    if (!stored.hasM()) {
      throw new WrongForm("must be M");
    }
    SettingRecord record = (SettingRecord) type.parse("");
    for (SettingRecord.Field<?> field : type.fields()) {
      AttributeValue value = stored.m().get(field.name());
      if (value == null
          || (Boolean.TRUE.equals(value.nul())
              && field.type().kind() != SettingType.Kind.OPTIONAL)) {
        continue;
      }
      try {
        record = record.withValue(field.name(), decode(field.type(), value));
      } catch (WrongForm e) {
        throw new WrongForm("field " + field.name() + " " + e.getMessage());
      }
    }
    return record;
  }

  private static String number(AttributeValue stored, String expected) {
    if (stored.n() == null) {
      throw new WrongForm("must be " + expected);
    }
    return stored.n();
  }

  private static String text(AttributeValue stored, String expected) {
    if (stored.s() == null) {
      throw new WrongForm("must be " + expected);
    }
    return stored.s();
  }

  /** The stored value for a message: its type and, for a scalar, its quoted value. */
  private static String shown(AttributeValue stored) {
    @Nullable String scalar = stored.s() != null ? stored.s() : stored.n();
    if (scalar == null && stored.bool() != null) {
      scalar = stored.bool().toString();
    }
    return scalar == null ? stored.type().toString() : stored.type() + " " + Quoted.of(scalar);
  }
}
