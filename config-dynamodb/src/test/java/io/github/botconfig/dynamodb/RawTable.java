package io.github.botconfig.dynamodb;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The table as other software sees it: raw items in, raw items out, no store in between. */
final class RawTable {
  private final DynamoDbClient client;
  private final String name;

  RawTable(DynamoDbClient client, String name) {
    this.client = client;
    this.name = name;
  }

  String name() {
    return name;
  }

  void put(Items item) {
    put(item.build());
  }

  void put(Map<String, AttributeValue> item) {
    client.putItem(request -> request.tableName(name).item(item));
  }

  /** The item, or an empty map. */
  Map<String, AttributeValue> get(String pk, String sk) {
    return client
        .getItem(
            request ->
                request
                    .tableName(name)
                    .consistentRead(true)
                    .key(Map.of("PK", AttributeValue.fromS(pk), "SK", AttributeValue.fromS(sk))))
        .item();
  }

  /** Every item, sorted by PK then SK: two scans of an unchanged table are equal. */
  List<Map<String, AttributeValue>> scan() {
    return client
        .scanPaginator(request -> request.tableName(name).consistentRead(true))
        .items()
        .stream()
        .sorted(
            Comparator.comparing((Map<String, AttributeValue> item) -> item.get("PK").s())
                .thenComparing(item -> item.get("SK").s()))
        .toList();
  }

  int count() {
    return client.scan(request -> request.tableName(name).consistentRead(true)).count();
  }
}
