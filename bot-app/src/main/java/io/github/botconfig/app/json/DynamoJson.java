package io.github.botconfig.app.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.botconfig.domain.InvalidConfigException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * DynamoDB items as JSON, in the form the AWS CLI and DynamoDB's own exports use: every value
 * wrapped in its type, {@code {"S": "text"}}, {@code {"N": "12.5"}}, {@code {"BOOL": true}}, {@code
 * {"NULL": true}}, {@code {"M": {…}}}, {@code {"L": […]}}, {@code {"SS"|"NS"|"BS": […]}}, {@code
 * {"B": "base64"}}. Nothing is lost: numbers stay text, so a snowflake stored as N keeps every
 * digit.
 *
 * <p>Thread-safe.
 */
public final class DynamoJson {
  private DynamoJson() {}

  /** An item as a JSON object, attributes in name order (so that exports diff well). */
  public static ObjectNode item(Map<String, AttributeValue> item) {
    ObjectNode node = ConfigJson.mapper().createObjectNode();
    new TreeMap<>(item).forEach((name, value) -> node.set(name, value(value)));
    return node;
  }

  /**
   * One value on one line, as the export writes it: {@code {"BOOL":true}}, {@code {"N":"12.5"}};
   * control characters are escaped by JSON itself.
   */
  public static String compact(AttributeValue value) {
    return value(value).toString();
  }

  /**
   * Reads an item written by {@link #item}.
   *
   * @param where where the item is, for messages ("item 3")
   * @throws InvalidConfigException naming the place and the attribute when the JSON is not a
   *     DynamoDB item
   */
  public static Map<String, AttributeValue> readItem(JsonNode node, String where) {
    if (!node.isObject()) {
      throw new InvalidConfigException(where + " must be a JSON object of attributes");
    }
    Map<String, AttributeValue> item = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      item.put(field.getKey(), readValue(field.getValue(), where + "." + field.getKey()));
    }
    return item;
  }

  private static JsonNode value(AttributeValue value) {
    ObjectNode node = ConfigJson.mapper().createObjectNode();
    switch (value.type()) {
      case S -> {
        return node.put("S", value.s());
      }
      case N -> {
        return node.put("N", value.n());
      }
      case BOOL -> {
        return node.put("BOOL", value.bool());
      }
      case NUL -> {
        return node.put("NULL", true);
      }
      case B -> {
        return node.put("B", value.b().asByteArray());
      }
      case M -> {
        return node.set("M", item(value.m()));
      }
      case L -> {
        ArrayNode list = node.putArray("L");
        value.l().forEach(v -> list.add(value(v)));
        return node;
      }
      case SS -> {
        value.ss().forEach(node.putArray("SS")::add);
        return node;
      }
      case NS -> {
        value.ns().forEach(node.putArray("NS")::add);
        return node;
      }
      case BS -> {
        ArrayNode bytes = node.putArray("BS");
        value.bs().forEach(b -> bytes.add(b.asByteArray()));
        return node;
      }
      default -> throw new IllegalArgumentException("an attribute of unknown type: " + value);
    }
  }

  private static AttributeValue readValue(JsonNode node, String where) {
    if (!node.isObject() || node.size() != 1) {
      throw new InvalidConfigException(
          where
              + " must be one typed value such as {\"S\": \"text\"}, got "
              + shorten(node.toString()));
    }
    Map.Entry<String, JsonNode> typed = node.properties().iterator().next();
    JsonNode v = typed.getValue();
    switch (typed.getKey()) {
      case "S" -> {
        return AttributeValue.fromS(text(v, where));
      }
      case "N" -> {
        return AttributeValue.fromN(number(text(v, where), where));
      }
      case "BOOL" -> {
        if (!v.isBoolean()) {
          throw new InvalidConfigException(
              where + ": BOOL must be true or false, got " + shorten(v.toString()));
        }
        return AttributeValue.fromBool(v.booleanValue());
      }
      case "NULL" -> {
        return AttributeValue.fromNul(true);
      }
      case "B" -> {
        return AttributeValue.fromB(SdkBytes.fromByteArray(bytes(v, where)));
      }
      case "M" -> {
        return AttributeValue.fromM(readItem(v, where));
      }
      case "L" -> {
        List<AttributeValue> list = new ArrayList<>();
        for (JsonNode element : array(v, where)) {
          list.add(readValue(element, where + "[" + list.size() + "]"));
        }
        return AttributeValue.fromL(list);
      }
      case "SS" -> {
        return AttributeValue.fromSs(texts(v, where));
      }
      case "NS" -> {
        return AttributeValue.fromNs(texts(v, where).stream().map(n -> number(n, where)).toList());
      }
      case "BS" -> {
        List<SdkBytes> all = new ArrayList<>();
        for (JsonNode element : array(v, where)) {
          all.add(SdkBytes.fromByteArray(bytes(element, where)));
        }
        return AttributeValue.fromBs(all);
      }
      default ->
          throw new InvalidConfigException(
              where
                  + ": unknown DynamoDB type '"
                  + shorten(typed.getKey())
                  + "' (S, N, BOOL, NULL, B, M, L, SS, NS, BS)");
    }
  }

  private static String text(JsonNode v, String where) {
    if (!v.isTextual()) {
      throw new InvalidConfigException(
          where + " must hold a JSON string, got " + shorten(v.toString()));
    }
    return v.textValue();
  }

  private static String number(String text, String where) {
    try {
      new java.math.BigDecimal(text);
      return text;
    } catch (NumberFormatException e) {
      throw new InvalidConfigException(
          where + ": N must be a number written as text, got '" + shorten(text) + "'");
    }
  }

  private static byte[] bytes(JsonNode v, String where) {
    try {
      return v.binaryValue() != null
          ? v.binaryValue()
          : java.util.Base64.getDecoder().decode(text(v, where));
    } catch (java.io.IOException | IllegalArgumentException e) {
      throw new InvalidConfigException(where + ": B must be base64 text");
    }
  }

  private static JsonNode array(JsonNode v, String where) {
    if (!v.isArray()) {
      throw new InvalidConfigException(
          where + " must hold a JSON array, got " + shorten(v.toString()));
    }
    return v;
  }

  private static List<String> texts(JsonNode v, String where) {
    List<String> texts = new ArrayList<>();
    for (JsonNode element : array(v, where)) {
      texts.add(text(element, where));
    }
    return texts;
  }

  private static String shorten(String text) {
    return text.length() <= 64 ? text : text.substring(0, 64) + "…";
  }
}
