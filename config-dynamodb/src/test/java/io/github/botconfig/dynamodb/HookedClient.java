package io.github.botconfig.dynamodb;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbServiceClientConfiguration;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * A client on a real server that runs scripted actions just before its next UpdateItems: another
 * program's write landing exactly between a store's read and its write, deterministically (no
 * timing). Not thread-safe; one test at a time.
 */
final class HookedClient implements DynamoDbClient {
  private final DynamoDbClient delegate;
  private final List<Runnable> beforeUpdates = new ArrayList<>();

  HookedClient(DynamoDbClient delegate) {
    this.delegate = delegate;
  }

  /** Runs {@code action} before the next UpdateItem that has not got an action yet. */
  HookedClient beforeNextUpdate(Runnable action) {
    beforeUpdates.add(action);
    return this;
  }

  @Override
  public UpdateItemResponse updateItem(UpdateItemRequest request) {
    if (!beforeUpdates.isEmpty()) {
      beforeUpdates.remove(0).run();
    }
    return delegate.updateItem(request);
  }

  @Override
  public GetItemResponse getItem(GetItemRequest request) {
    return delegate.getItem(request);
  }

  @Override
  public PutItemResponse putItem(PutItemRequest request) {
    return delegate.putItem(request);
  }

  @Override
  public QueryResponse query(QueryRequest request) {
    return delegate.query(request);
  }

  @Override
  public ScanResponse scan(ScanRequest request) {
    return delegate.scan(request);
  }

  @Override
  public DynamoDbServiceClientConfiguration serviceClientConfiguration() {
    return delegate.serviceClientConfiguration();
  }

  @Override
  public String serviceName() {
    return delegate.serviceName();
  }

  @Override
  public void close() {}
}
