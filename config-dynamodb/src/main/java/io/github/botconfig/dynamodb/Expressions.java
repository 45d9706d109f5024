package io.github.botconfig.dynamodb;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Builds an update and a condition expression. Every attribute name goes through a {@code #n}
 * placeholder: the table's names ({@code Type}, {@code timezone}, …) collide with DynamoDB's
 * reserved words.
 *
 * <p>Not thread-safe; one per request.
 */
final class Expressions {
  private final Map<String, String> names = new HashMap<>();
  private final Map<String, String> placeholders = new HashMap<>();
  private final Map<String, AttributeValue> values = new HashMap<>();
  private final List<String> sets = new ArrayList<>();
  private final List<String> removes = new ArrayList<>();
  private final List<String> adds = new ArrayList<>();
  private final List<String> conditions = new ArrayList<>();

  /** What SET assigns and REMOVE removes, by path ({@code [attribute]} or {@code [map, key]}). */
  private final Map<List<String>, AttributeValue> assigned = new HashMap<>();

  private final List<List<String>> removed = new ArrayList<>();

  /** The placeholder of an attribute name. */
  String name(String attribute) {
    return placeholders.computeIfAbsent(
        attribute,
        a -> {
          String placeholder = "#n" + placeholders.size();
          names.put(placeholder, a);
          return placeholder;
        });
  }

  /** The placeholder of a value. */
  String value(AttributeValue value) {
    String placeholder = ":v" + values.size();
    values.put(placeholder, value);
    return placeholder;
  }

  Expressions set(String attribute, AttributeValue value) {
    sets.add(name(attribute) + " = " + value(value));
    assigned.put(List.of(attribute), value);
    return this;
  }

  /** Sets {@code map.key}; the map must exist (guard it with a condition). */
  Expressions setNested(String map, String key, AttributeValue value) {
    sets.add(name(map) + '.' + name(key) + " = " + value(value));
    assigned.put(List.of(map, key), value);
    return this;
  }

  Expressions setIfNotExists(String attribute, AttributeValue value) {
    String name = name(attribute);
    sets.add(name + " = if_not_exists(" + name + ", " + value(value) + ")");
    return this;
  }

  Expressions remove(String attribute) {
    removes.add(name(attribute));
    removed.add(List.of(attribute));
    return this;
  }

  Expressions removeNested(String map, String key) {
    removes.add(name(map) + '.' + name(key));
    removed.add(List.of(map, key));
    return this;
  }

  Expressions add(String attribute, AttributeValue number) {
    adds.add(name(attribute) + ' ' + value(number));
    return this;
  }

  /**
   * Adds a condition (joined to the others with AND), written with {@link #name} and {@link
   * #value}.
   */
  Expressions condition(String condition) {
    conditions.add(condition);
    return this;
  }

  Expressions attributeExists(String attribute) {
    return condition("attribute_exists(" + name(attribute) + ")");
  }

  Expressions attributeNotExists(String attribute) {
    return condition("attribute_not_exists(" + name(attribute) + ")");
  }

  /**
   * Whether {@code item} holds every value this update SETs and none of those it REMOVEs: whether
   * the item is what this update makes of it ({@code if_not_exists} and ADD parts aside).
   */
  boolean isCarriedBy(Map<String, AttributeValue> item) {
    for (Map.Entry<List<String>, AttributeValue> set : assigned.entrySet()) {
      if (!set.getValue().equals(at(item, set.getKey()))) {
        return false;
      }
    }
    return removed.stream().allMatch(path -> at(item, path) == null);
  }

  /** What this update SETs, by path ({@code [attribute]} or {@code [map, key]}). */
  Map<List<String>, AttributeValue> assignments() {
    return Map.copyOf(assigned);
  }

  private static @Nullable AttributeValue at(Map<String, AttributeValue> item, List<String> path) {
    AttributeValue value = item.get(path.get(0));
    for (int i = 1; i < path.size() && value != null; i++) {
      value = value.hasM() ? value.m().get(path.get(i)) : null;
    }
    return value;
  }

  UpdateItemRequest.Builder applyTo(UpdateItemRequest.Builder request) {
    StringBuilder update = new StringBuilder();
    clause(update, "SET", sets);
    clause(update, "REMOVE", removes);
    clause(update, "ADD", adds);
    request.updateExpression(update.toString());
    if (!conditions.isEmpty()) {
      request.conditionExpression(conditionExpression());
    }
    request.expressionAttributeNames(names);
    if (!values.isEmpty()) {
      request.expressionAttributeValues(values);
    }
    return request;
  }

  DeleteItemRequest.Builder applyTo(DeleteItemRequest.Builder request) {
    applyCondition(
        request::conditionExpression,
        request::expressionAttributeNames,
        request::expressionAttributeValues);
    return request;
  }

  PutItemRequest.Builder applyTo(PutItemRequest.Builder request) {
    applyCondition(
        request::conditionExpression,
        request::expressionAttributeNames,
        request::expressionAttributeValues);
    return request;
  }

  /** Requests with a condition but no update expression share this. */
  private void applyCondition(
      Consumer<String> expression,
      Consumer<Map<String, String>> attributeNames,
      Consumer<Map<String, AttributeValue>> attributeValues) {
    if (!conditions.isEmpty()) {
      expression.accept(conditionExpression());
      attributeNames.accept(names);
    }
    if (!values.isEmpty()) {
      attributeValues.accept(values);
    }
  }

  private String conditionExpression() {
    return conditions.size() == 1
        ? conditions.get(0)
        : "(" + String.join(") AND (", conditions) + ")";
  }

  private static void clause(StringBuilder out, String keyword, List<String> parts) {
    if (!parts.isEmpty()) {
      out.append(out.length() == 0 ? "" : " ")
          .append(keyword)
          .append(' ')
          .append(String.join(", ", parts));
    }
  }
}
