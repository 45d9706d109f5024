package io.github.botconfig.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.botconfig.dynamodb.testing.LocalDynamoDbExtension;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Tables are created only on purpose, and every failure is one line naming the value and the true
 * cause.
 */
class CliFailuresIT {
  @RegisterExtension
  static final LocalDynamoDbExtension DYNAMODB = LocalDynamoDbExtension.dynalite();

  private static final List<List<String>> COMMANDS_ON_THE_TABLE =
      List.of(
          List.of("channels", "list"),
          List.of("channels", "list", "--guild", "1"),
          List.of("channels", "show", "--channel", "10"),
          List.of("settings", "show", "--guild", "1"),
          List.of("guild", "purge", "--guild", "1", "--yes"),
          List.of("table", "verify"),
          List.of("table", "backfill"));

  private static Map<String, String> on(String table) {
    return Map.of(
        "AWS_ENDPOINT_URL_DYNAMODB", DYNAMODB.endpoint().toString(), "BOTCONFIG_TABLE", table);
  }

  @Test
  void aMistypedTableIsNeverANewEmptyOneEveryCommandSaysHowToCreateIt() {
    for (List<String> command : COMMANDS_ON_THE_TABLE) {
      CliRun run = CliRun.run(on("nosuch"), command.toArray(String[]::new));

      assertThat(run.exitCode())
          .as(command + ": " + run.err())
          .isEqualTo(ExitCodes.STORE_UNAVAILABLE);
      assertThat(run.err())
          .as(command.toString())
          .isEqualTo(
              "error: table nosuch does not exist at "
                  + DYNAMODB.endpoint()
                  + "; create it with `botconfig table create --table nosuch`\n");
    }
    assertThat(DYNAMODB.client().listTables().tableNames()).doesNotContain("nosuch");
  }

  @Test
  void theAdviceRepeatsTheOptionsThatSaidWhereAndWorksWhenFollowed() {
    String table = "advice-" + System.nanoTime();
    CliRun missing =
        CliRun.run(
            Map.of(),
            "--endpoint",
            DYNAMODB.endpoint().toString(),
            "--table",
            table,
            "channels",
            "list");
    String advice =
        missing.err().substring(missing.err().indexOf('`') + 1, missing.err().lastIndexOf('`'));

    assertThat(advice)
        .isEqualTo(
            "botconfig table create --table " + table + " --endpoint " + DYNAMODB.endpoint());
    String[] words = advice.substring("botconfig ".length()).split(" ");
    assertThat(CliRun.run(Map.of(), words).exitCode()).isZero();
    CliRun again =
        CliRun.run(
            Map.of(),
            "--endpoint",
            DYNAMODB.endpoint().toString(),
            "--table",
            table,
            "channels",
            "list");
    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(again.out()).isEqualTo("no tracked channels\n");
  }

  @Test
  void doctorOnATableOfOtherKeysReportsEveryProblemAndAdviceThatCanWork() {
    String table = "other-keys-" + System.nanoTime();
    DYNAMODB
        .client()
        .createTable(
            request ->
                request
                    .tableName(table)
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(
                        AttributeDefinition.builder()
                            .attributeName("id")
                            .attributeType(ScalarAttributeType.S)
                            .build())
                    .keySchema(
                        KeySchemaElement.builder()
                            .attributeName("id")
                            .keyType(KeyType.HASH)
                            .build()));

    CliRun doctor = CliRun.run(on(table), "doctor");
    CliRun show = CliRun.run(on(table), "channels", "show", "--channel", "10");

    assertThat(doctor.exitCode()).as(doctor.out() + doctor.err()).isEqualTo(ExitCodes.FAILURE);
    assertThat(doctor.out())
        .contains("PROBLEM  table and index")
        .contains("this table is not botconfig's (its keys differ)")
        .contains("index keys")
        .contains("items")
        .contains("change marker")
        .doesNotContain("recreate the table with botconfig table create");
    assertThat(show.exitCode()).isEqualTo(ExitCodes.STORE_UNAVAILABLE);
    assertThat(show.err().lines()).hasSize(1);
    assertThat(show.err())
        .startsWith(
            "error: table " + table + " at " + DYNAMODB.endpoint() + " has no index ChannelIndex")
        .contains("`botconfig doctor` shows what differs");
    CliRun settings = CliRun.run(on(table), "settings", "show", "--guild", "1");
    assertThat(settings.exitCode()).isEqualTo(ExitCodes.STORE_UNAVAILABLE);
    assertThat(settings.err())
        .startsWith(
            "error: table "
                + table
                + " at "
                + DYNAMODB.endpoint()
                + " does not have botconfig's keys");
  }

  @Test
  void doctorJsonListsEveryCheck() throws Exception {
    CliTable table = new CliTable(DYNAMODB);

    CliRun run = table.run("doctor", "--json");

    assertThat(run.exitCode()).isZero();
    var document = io.github.botconfig.app.json.ConfigJson.mapper().readTree(run.out());
    assertThat(document.get("problems").asInt()).isZero();
    assertThat(document.get("checks")).hasSizeGreaterThanOrEqualTo(5);
    assertThat(document.get("checks").get(0).get("check").asText()).isEqualTo("connection");
  }

  @Test
  void throttlingIsSaidAsThrottlingOnOneLine() throws Exception {
    try (MockWebServer aws =
        awsAnswering(400, "ProvisionedThroughputExceededException", "Rate of requests exceeds")) {
      CliRun run =
          CliRun.run(
              Map.of("AWS_ENDPOINT_URL_DYNAMODB", aws.url("/").toString()), "channels", "list");

      assertThat(run.exitCode()).isEqualTo(ExitCodes.STORE_UNAVAILABLE);
      assertThat(run.err().lines()).hasSize(1);
      assertThat(run.err()).startsWith("error: ").contains("DynamoDB is throttling requests");
    }
  }

  @Test
  void rejectedCredentialsAreSaidAsSuch() throws Exception {
    try (MockWebServer aws =
        awsAnswering(
            400,
            "UnrecognizedClientException",
            "The security token included in the request is invalid.")) {
      CliRun run =
          CliRun.run(
              Map.of("AWS_ENDPOINT_URL_DYNAMODB", aws.url("/").toString()),
              "settings",
              "show",
              "--guild",
              "1");
      CliRun verbose =
          CliRun.run(
              Map.of("AWS_ENDPOINT_URL_DYNAMODB", aws.url("/").toString()),
              "--verbose",
              "settings",
              "show",
              "--guild",
              "1");

      assertThat(run.exitCode()).isEqualTo(ExitCodes.STORE_UNAVAILABLE);
      assertThat(run.err().lines()).hasSize(1);
      assertThat(run.err())
          .contains("error: AWS rejected the credentials for ")
          .contains("UnrecognizedClientException")
          .contains("AWS_ACCESS_KEY_ID");
      assertThat(verbose.err()).contains("\tat ").startsWith(run.err().strip());
    }
  }

  private static MockWebServer awsAnswering(int status, String type, String message)
      throws Exception {
    MockWebServer server = new MockWebServer();
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return new MockResponse.Builder()
                .code(status)
                .addHeader("Content-Type", "application/x-amz-json-1.0")
                .addHeader("x-amzn-RequestId", "test")
                .body(
                    "{\"__type\":\"com.amazonaws.dynamodb.v20120810#"
                        + type
                        + "\",\"message\":\""
                        + message
                        + "\"}")
                .build();
          }
        });
    server.start(InetAddress.getByName("127.0.0.1"), 0);
    return server;
  }
}
