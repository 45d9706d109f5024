package io.github.botconfig.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

class TableDefinitionTest {

  @Test
  void aTableDescribedAsItWasCreatedHasNoProblem() {
    assertThat(
            TableDefinition.problems(
                describedAsCreated(TableDefinition.createRequest("t", null)).build()))
        .isEmpty();
  }

  @Test
  void provisionedCapacityGoesToTheTableAndItsIndex() {
    ProvisionedThroughput capacity =
        ProvisionedThroughput.builder().readCapacityUnits(10L).writeCapacityUnits(5L).build();

    CreateTableRequest request = TableDefinition.createRequest("t", capacity);

    assertThat(request.billingModeAsString()).isEqualTo("PROVISIONED");
    assertThat(request.provisionedThroughput()).isEqualTo(capacity);
    assertThat(request.globalSecondaryIndexes().get(0).provisionedThroughput()).isEqualTo(capacity);
  }

  @Test
  void everyMismatchIsListedInPlainWords() {
    TableDescription table =
        TableDescription.builder()
            .tableName("t")
            .tableStatus(TableStatus.UPDATING)
            .attributeDefinitions(
                attribute("pk", ScalarAttributeType.S), attribute("SK", ScalarAttributeType.S),
                attribute("GSI_PK", ScalarAttributeType.N),
                    attribute("GSI_SK", ScalarAttributeType.S))
            .keySchema(key("pk", KeyType.HASH), key("SK", KeyType.RANGE))
            .globalSecondaryIndexes(
                GlobalSecondaryIndexDescription.builder()
                    .indexName("ChannelIndex")
                    .keySchema(key("GSI_PK", KeyType.HASH), key("GSI_SK", KeyType.RANGE))
                    .projection(
                        Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build())
                    .indexStatus("CREATING")
                    .build())
            .build();

    assertThat(TableDefinition.problems(table))
        .containsExactly(
            "table 't' is UPDATING, not ACTIVE",
            "table 't' has keys pk (HASH), SK (RANGE), expected PK (S, partition key) and SK (S, sort key)",
            "index 'ChannelIndex': key GSI_PK is of type N, expected S (string)",
            "index 'ChannelIndex' projects KEYS_ONLY, expected ALL (lookups read whole items from it)",
            "index 'ChannelIndex' is CREATING, not ACTIVE");
  }

  @Test
  void aMissingIndexIsNamed() {
    TableDescription table =
        describedAsCreated(TableDefinition.createRequest("t", null))
            .globalSecondaryIndexes(List.of())
            .build();

    assertThat(TableDefinition.problems(table))
        .containsExactly(
            "table 't' has no global secondary index 'ChannelIndex' (found: none); channel lookups by id need it");
  }

  private static TableDescription.Builder describedAsCreated(CreateTableRequest request) {
    return TableDescription.builder()
        .tableName(request.tableName())
        .tableStatus(TableStatus.ACTIVE)
        .attributeDefinitions(request.attributeDefinitions())
        .keySchema(request.keySchema())
        .globalSecondaryIndexes(
            request.globalSecondaryIndexes().stream()
                .map(
                    index ->
                        GlobalSecondaryIndexDescription.builder()
                            .indexName(index.indexName())
                            .keySchema(index.keySchema())
                            .projection(index.projection())
                            .indexStatus("ACTIVE")
                            .build())
                .toList());
  }

  private static AttributeDefinition attribute(String name, ScalarAttributeType type) {
    return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
  }

  private static KeySchemaElement key(String name, KeyType type) {
    return KeySchemaElement.builder().attributeName(name).keyType(type).build();
  }
}
