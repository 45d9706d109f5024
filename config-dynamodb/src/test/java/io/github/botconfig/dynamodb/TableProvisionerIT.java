package io.github.botconfig.dynamodb;

import static io.github.botconfig.dynamodb.Items.legacyChannel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.botconfig.domain.ChannelConfig;
import io.github.botconfig.domain.ChannelId;
import io.github.botconfig.domain.GuildId;
import io.github.botconfig.dynamodb.testing.LocalDynamoDbExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.retry.backoff.FixedDelayBackoffStrategy;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbWaiter;

class TableProvisionerIT {
  @RegisterExtension
  static final LocalDynamoDbExtension DYNAMODB = LocalDynamoDbExtension.dynalite();

  /** The seed's own command, word for word (architecture-context.md), but for the endpoint. */
  private static final String[] SEED_CREATE_TABLE = {
    "dynamodb",
    "create-table",
    "--table-name",
    "solanashares-config",
    "--attribute-definitions",
    "AttributeName=PK,AttributeType=S",
    "AttributeName=SK,AttributeType=S",
    "AttributeName=GSI_PK,AttributeType=S",
    "AttributeName=GSI_SK,AttributeType=S",
    "--key-schema",
    "AttributeName=PK,KeyType=HASH",
    "AttributeName=SK,KeyType=RANGE",
    "--global-secondary-indexes",
    "IndexName=ChannelIndex,KeySchema=[{AttributeName=GSI_PK,KeyType=HASH},{AttributeName=GSI_SK,KeyType=RANGE}],Projection={ProjectionType=ALL}",
    "--billing-mode",
    "PAY_PER_REQUEST",
    "--region",
    "eu-west-3"
  };

  private static TableProvisioner provisioner(String table) {
    return TableProvisioner.builder()
        .client(DYNAMODB.client())
        .tableName(table)
        .pollInterval(Duration.ofMillis(20))
        .build();
  }

  private static TableDescription describe(String table) {
    return DYNAMODB.client().describeTable(request -> request.tableName(table)).table();
  }

  @Test
  void createsTheTableOnDemandOnceAndItMatchesTheDefinition() {
    String table = "provisioned-on-demand";
    TableProvisioner provisioner = provisioner(table);

    assertThat(provisioner.createIfMissing()).isTrue();
    assertThat(provisioner.createIfMissing()).as("already there").isFalse();

    assertThat(provisioner.verify()).isEmpty();
    TableDescription description = describe(table);
    assertThat(description.billingModeSummary().billingMode())
        .isEqualTo(BillingMode.PAY_PER_REQUEST);
    assertThat(description.tableStatusAsString()).isEqualTo("ACTIVE");
    DYNAMODB.client().deleteTable(request -> request.tableName(table));
  }

  @Test
  void createsAProvisionedTableWithTheSameUnitsOnItsIndex() {
    String table = "provisioned-capacity";

    assertThat(provisioner(table).createIfMissing(10, 5)).isTrue();

    TableDescription description = describe(table);
    assertThat(description.provisionedThroughput().readCapacityUnits()).isEqualTo(10L);
    assertThat(description.provisionedThroughput().writeCapacityUnits()).isEqualTo(5L);
    assertThat(
            description.globalSecondaryIndexes().get(0).provisionedThroughput().readCapacityUnits())
        .isEqualTo(10L);
    assertThat(provisioner(table).verify()).isEmpty();
    DYNAMODB.client().deleteTable(request -> request.tableName(table));
  }

  @Test
  void aTableCreatedByTheSeedsAwsCommandVerifiesAndServes(@TempDir Path awsHome) throws Exception {
    Optional<AwsCli> aws = AwsCli.find(DYNAMODB.endpoint());
    if (aws.isEmpty()) {
      System.err.println(
          "[SKIPPED] the aws CLI was not found (PATH, ~/.pyenv/shims): cannot run the seed's create-table");
    }
    assumeTrue(
        aws.isPresent(),
        "the aws CLI was not found (PATH, ~/.pyenv/shims): cannot run the seed's create-table");
    aws.get().run(awsHome, SEED_CREATE_TABLE);
    try {
      assertThat(provisioner("solanashares-config").verify()).isEmpty();
      assertThat(provisioner("solanashares-config").createIfMissing()).isFalse();

      DynamoDbConfigStore store =
          DynamoDbConfigStore.builder()
              .client(DYNAMODB.client())
              .tableName("solanashares-config")
              .build();
      ChannelConfig saved = store.saveChannel(ChannelConfig.of(GuildId.of(1), ChannelId.of(2)));
      assertThat(store.findChannel(ChannelId.of(2))).contains(saved);
    } finally {
      DYNAMODB.client().deleteTable(request -> request.tableName("solanashares-config"));
    }
  }

