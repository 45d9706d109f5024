package io.github.botconfig.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.botconfig.dynamodb.testing.LocalDynamoDbExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SimulateCommandIT {
  @RegisterExtension
  static final LocalDynamoDbExtension DYNAMODB = LocalDynamoDbExtension.dynalite();

  private CliTable table;

  @BeforeEach
  void freshTable() {
    table = new CliTable(DYNAMODB);
  }

  @Test
  void drivesTheMessagePathWithoutAStoreRequestAndPricesIt() {
    CliRun run =
        table.run("simulate", "--messages", "20000", "--guilds", "5", "--channels-per-guild", "2");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .startsWith(
            "botconfig simulate: 20,000 messages, 5 guilds × 2 tracked channels, 1 % of messages in tracked channels")
        .contains("load             10 channels in")
        .contains("store requests   0 during the run")
        .contains("monthly DynamoDB cost at 1,000,000 messages a day")
        .contains("seed Pattern 3 / running bot   $1.8563  14,850,000 read units")
        .containsPattern(
            "botconfig                      \\$0\\.0[0-9]+  [0-9,]+ read units \\(change-feed polls")
        .contains("botconfig before the feed      $")
        .contains(
            "on provisioned capacity ($0.00013 per RCU-hour, $0.00065 per WCU-hour, 25 of each free)")
        .containsPattern("botconfig                      \\$0\\.00  0\\.[0-9]+ RCU")
        .contains("seed Pattern 3 / running bot   $0.00  5.7 RCU on average");
    assertThat(run.out()).containsPattern("answers          [0-9,]+ alerts");
  }

  @Test
  void saysEachStepOfALongRunOnStderrInPlainLines() {
    CliRun run =
        table.run("simulate", "--messages", "2000", "--guilds", "10", "--channels-per-guild", "2");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err().lines())
        .containsSubsequence(
            "simulate: wrote 2 of 20 channels",
            "simulate: wrote 10 of 20 channels",
            "simulate: wrote 20 of 20 channels",
            "simulate: loading the cache",
            "simulate: timing each message")
        .allMatch(line -> line.startsWith("simulate: "))
        .anyMatch(line -> line.startsWith("simulate: creating the temporary table "))
        .anyMatch(line -> line.startsWith("simulate: deleting the temporary table "));
    assertThat(run.err()).doesNotContain("\u001b").doesNotContain("\r");
  }

  @Test
  void theTemporaryTableIsGoneAfterwardsAndTheConfiguredOneUntouched() {
    table.run("simulate", "--messages", "1000");

    assertThat(DYNAMODB.client().listTables().tableNames())
        .noneMatch(name -> name.startsWith("botconfig-simulate-"));
    assertThat(table.store.loadAll().channels()).isEmpty();
  }

  @Test
  void optionsOutOfRangeAreNamed() {
    CliRun zero = table.run("simulate", "--messages", "0");
    CliRun share = table.run("simulate", "--tracked-percent", "150");
    CliRun word = table.run("simulate", "--guilds", "many");

    assertThat(zero.exitCode()).isEqualTo(ExitCodes.INVALID);
    assertThat(zero.err()).contains("--messages must be from 1 to 100000000, got 0");
    assertThat(share.err()).contains("--tracked-percent must be from 0 to 100, got 150");
    assertThat(word.exitCode()).isEqualTo(ExitCodes.INVALID);
    assertThat(word.err()).contains("'many' is not an int");
  }
}
