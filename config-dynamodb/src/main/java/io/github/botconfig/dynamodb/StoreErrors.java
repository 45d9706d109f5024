package io.github.botconfig.dynamodb;

import io.github.botconfig.domain.StoreNotFoundException;
import io.github.botconfig.domain.StoreUnavailableException;
import java.net.URI;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * Turns the SDK's failures (after its retries) into {@link StoreUnavailableException}s an admin can
 * act on: each names what was being done, the table, and where the table was looked for.
 *
 * <p>Conditional-check failures never get here: the callers turn them into conflicts first.
 */
final class StoreErrors {
  private final String tableName;
  private final String location;

  StoreErrors(DynamoDbClient client, String tableName) {
    this(tableName, locationOf(client));
  }

  StoreErrors(String tableName, String location) {
    this.tableName = tableName;
    this.location = location;
  }

  /** Where the client sends its requests: the endpoint override, or the AWS region. */
  static String locationOf(DynamoDbClient client) {
    var configuration = client.serviceClientConfiguration();
    return configuration
        .endpointOverride()
        .map(URI::toString)
        .orElseGet(() -> "AWS region " + configuration.region());
  }

  String tableName() {
    return tableName;
  }

  String location() {
    return location;
  }

  /**
   * @param action what was being done, as "could not ACTION", e.g. {@code "save channel 123"}
   */
  StoreUnavailableException unavailable(String action, SdkException e) {
    String message = "could not " + action + ": " + reason(e);
    // A missing table is a configuration error: ConfigCache.start() fails on it instead of waiting.
    return e instanceof ResourceNotFoundException
        ? new StoreNotFoundException(message, e)
        : new StoreUnavailableException(message, e);
  }

  private String reason(SdkException e) {
    String table = "table '" + tableName + "' at " + location;
    if (e instanceof ResourceNotFoundException) {
      return "the DynamoDB "
          + table
          + " does not exist; create it (TableProvisioner.createIfMissing(), the"
          + " botconfig CLI's table create, or the aws CLI command in docs/dynamodb-table.md), or check the table"
          + " name and region";
    }
    if (e instanceof AwsServiceException service) {

      String code = service.awsErrorDetails() == null ? "" : service.awsErrorDetails().errorCode();
      if (service.isThrottlingException()) {
        return "DynamoDB is throttling requests to "
            + table
            + attempts(e)
            + "; try again later, or give the table more capacity";
      }
      if (service.statusCode() >= 500) {
        return "DynamoDB failed to serve "
            + table
            + attempts(e)
            + " ("
            + code
            + "); try again later";
      }
      if (code != null && code.contains("AccessDenied")) {
        return "access to "
            + table
            + " was denied ("
            + e.getMessage()
            + "); grant the actions listed in docs/dynamodb-table.md";
      }
      return "DynamoDB refused the request on " + table + ": " + e.getMessage();
    }
    if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException) {
      return "DynamoDB did not answer in time for " + table + attempts(e) + "; try again later";
    }
    return "DynamoDB could not be reached for " + table + attempts(e) + ": " + rootMessage(e);
  }

  private static String attempts(SdkException e) {
    Integer attempts = e.numAttempts();
    return attempts == null || attempts <= 1 ? "" : " (" + attempts + " attempts)";
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message =
        root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return root == e ? message : message + " (" + root.getClass().getSimpleName() + ")";
  }
}