  @Test
  void verifyListsEveryMismatchOfAnotherTable() {
    String table = "some-other-layout";
    DYNAMODB
        .client()
        .createTable(
            request ->
                request
                    .tableName(table)
                    .attributeDefinitions(
                        a -> a.attributeName("id").attributeType(ScalarAttributeType.N))
                    .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                    .billingMode(BillingMode.PAY_PER_REQUEST));
    // dynalite makes a table ACTIVE just after answering CreateTable: a verify in between also says
    // CREATING.
    try (DynamoDbWaiter waiter =
        DynamoDbWaiter.builder()
            .client(DYNAMODB.client())
            .overrideConfiguration(
                w ->
                    w.backoffStrategy(FixedDelayBackoffStrategy.create(Duration.ofMillis(20)))
                        .maxAttempts(500))
            .build()) {
      waiter.waitUntilTableExists(request -> request.tableName(table));
    }
    try {
      assertThat(provisioner(table).verify())
          .containsExactly(
              "table 'some-other-layout' has keys id (HASH), expected PK (S, partition key) and SK (S, sort key)",
              "table 'some-other-layout' has no global secondary index 'ChannelIndex' (found: none); channel lookups by id need it");
    } finally {
      DYNAMODB.client().deleteTable(request -> request.tableName(table));
    }
  }

  @Test
  void verifySaysWhenTheTableIsMissing() {
    assertThat(provisioner("not-created").verify())
        .containsExactly("table 'not-created' does not exist at " + DYNAMODB.endpoint());
  }

  @Test
  void backfillGivesIndexKeysToChannelsWrittenWithoutThemAndTouchesNothingElse() {
    String table = DYNAMODB.newTable();
    RawTable raw = new RawTable(DYNAMODB.client(), table);
    raw.put(legacyChannel("1", "11").without("GSI_PK").without("GSI_SK").s("note", "kept"));
    raw.put(legacyChannel("1", "12").s("GSI_SK", "GUILD#999"));
    raw.put(legacyChannel("1", "13"));
    raw.put(Items.legacySettings("1"));
    raw.put(Items.item("GUILD#1", "GLOBAL_MESSAGE").s("Type", "global_position_message"));
    assertThat(provisioner(table).countItemsMissingIndexKeys())
        .as("counted, not repaired")
        .isEqualTo(2);
    assertThat(provisioner(table).countItemsMissingIndexKeys()).isEqualTo(2);
    assertThat(provisioner(table).backfill()).isEqualTo(2);
    assertThat(provisioner(table).countItemsMissingIndexKeys()).isZero();
    assertThat(provisioner(table).backfill()).as("nothing left to do").isZero();

    DynamoDbConfigStore store =
        DynamoDbConfigStore.builder().client(DYNAMODB.client()).tableName(table).build();
    assertThat(store.findChannel(ChannelId.of(11))).isPresent();
    assertThat(store.findChannel(ChannelId.of(12)).orElseThrow().guildId())
        .isEqualTo(GuildId.of(1));
    Map<String, AttributeValue> repaired = raw.get("GUILD#1", "CHANNEL#11");
    assertThat(repaired)
        .containsEntry("GSI_PK", AttributeValue.fromS("CHANNEL#11"))
        .containsEntry("GSI_SK", AttributeValue.fromS("GUILD#1"))
        .containsEntry("note", AttributeValue.fromS("kept"))
        .doesNotContainKey("version");
    assertThat(raw.get("GUILD#1", "SETTINGS")).doesNotContainKeys("GSI_PK", "GSI_SK");
    assertThat(raw.get("GUILD#1", "GLOBAL_MESSAGE")).doesNotContainKeys("GSI_PK", "GSI_SK");
  }
}
