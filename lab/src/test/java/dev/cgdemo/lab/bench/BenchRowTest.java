package dev.cgdemo.lab.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cgdemo.worker.verify.DeliveryReport;
import dev.cgdemo.worker.history.DuplicateRange;
import dev.cgdemo.worker.history.Handover;
import dev.cgdemo.worker.history.OffsetRange;
import dev.cgdemo.worker.history.PartitionReport;
import dev.cgdemo.worker.history.Rebalance;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchRowTest {

    private static final Instant T = Instant.parse("2026-11-25T07:00:00Z");

    private static Rebalance rebalance(int number, long atSeconds, Long groupStopMs, Handover... handovers) {
        Instant at = T.plusSeconds(atSeconds);
        return new Rebalance(number, at, at.plusMillis(100), false, List.of(handovers), groupStopMs, "join");
    }

    @Test
    void medianIsTheNearestRankAndNoPausesShowAsADash() {
        assertThat(PauseStats.of(List.of(300L, 100L, 200L))).isEqualTo(new PauseStats(3, 200, 300));
        assertThat(PauseStats.of(List.of(100L, 400L))).isEqualTo(new PauseStats(2, 100, 400));
        assertThat(PauseStats.of(List.of()).text()).isEqualTo("-");
    }

    @Test
    void eachEventGetsThePausesOfTheRebalancesInItsWindowAndStartupAndShutdownAreLeftOut() {
        DeliveryReport report = new DeliveryReport("bench-eager",
                List.of(new PartitionReport(0, 0, 100, 100, 100, List.of(),
                        List.of(new DuplicateRange(new OffsetRange(5, 7), "c-2", "c-3", 3)))),
                List.of(
                        rebalance(1, 0, null, new Handover(0, null, "c-1", null)),           // start-up
                        rebalance(2, 11, 50L, new Handover(0, "c-1", "c-2", 700L),           // clean leave
                                new Handover(1, "c-2", "c-2", 100L)),
                        rebalance(3, 21, 20L, new Handover(2, "c-2", "c-3", 3_100L)),       // crash
                        rebalance(4, 31, 10L, new Handover(2, "c-3", "c-4", 600L),          // join
                                new Handover(3, "c-3", null, null)),
                        rebalance(5, 45, 999L, new Handover(2, "c-4", null, null))));      // shutdown
        ScenarioResult result = new ScenarioResult(BenchProtocol.EAGER, report, List.of(
                new GroupEvent(1, EventKind.CLEAN_LEAVE, "c-1", T.plusSeconds(10)),
                new GroupEvent(2, EventKind.CRASH, "c-2", T.plusSeconds(20)),
                new GroupEvent(3, EventKind.JOIN, "c-4", T.plusSeconds(30))),
                T.plusSeconds(40), List.of(0L, 0L, 0L));

        BenchRow row = BenchRow.of(result);

        assertThat(row.rebalances()).isEqualTo(3);
        assertThat(row.kind(EventKind.CLEAN_LEAVE).pauses()).isEqualTo(new PauseStats(2, 100, 700));
        assertThat(row.kind(EventKind.CRASH).pauses()).isEqualTo(new PauseStats(1, 3_100, 3_100));
        assertThat(row.kind(EventKind.JOIN).pauses()).isEqualTo(new PauseStats(1, 600, 600));
        assertThat(row.kind(EventKind.CRASH).duplicates()).isEqualTo(3);
        assertThat(row.kind(EventKind.CLEAN_LEAVE).duplicates()).isZero();
        assertThat(row.groupStopMaxMs()).isEqualTo(50);
        assertThat(row.duplicates()).isEqualTo(3);
        assertThat(row.lost()).isZero();

        String table = new BenchTable().render(new BenchSettings(3, 6, 500, 1000, Duration.ofSeconds(3), Duration.ofSeconds(6),
                Duration.ofSeconds(60), List.of(BenchProtocol.EAGER), List.of(), 1), List.of(row));
        assertThat(table).contains("| classic + range (eager) | 3 | 100 / 700 | 3100 / 3100 | 600 / 600 | 0 / 3 / 0 | 3 | 50 | 100 | 0 |")
                .contains("Session timeout 3000 ms");
    }

    @Test
    void protocolNamesAreParsedAndAnUnknownOneNamesTheAllowedOnes() {
        assertThat(BenchProtocol.parse("Consumer")).isEqualTo(BenchProtocol.CONSUMER);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> BenchProtocol.parse("sticky"))
                .hasMessageContaining("allowed: eager, cooperative, static, consumer");
    }
}
