package io.github.botconfig.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.botconfig.domain.StoreUnavailableException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

class StoreErrorsTest {
  private final StoreErrors errors = new StoreErrors("discord-bot-config", "AWS region eu-west-3");

  @Test
  void aMissingTableIsNamedWithWhereItWasLookedForAndHowToCreateIt() {
    StoreUnavailableException e =
        errors.unavailable(
            "load the configuration",
            service(ResourceNotFoundException.builder(), 400, "ResourceNotFoundException"));

    assertThat(e)
        .hasMessage(
            "could not load the configuration: the DynamoDB table 'discord-bot-config' at AWS region eu-west-3 does not"
                + " exist; create it (TableProvisioner.createIfMissing(), the botconfig CLI's table create, or the aws"
                + " CLI command in docs/dynamodb-table.md), or check the table name and region")
        .hasCauseInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void throttlingAfterRetriesSaysToTryLater() {
    StoreUnavailableException e =
        errors.unavailable(
            "save channel 7",
            (ProvisionedThroughputExceededException)
                ProvisionedThroughputExceededException.builder()
                    .message(
                        "The level of configured provisioned throughput for the table was exceeded")
                    .statusCode(400)
                    .awsErrorDetails(
                        AwsErrorDetails.builder()
                            .errorCode("ProvisionedThroughputExceededException")
                            .build())
                    .numAttempts(3)
                    .build());

    assertThat(e)
        .hasMessage(
            "could not save channel 7: DynamoDB is throttling requests to table 'discord-bot-config' at AWS region"
                + " eu-west-3 (3 attempts); try again later, or give the table more capacity");
  }

  @Test
  void aServerErrorSaysToTryLater() {
    assertThat(
            errors.unavailable(
                "read the change marker",
                service(DynamoDbException.builder(), 500, "InternalServerError")))
        .hasMessage(
            "could not read the change marker: DynamoDB failed to serve table 'discord-bot-config' at AWS region"
                + " eu-west-3 (InternalServerError); try again later");
  }

  @Test
  void aDeniedAccessPointsAtThePolicy() {
    assertThat(
            errors.unavailable(
                "save channel 7",
                service(DynamoDbException.builder(), 400, "AccessDeniedException")))
        .hasMessageStartingWith(
            "could not save channel 7: access to table 'discord-bot-config' at AWS region eu-west-3 was denied")
        .hasMessageEndingWith("grant the actions listed in docs/dynamodb-table.md");
  }

  @Test
  void anUnreachableServerIsNamedWithTheRootCause() {
    SdkClientException refused =
        SdkClientException.builder()
            .message("Unable to execute HTTP request: Connection refused")
            .cause(new ConnectException("Connection refused"))
            .numAttempts(3)
            .build();

    assertThat(errors.unavailable("find channel 7", refused))
        .hasMessage(
            "could not find channel 7: DynamoDB could not be reached for table 'discord-bot-config' at AWS region"
                + " eu-west-3 (3 attempts): Connection refused (ConnectException)");
  }

  @Test
  void aTimeoutSaysSo() {
    assertThat(errors.unavailable("find channel 7", ApiCallTimeoutException.create(10_000)))
        .hasMessage(
            "could not find channel 7: DynamoDB did not answer in time for table 'discord-bot-config' at AWS region"
                + " eu-west-3; try again later");
  }

  private static DynamoDbException service(
      DynamoDbException.Builder builder, int status, String code) {
    return (DynamoDbException)
        builder
            .message("message from DynamoDB")
            .statusCode(status)
            .awsErrorDetails(
                AwsErrorDetails.builder()
                    .errorCode(code)
                    .errorMessage("message from DynamoDB")
                    .build())
            .build();
  }
}
