package io.github.botconfig.dynamodb;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * DynamoDB's own rules for an item, checked before anything is written, so that an import's plan
 * (and {@code --dry-run}) refuses what the server would refuse half-way through: at most 400 KB
 * (counted as DynamoDB counts it), at most 32 levels of nested maps and lists, numbers of at most
 * 38 significant digits within DynamoDB's range, sets non-empty and without duplicates, attribute
 * names not empty.
 */
final class ItemLimits {
  /** DynamoDB's maximum item size: 400 KB, attribute names included. */
  static final int MAX_ITEM_BYTES = 400 * 1024;

  /** DynamoDB's maximum depth of nested maps and lists. */
  static final int MAX_DEPTH = 32;

  private static final int MAX_DIGITS = 38;
  private static final BigDecimal LARGEST =
      new BigDecimal("9.9999999999999999999999999999999999999E+125");
  private static final BigDecimal SMALLEST = new BigDecimal("1E-130");

  private ItemLimits() {}

  /** Every way {@code item} breaks DynamoDB's rules, one line each naming the attribute. */
  static void check(Map<String, AttributeValue> item, Consumer<String> problems) {
    long size = 0;
    for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
      String name = attribute.getKey();
      if (name.isEmpty()) {
        problems.accept("an attribute name is empty");
      }
      size += utf8(name) + size(attribute.getValue(), name, 1, problems);
    }
    if (size > MAX_ITEM_BYTES) {
      problems.accept(
          "the item is "
              + size
              + " bytes as DynamoDB counts them, over its limit of "
              + MAX_ITEM_BYTES
              + " (400 KB)");
    }
  }

  /** The value's size in bytes as DynamoDB counts it; reports what DynamoDB would refuse. */
  private static long size(
      AttributeValue value, String path, int depth, Consumer<String> problems) {
    return switch (value.type()) {
      case S -> utf8(value.s());
      case N -> number(value.n(), path, problems);
      case B -> value.b().asByteArrayUnsafe().length;
      case BOOL, NUL -> 1;
      case SS -> {
        unique(value.ss(), path, problems);
        yield value.ss().stream().mapToLong(ItemLimits::utf8).sum();
      }
      case NS -> {
        unique(value.ns().stream().map(ItemLimits::normalized).toList(), path, problems);
        yield value.ns().stream().mapToLong(n -> number(n, path, problems)).sum();
      }
      case BS -> {
        unique(value.bs().stream().map(SdkBytes::asByteBuffer).toList(), path, problems);
        yield value.bs().stream().mapToLong(b -> b.asByteArrayUnsafe().length).sum();
      }
      case M, L -> container(value, path, depth, problems);
      default -> {
        problems.accept(path + ": a value of no DynamoDB type");
        yield 0;
      }
    };
  }

  private static long container(
      AttributeValue value, String path, int depth, Consumer<String> problems) {
    if (depth > MAX_DEPTH) {
      problems.accept(path + ": nested more than " + MAX_DEPTH + " levels deep (DynamoDB's limit)");
      return 0; // one report for the whole subtree
    }
    long size = 3;
    if (value.hasM()) {
      for (Map.Entry<String, AttributeValue> entry : value.m().entrySet()) {
        size +=
            1
                + utf8(entry.getKey())
                + size(entry.getValue(), path + "." + entry.getKey(), depth + 1, problems);
      }
    } else {
      List<AttributeValue> list = value.l();
      for (int i = 0; i < list.size(); i++) {
        size += 1 + size(list.get(i), path + "[" + i + "]", depth + 1, problems);
      }
    }
    return size;
  }

  private static long number(String text, String path, Consumer<String> problems) {
    BigDecimal number;
    try {
      number = new BigDecimal(text);
    } catch (NumberFormatException e) {
      problems.accept(path + ": N must be a number, got " + Quoted.of(text));
      return 0;
    }
    BigDecimal magnitude = number.abs().stripTrailingZeros();
    if (magnitude.signum() != 0) {
      if (magnitude.precision() > MAX_DIGITS) {
        problems.accept(
            path
                + ": N has "
                + magnitude.precision()
                + " significant digits, DynamoDB keeps at most "
                + MAX_DIGITS
                + ", got "
                + Quoted.of(text));
      } else if (magnitude.compareTo(LARGEST) > 0 || magnitude.compareTo(SMALLEST) < 0) {
        problems.accept(
            path + ": N is outside DynamoDB's range (1E-130 to 1E+126), got " + Quoted.of(text));
      }
    }
    return (magnitude.precision() + 1L) / 2 + 1;
  }

  private static String normalized(String number) {
    try {
      return new BigDecimal(number).stripTrailingZeros().toPlainString();
    } catch (NumberFormatException e) {
      return number;
    }
  }

  private static void unique(List<?> elements, String path, Consumer<String> problems) {
    if (elements.isEmpty()) {
      problems.accept(path + ": a set must not be empty (DynamoDB refuses an empty set)");
    } else if (new HashSet<>(elements).size() != elements.size()) {
      problems.accept(path + ": a set must not hold the same element twice");
    }
  }

  private static long utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }
}
