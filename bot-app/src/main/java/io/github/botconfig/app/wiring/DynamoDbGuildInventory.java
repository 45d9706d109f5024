package io.github.botconfig.app.wiring;

import io.github.botconfig.application.port.out.GuildInventory;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.domain.StoreUnavailableException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * The inventory of a guild in the DynamoDB table: every item under its partition ({@code PK
 * GUILD#g}), of any {@code Type}, in sort-key order, as the purge would delete them. Reads only the
 * keys and the type (a paginated, consistent Query). Thread-safe.
 */
public final class DynamoDbGuildInventory implements GuildInventory {
  private final DynamoDbClient client;
  private final String tableName;

  /** The inventory of {@code tableName} through {@code client}. */
  public DynamoDbGuildInventory(DynamoDbClient client, String tableName) {
    this.client = client;
    this.tableName = tableName;
  }

  @Override
  public List<Item> itemsOf(GuildId guildId) {
    QueryRequest request =
        QueryRequest.builder()
            .tableName(tableName)
            .consistentRead(true)
            .keyConditionExpression("#pk = :pk")
            .expressionAttributeNames(Map.of("#pk", "PK", "#sk", "SK", "#type", "Type"))
            .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("GUILD#" + guildId)))
            .projectionExpression("#sk, #type")
            .build();
    List<Item> items = new ArrayList<>();
    try {
      client
          .queryPaginator(request)
          .items()
          .forEach(
              item -> items.add(new Item(text(item.get("SK"), "?"), text(item.get("Type"), "-"))));
    } catch (SdkException e) {
      throw new StoreUnavailableException(
          "could not list the items of guild " + guildId + " in table '" + tableName + "'", e);
    }
    return items;
  }

  private static String text(@Nullable AttributeValue value, String absent) {
    return value == null || value.s() == null ? absent : value.s();
  }
}
