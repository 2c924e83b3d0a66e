package dev.cgdemo.operator.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cgdemo.operator.model.ChaosActionStatus;
import dev.cgdemo.operator.model.ChaosStatus;
import dev.cgdemo.worker.history.GroupHistory;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ChaosLedgerTest {

  private static final Instant T0 = Instant.parse("2026-12-02T08:00:00Z");

  @Test
  void keepsTheLastTenCountsEveryActionAndMeasuresWhatFallsOut() {
    GroupHistory history = new GroupHistory(3, Duration.ofSeconds(3));
    ChaosStatus chaos = new ChaosStatus();
    for (int i = 0; i < 12; i++) {
      ChaosLedger.taken(chaos, T0.plusSeconds(30L * i), i % 2 == 0 ? "kill" : "delete", "demo-consumer-" + (i % 3), null,
          history);
    }
    assertThat(chaos.getActions()).isEqualTo(12);
    assertThat(chaos.getLastActionTime()).isEqualTo(T0.plusSeconds(330).toString());
    assertThat(chaos.getRecent()).hasSize(ChaosStatus.RECENT)
        .extracting(ChaosActionStatus::getTime).first().isEqualTo(T0.plusSeconds(60).toString());
    assertThat(chaos.getTotals()).extracting(t -> t.getAction() + " " + t.getCount() + " " + t.getLost())
        .containsExactly("delete 6 0", "kill 6 0");
    assertThat(ChaosLedger.lastActionDone(chaos)).isFalse();

    // Two minutes after the last action with no rebalance, every action is measured without one.
    ChaosLedger.observe(chaos, history, T0.plusSeconds(330).plus(Duration.ofMinutes(2)));
    assertThat(chaos.getRecent()).allSatisfy(entry -> {
      assertThat(entry.getMeasured()).isTrue();
      assertThat(entry.getRebalance()).isNull();
    });
    assertThat(ChaosLedger.lastActionDone(chaos)).isTrue();
    assertThat(chaos.getTotals()).allSatisfy(total -> {
      assertThat(total.getPausesMs()).isEmpty();
      assertThat(total.getPauseP50Ms()).isNull();
    });
  }
}
