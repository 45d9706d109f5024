package io.github.botconfig.dynamodb;

import io.github.botconfig.domain.InvalidConfigException;
import io.github.botconfig.domain.Tag;
import io.github.botconfig.domain.TagType;
import io.github.botconfig.domain.Threshold;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads the attributes of one item (or of one map inside it), accepting every form the running
 * TypeScript bot wrote: booleans as BOOL or N 0/1, ids as S or N, {@code tagType} in any case, NULL
 * for "absent".
 *
 * <p>A value of an unexpected type or content throws {@link MalformedItemException} naming the
 * attribute.
 */
final class AttributeReader {
  /** The older TypeScript bot's {@code tagType} for "no tag". */
  static final String NO_TAG = "NONE";

  private final Map<String, AttributeValue> attributes;
  private final String prefix;

  private AttributeReader(Map<String, AttributeValue> attributes, String prefix) {
    this.attributes = attributes;
    this.prefix = prefix;
  }

  static AttributeReader of(Map<String, AttributeValue> item) {
    return new AttributeReader(item, "");
  }

  /** A reader of the map attribute {@code name}; an absent or NULL map reads as empty. */
  AttributeReader map(String name) {
    AttributeValue value = present(name);
    if (value == null) {
      return new AttributeReader(Map.of(), prefix + name + '.');
    }
    if (!value.hasM()) {
      throw wrongType(name, value, "a map (M)");
    }
    return new AttributeReader(value.m(), prefix + name + '.');
  }

  /** Whether the attribute holds a value (present and not NULL). */
  boolean has(String name) {
    return present(name) != null;
  }

  boolean bool(String name, boolean absent) {
    AttributeValue value = present(name);
    if (value == null) {
      return absent;
    }
    if (value.bool() != null) {
      return value.bool();
    }
    if (value.n() != null) {
      return switch (value.n()) {
        case "0" -> false;
        case "1" -> true;
        default ->
            throw malformed(name, "a boolean stored as a number must be 0 or 1, got " + value.n());
      };
    }
    throw wrongType(name, value, "a boolean (BOOL, or N 0/1)");
  }

  Optional<String> string(String name) {
    AttributeValue value = present(name);
    if (value == null) {
      return Optional.empty();
    }
    if (value.s() == null) {
      throw wrongType(name, value, "a string (S)");
    }
    return Optional.of(value.s());
  }

  /** A Discord snowflake stored as S (as it should be) or N (as a JavaScript number once was). */
  Optional<String> snowflakeText(String name) {
    AttributeValue value = present(name);
    if (value == null) {
      return Optional.empty();
    }
    if (value.s() != null) {
      return Optional.of(value.s());
    }
    if (value.n() != null) {
      try {
        return Optional.of(new BigDecimal(value.n()).toBigIntegerExact().toString());
      } catch (ArithmeticException e) {
        throw malformed(name, "an id must be a whole number, got " + value.n());
      }
    }
    throw wrongType(name, value, "an id (S or N)");
  }

  /** Epoch milliseconds stored as N. */
  Optional<Instant> instant(String name) {
    return number(name, "epoch milliseconds").map(n -> Instant.ofEpochMilli(exactLong(name, n)));
  }

  /**
   * {@code updatedAt}, or the epoch when absent; the very {@code createdAt} object when equal to it
   * (an item never changed since it was made), so that a loaded cache holds one instant fewer.
   */
  Instant updatedAt(Instant createdAt) {
    return instant(TableLayout.UPDATED_AT)
        .map(at -> at.equals(createdAt) ? createdAt : at)
        .orElse(Instant.EPOCH);
  }

  long version() {
    long version =
        number(TableLayout.VERSION, "a version")
            .map(n -> exactLong(TableLayout.VERSION, n))
            .orElse(0L);
    if (version < 0) {
      throw malformed(TableLayout.VERSION, "must be 0 or more, got " + version);
    }
    return version;
  }

  /**
   * {@code tagType} and {@code tagId} together; a tag needs both (one alone mentions nobody). The
   * older TypeScript bot wrote "no tag" as {@code tagType 'NONE'} (any case) with {@code tagId ''};
   * either half alone means no tag too.
   */
  Optional<Tag> tag() {
    Optional<String> type = string(TableLayout.TAG_TYPE);
    Optional<String> id = snowflakeText(TableLayout.TAG_ID);
    if (type.isEmpty()
        || id.isEmpty()
        || type.get().isEmpty()
        || type.get().equalsIgnoreCase(NO_TAG)
        || id.get().isEmpty()) {
      return Optional.empty();
    }
    TagType tagType = parse(TableLayout.TAG_TYPE, type.get(), TagType::parse);
    return Optional.of(parse(TableLayout.TAG_ID, id.get(), text -> Tag.of(tagType, text)));
  }

  /**
   * A percentage (N), a trigger {@code TP}, {@code SL}, {@code TP/SL} (S), or none (NULL or
   * absent).
   */
  Threshold threshold() {
    String name = TableLayout.THRESHOLD;
    AttributeValue value = present(name);
    if (value == null) {
      return Threshold.NONE;
    }
    if (value.n() != null) {
      return parse(name, value.n(), n -> Threshold.percent(new BigDecimal(n).doubleValue()));
    }
    if (value.s() != null) {
      return parse(name, value.s(), Threshold::parse);
    }
    throw wrongType(name, value, "a percentage (N) or TP, SL, TP/SL (S)");
  }

  /** Parses a value with a domain parser, turning its refusal into a malformed item. */
  <T> T parse(String name, String text, Function<String, T> parser) {
    try {
      return parser.apply(text);
    } catch (InvalidConfigException | NumberFormatException e) {
      throw malformed(name, e.getMessage());
    }
  }

  private Optional<String> number(String name, String what) {
    AttributeValue value = present(name);
    if (value == null) {
      return Optional.empty();
    }
    if (value.n() == null) {
      throw wrongType(name, value, what + " (N)");
    }
    return Optional.of(value.n());
  }

  private long exactLong(String name, String number) {
    if (plainDigits(number)) {
      return Long.parseLong(
          number); // what every writer stores; BigDecimal cost a tenth of a load's time
    }
    try {
      return new BigDecimal(number).longValueExact();
    } catch (ArithmeticException | NumberFormatException e) {
      throw malformed(name, "must be a whole number, got " + number);
    }
  }

  /** An optional minus and 1 to 18 digits: always a long. */
  private static boolean plainDigits(String number) {
    int start = number.startsWith("-") ? 1 : 0;
    if (number.length() == start || number.length() - start > 18) {
      return false;
    }
    for (int i = start; i < number.length(); i++) {
      char c = number.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private @Nullable AttributeValue present(String name) {
    AttributeValue value = attributes.get(name);
    if (value == null || Boolean.TRUE.equals(value.nul())) {
      return null;
    }
    return value;
  }

  private MalformedItemException wrongType(String name, AttributeValue value, String expected) {
    return malformed(name, "must be " + expected + ", got " + value.type());
  }

  private MalformedItemException malformed(String name, @Nullable String reason) {
    return new MalformedItemException(prefix + name + ": " + reason);
  }
}
