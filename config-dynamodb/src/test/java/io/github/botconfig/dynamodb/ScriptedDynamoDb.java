package io.github.botconfig.dynamodb;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * A DynamoDB client that answers from a script, for what a local server cannot be made to do on
 * demand (throttle a delete, fail on the third page). Records the requests it got. Not thread-safe.
 */
final class ScriptedDynamoDb implements DynamoDbClient {
  final List<ScanRequest> scans = new ArrayList<>();
  final List<QueryRequest> queries = new ArrayList<>();
  final List<UpdateItemRequest> updates = new ArrayList<>();
  final List<DeleteItemRequest> deletes = new ArrayList<>();
  private final Deque<Function<ScanRequest, ScanResponse>> scanAnswers = new ArrayDeque<>();
  private final Deque<Function<QueryRequest, QueryResponse>> queryAnswers = new ArrayDeque<>();
  private final Deque<Function<UpdateItemRequest, UpdateItemResponse>> updateAnswers =
      new ArrayDeque<>();
  private final Deque<Function<GetItemRequest, GetItemResponse>> getAnswers = new ArrayDeque<>();
  private final Deque<Function<DeleteItemRequest, DeleteItemResponse>> deleteAnswers =
      new ArrayDeque<>();

  ScriptedDynamoDb onScan(Function<ScanRequest, ScanResponse> answer) {
    scanAnswers.add(answer);
    return this;
  }

  ScriptedDynamoDb onQuery(Function<QueryRequest, QueryResponse> answer) {
    queryAnswers.add(answer);
    return this;
  }

  ScriptedDynamoDb onUpdate(Function<UpdateItemRequest, UpdateItemResponse> answer) {
    updateAnswers.add(answer);
    return this;
  }

  ScriptedDynamoDb onGet(Function<GetItemRequest, GetItemResponse> answer) {
    getAnswers.add(answer);
    return this;
  }

  ScriptedDynamoDb onDelete(Function<DeleteItemRequest, DeleteItemResponse> answer) {
    deleteAnswers.add(answer);
    return this;
  }

  @Override
  public DeleteItemResponse deleteItem(DeleteItemRequest request) {
    deletes.add(request);
    return next(deleteAnswers, "deleteItem").apply(request);
  }

  @Override
  public UpdateItemResponse updateItem(UpdateItemRequest request) {
    updates.add(request);
    return next(updateAnswers, "updateItem").apply(request);
  }

  @Override
  public GetItemResponse getItem(GetItemRequest request) {
    return next(getAnswers, "getItem").apply(request);
  }

  @Override
  public ScanResponse scan(ScanRequest request) {
    scans.add(request);
    return next(scanAnswers, "scan").apply(request);
  }

  @Override
  public QueryResponse query(QueryRequest request) {
    queries.add(request);
    return next(queryAnswers, "query").apply(request);
  }

  private static <T> T next(Deque<T> answers, String operation) {
    T answer = answers.poll();
    if (answer == null) {
      throw new AssertionError("unexpected " + operation + ": the script has no answer left");
    }
    return answer;
  }

  @Override
  public String serviceName() {
    return "dynamodb";
  }

  @Override
  public void close() {}
}
