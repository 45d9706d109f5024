package io.github.botconfig.dynamodb;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * The table's definition, exactly as the seed's {@code aws dynamodb create-table}: keys PK/SK (S),
 * the {@code ChannelIndex} on GSI_PK/GSI_SK (S) projecting ALL. Builds it, and compares an existing
 * table with it.
 */
final class TableDefinition {
  private TableDefinition() {}

  /**
   * @param capacity read and write units for PROVISIONED billing (table and index alike), or {@code
   *     null} for PAY_PER_REQUEST
   */
  static CreateTableRequest createRequest(
      String tableName, @Nullable ProvisionedThroughput capacity) {
    GlobalSecondaryIndex.Builder index =
        GlobalSecondaryIndex.builder()
            .indexName(TableLayout.CHANNEL_INDEX)
            .keySchema(hash(TableLayout.GSI_PK), range(TableLayout.GSI_SK))
            .projection(Projection.builder().projectionType(ProjectionType.ALL).build());
    CreateTableRequest.Builder request =
        CreateTableRequest.builder()
            .tableName(tableName)
            .attributeDefinitions(
                string(TableLayout.PK),
                string(TableLayout.SK),
                string(TableLayout.GSI_PK),
                string(TableLayout.GSI_SK))
            .keySchema(hash(TableLayout.PK), range(TableLayout.SK));
    if (capacity == null) {
      request.billingMode(BillingMode.PAY_PER_REQUEST);
    } else {
      request.billingMode(BillingMode.PROVISIONED).provisionedThroughput(capacity);
      index.provisionedThroughput(capacity);
    }
    return request.globalSecondaryIndexes(index.build()).build();
  }

  /** Every way {@code table} differs from the definition, in plain words; empty if it matches. */
  static List<String> problems(TableDescription table) {
    List<String> problems = new ArrayList<>();
    String name = "table '" + table.tableName() + "'";
    if (!"ACTIVE".equals(table.tableStatusAsString())) {
      problems.add(name + " is " + table.tableStatusAsString() + ", not ACTIVE");
    }
    Map<String, String> types =
        table.attributeDefinitions().stream()
            .collect(
                Collectors.toMap(
                    AttributeDefinition::attributeName,
                    AttributeDefinition::attributeTypeAsString));
    checkKeys(name, table.keySchema(), TableLayout.PK, TableLayout.SK, types, problems);

    Optional<GlobalSecondaryIndexDescription> index =
        table.globalSecondaryIndexes().stream()
            .filter(i -> TableLayout.CHANNEL_INDEX.equals(i.indexName()))
            .findFirst();
    if (index.isEmpty()) {
      problems.add(
          name
              + " has no global secondary index '"
              + TableLayout.CHANNEL_INDEX
              + "' (found: "
              + describe(table.globalSecondaryIndexes(), GlobalSecondaryIndexDescription::indexName)
              + "); channel lookups by id need it");
      return problems;
    }
    String indexName = "index '" + TableLayout.CHANNEL_INDEX + "'";
    checkKeys(
        indexName,
        index.get().keySchema(),
        TableLayout.GSI_PK,
        TableLayout.GSI_SK,
        types,
        problems);
    Projection projection = index.get().projection();
    String projectionType = projection == null ? "none" : projection.projectionTypeAsString();
    if (!"ALL".equals(projectionType)) {
      problems.add(
          indexName
              + " projects "
              + projectionType
              + ", expected ALL (lookups read whole items from it)");
    }
    String status = index.get().indexStatusAsString();
    if (status != null && !"ACTIVE".equals(status)) {
      problems.add(indexName + " is " + status + ", not ACTIVE");
    }
    return problems;
  }

  private static void checkKeys(
      String owner,
      List<KeySchemaElement> schema,
      String hash,
      String range,
      Map<String, String> types,
      List<String> problems) {
    String expected = hash + " (S, partition key) and " + range + " (S, sort key)";
    Map<String, String> roles =
        schema.stream()
            .collect(
                Collectors.toMap(
                    KeySchemaElement::keyTypeAsString, KeySchemaElement::attributeName));
    String actualHash = roles.get("HASH");
    String actualRange = roles.get("RANGE");
    if (!hash.equals(actualHash) || !range.equals(actualRange)) {
      problems.add(
          owner
              + " has keys "
              + describe(schema, k -> k.attributeName() + " (" + k.keyTypeAsString() + ")")
              + ", expected "
              + expected);
      return;
    }
    for (String key : List.of(hash, range)) {
      String type = types.get(key);
      if (!"S".equals(type)) {
        problems.add(owner + ": key " + key + " is of type " + type + ", expected S (string)");
      }
    }
  }

  private static <T> String describe(List<T> values, Function<T, String> text) {
    return values.isEmpty() ? "none" : values.stream().map(text).collect(Collectors.joining(", "));
  }

  private static AttributeDefinition string(String name) {
    return AttributeDefinition.builder()
        .attributeName(name)
        .attributeType(ScalarAttributeType.S)
        .build();
  }

  private static KeySchemaElement hash(String name) {
    return KeySchemaElement.builder().attributeName(name).keyType(KeyType.HASH).build();
  }

  private static KeySchemaElement range(String name) {
    return KeySchemaElement.builder().attributeName(name).keyType(KeyType.RANGE).build();
  }
}
