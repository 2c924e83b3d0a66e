package dev.cgdemo.lab.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cgdemo.worker.history.DuplicateRange;
import dev.cgdemo.worker.history.Handover;
import dev.cgdemo.worker.history.OffsetRange;
import dev.cgdemo.worker.history.PartitionReport;
import dev.cgdemo.worker.history.Rebalance;
import dev.cgdemo.worker.verify.DeliveryReport;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SoakTableTest {

    private static final Instant T = Instant.parse("2026-12-02T08:00:00Z");

    private static Rebalance rebalance(int number, long atSeconds, String cause, Handover... handovers) {
        Instant at = T.plusSeconds(atSeconds);
        return new Rebalance(number, at, at.plusMillis(100), false, List.of(handovers), 20L, cause);
    }

    private static ScenarioResult result(List<Long> lostSoFar, List<OffsetRange> lostRanges) {
        PartitionReport partition = new PartitionReport(0, 0, 500, 500, 490, lostRanges, List.of(
                new DuplicateRange(new OffsetRange(10, 14), "consumer-2", "consumer-3", 3),    // the crash's
                new DuplicateRange(new OffsetRange(40, 40), "consumer-3", "consumer-3", null),  // no rebalance's
                new DuplicateRange(new OffsetRange(90, 91), "consumer-3", "consumer-4", 6)));  // the shutdown's
        DeliveryReport report = new DeliveryReport("bench-cooperative", List.of(partition), List.of(
                rebalance(1, 0, "start", new Handover(0, null, "consumer-1", null)),
                rebalance(2, 11, "leave", new Handover(0, "consumer-1", "consumer-2", 400L)),
                rebalance(3, 21, "crash", new Handover(0, "consumer-2", "consumer-3", 3_200L)),
                rebalance(4, 31, "join", new Handover(0, "consumer-3", "consumer-4", 700L)),
                rebalance(5, 33, "unknown"),
                rebalance(6, 45, "leave", new Handover(0, "consumer-4", null, null))));
        return new ScenarioResult(BenchProtocol.COOPERATIVE, report, List.of(
                new GroupEvent(1, EventKind.CLEAN_LEAVE, "consumer-1", T.plusSeconds(10)),
                new GroupEvent(2, EventKind.CRASH, "consumer-2", T.plusSeconds(20)),
                new GroupEvent(3, EventKind.JOIN, "consumer-4", T.plusSeconds(30))),
                T.plusSeconds(40), lostSoFar);
    }

    @Test
    void eachKindGetsItsEventsRebalancesPausesAndDuplicatesAndTheWholeRunIsTheVerifiers() {
        ScenarioResult result = result(List.of(0L, 0L, 0L), List.of());

        List<EventOutcome> outcomes = result.outcomes();
        assertThat(outcomes).extracting(EventOutcome::rebalanceText)
                .containsExactly("#2 (leave)", "#3 (crash)", "#4 (join), #5 (unknown)");
        assertThat(outcomes).extracting(EventOutcome::duplicates).containsExactly(0L, 5L, 0L);
        assertThat(SoakLine.format(BenchProtocol.COOPERATIVE, outcomes.get(1), 0)).isEqualTo(
                "[cooperative] event 2 crash of consumer-2: rebalance #3 (crash), moved 1, pause p50 / max 3200 / 3200 ms, "
                        + "duplicates 5, lost so far 0");

        String table = new SoakTable().render(new BenchSettings(3, 6, 500, 1000, Duration.ofSeconds(3),
                Duration.ofSeconds(6), Duration.ofSeconds(60), List.of(BenchProtocol.COOPERATIVE), List.of(), 1),
                Duration.ofSeconds(10), List.of(result));
        assertThat(table).contains("| cooperative | clean leave | 1 | 1 | 400 / 400 | 0 | 0 |\n")
                .contains("| cooperative | crash | 1 | 1 | 3200 / 3200 | 5 | 0 |\n")
                .contains("| cooperative | join | 1 | 2 | 700 / 700 | 0 | 0 |\n")
                .contains("| cooperative | whole run | 3 | 6 | 700 / 3200 | 8 | 0 |\n");
        assertThat(SoakTable.anyLost(List.of(result))).isFalse();
    }

    @Test
    void recordsLostAreChargedToTheKindAfterWhichTheyWereFirstCountedAndFailTheSoak() {
        ScenarioResult result = result(List.of(0L, 3L, 3L), List.of(new OffsetRange(200, 202)));

        assertThat(KindSummary.of(result).get(EventKind.CRASH).lost()).isEqualTo(3);
        assertThat(KindSummary.of(result).get(EventKind.JOIN).lost()).isZero();
        assertThat(SoakTable.anyLost(List.of(result))).isTrue();
    }
}
