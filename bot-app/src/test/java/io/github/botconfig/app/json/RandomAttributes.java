package io.github.botconfig.app.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.impl.Constraint;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Random DynamoDB attributes of every type, as another program could store them (and DynamoDB
 * accepts them): text with any character, numbers of up to 38 digits in every notation, bytes,
 * nested maps and lists, non-empty sets without repeats.
 */
public final class RandomAttributes {
  private static final String CHARACTERS = "aZ09 #:/.-_é日本✓\u0000\n\t\"\\{}[]'\u202e";

  private RandomAttributes() {}

  /** A map of 0 to {@code most} attributes under random names. */
  public static Gen<Map<String, AttributeValue>> attributes(int most) {
    return in -> map(in, most, 0);
  }

  private static Map<String, AttributeValue> map(RandomnessSource in, int most, int depth) {
    Map<String, AttributeValue> map = new LinkedHashMap<>();
    long size = in.next(Constraint.between(0, most));
    for (int i = 0; i < size; i++) {
      map.put("a" + text(in, 8), value(in, depth));
    }
    return map;
  }

  private static AttributeValue value(RandomnessSource in, int depth) {
    int kinds = depth >= 3 ? 8 : 10;
    switch ((int) in.next(Constraint.between(0, kinds - 1))) {
      case 0:
        return AttributeValue.fromS(text(in, 12));
      case 1:
        return AttributeValue.fromN(number(in));
      case 2:
        return AttributeValue.fromB(SdkBytes.fromByteArray(bytes(in)));
      case 3:
        return AttributeValue.fromBool(in.next(Constraint.between(0, 1)) == 1);
      case 4:
        return AttributeValue.fromNul(true);
      case 5:
        return AttributeValue.fromSs(List.copyOf(distinct(in, () -> text(in, 6))));
      case 6:
        // DynamoDB compares set numbers by value: 1 and 1.0 are one element.
        Set<BigDecimal> seen = new LinkedHashSet<>();
        List<String> numbers = new ArrayList<>();
        for (String n : distinct(in, () -> number(in))) {
          if (seen.add(new BigDecimal(n).stripTrailingZeros())) {
            numbers.add(n);
          }
        }
        return AttributeValue.fromNs(numbers);
      case 7:
        Set<SdkBytes> all = new LinkedHashSet<>();
        distinct(in, () -> bytes(in)).forEach(b -> all.add(SdkBytes.fromByteArray(b)));
        return AttributeValue.fromBs(List.copyOf(all));
      case 8:
        return AttributeValue.fromM(map(in, 3, depth + 1));
      default:
        List<AttributeValue> list = new ArrayList<>();
        long size = in.next(Constraint.between(0, 3));
        for (int i = 0; i < size; i++) {
          list.add(value(in, depth + 1));
        }
        return AttributeValue.fromL(list);
    }
  }

  private static <T> Set<T> distinct(RandomnessSource in, java.util.function.Supplier<T> element) {
    Set<T> set = new LinkedHashSet<>();
    long size = in.next(Constraint.between(1, 3));
    while (set.size() < size) {
      set.add(element.get());
    }
    return set;
  }

  private static String text(RandomnessSource in, int most) {
    StringBuilder text = new StringBuilder();
    long length = in.next(Constraint.between(1, most));
    for (int i = 0; i < length; i++) {
      text.append(CHARACTERS.charAt((int) in.next(Constraint.between(0, CHARACTERS.length() - 1))));
    }
    return text.toString();
  }

  /** Up to 38 significant digits, integer or decimal, signed or not, sometimes an exponent. */
  private static String number(RandomnessSource in) {
    StringBuilder digits = new StringBuilder();
    long length = in.next(Constraint.between(1, 38));
    digits.append(in.next(Constraint.between(1, 9)));
    for (int i = 1; i < length; i++) {
      digits.append(in.next(Constraint.between(0, 9)));
    }
    BigDecimal number =
        new BigDecimal(new BigInteger(digits.toString()), (int) in.next(Constraint.between(0, 30)));
    if (in.next(Constraint.between(0, 1)) == 1) {
      number = number.negate();
    }
    switch ((int) in.next(Constraint.between(0, 2))) {
      case 0:
        return number.toPlainString();
      case 1:
        return number.toString();
      default:
        return number.toEngineeringString();
    }
  }

  private static byte[] bytes(RandomnessSource in) {
    byte[] bytes = new byte[(int) in.next(Constraint.between(1, 6))];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) in.next(Constraint.between(-128, 127));
    }
    return bytes;
  }
}
