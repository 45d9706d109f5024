package io.github.botconfig.app.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CostModelTest {
  @Test
  void anOnDemandBillPricesReadAndWriteUnitsSeparately() {
    CostModel.Bill bill = new CostModel.Bill(2_000_000, 1_000_000);

    assertThat(bill.dollars()).isCloseTo(2 * 0.125 + 0.625, within(1e-9));
  }

  @Test
  void botconfigsBackgroundWorkIsPollsRefreshesAndAReloadAfterEachChangeInEachProcess() {
    CostModel.Bill bill =
        CostModel.botconfig(Duration.ofSeconds(30), 1, Duration.ofMinutes(30), 3, 10, 3, 2);

    double polls = 86_400.0 * 2;
    double refreshes = 1_440.0 * 2;
    double reloads = 10 * 30 * 2;
    assertThat(bill.readUnits()).isCloseTo(polls + (refreshes + reloads) * 3, within(1e-6));
    assertThat(bill.writeUnits()).isCloseTo(10 * 30 * 3, within(1e-6));
  }

  @Test
  void withTheChangeFeedAChangeCostsEachProcessTheReadOfOneKeyInsteadOfAReload() {
    CostModel.Bill bill =
        CostModel.botconfigWithFeed(
            Duration.ofSeconds(5), 0.5, Duration.ofMinutes(30), 3_976, 10, 5, 1, 2);

    double polls = 518_400.0 * 2;
    double refreshes = 1_440.0 * 2;
    double changeReads = 10 * 30 * 2 * 1;
    assertThat(bill.readUnits())
        .isCloseTo(polls * 0.5 + refreshes * 3_976 + changeReads, within(1e-6));
    assertThat(bill.writeUnits()).isCloseTo(10 * 30 * 5, within(1e-6));
  }

  @Test
  void anIdleProcessPollingTheFeedEvery5sCostsUnderThreeAndAHalfCentsAMonth() {
    double dollars = CostModel.reads(CostModel.perMonth(Duration.ofSeconds(5)) * 0.5);

    assertThat(dollars).isCloseTo(0.0324, within(1e-9)).isLessThanOrEqualTo(0.035);
  }

  @Test
  void aZeroPollIntervalMeansNoPolls() {
    assertThat(CostModel.perMonth(Duration.ZERO)).isZero();
    assertThat(CostModel.perMonth(Duration.ofDays(1))).isEqualTo(30);
  }

  @Test
  void pattern3PaysOneQueryPerMessageInAnUntrackedChannel() {
    CostModel.Bill bill = CostModel.queryPerUntrackedMessage(1_000_000, 0.01, 0.5);

    assertThat(bill.readUnits()).isCloseTo(14_850_000, within(1e-6));
    assertThat(bill.dollars()).isCloseTo(1.85625, within(1e-9));
  }

  @Test
  void provisionedCapacityWithinTheFreeTierCostsNothing() {
    CostModel.Bill background = new CostModel.Bill(100_000, 900);

    assertThat(background.readUnitsPerSecond()).isLessThan(1);
    assertThat(CostModel.provisioned(background)).isZero();
  }

  @Test
  void provisionedCapacityBeyondTheFreeTierIsPricedPerUnitHourForTheAverageRate() {
    // 100 read units a second for a 30-day month, no writes: 75 units above the free tier, 720
    // hours.
    CostModel.Bill reads = new CostModel.Bill(100 * 86_400.0 * 30, 0);

    assertThat(reads.readUnitsPerSecond()).isCloseTo(100, within(1e-9));
    assertThat(CostModel.provisioned(reads)).isCloseTo(75 * 0.00013 * 720, within(1e-9));
  }
}
