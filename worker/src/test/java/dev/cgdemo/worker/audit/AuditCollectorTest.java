package dev.cgdemo.worker.audit;

import dev.cgdemo.worker.verify.AssignmentChange;
import dev.cgdemo.worker.verify.AssignmentChange.Kind;
import dev.cgdemo.worker.verify.DeliveryReport;
import dev.cgdemo.worker.verify.DeliveryVerifier;
import dev.cgdemo.worker.verify.Handover;
import dev.cgdemo.worker.verify.PartitionOffsets;
import dev.cgdemo.worker.verify.ProcessedRange;
import dev.cgdemo.worker.verify.Rebalance;
import dev.cgdemo.worker.verify.VerifierSettings;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Compaction keeps a following reader small without changing what the verifier reports; an entry read twice counts once. */
class AuditCollectorTest {
    private static final Instant T0 = Instant.parse("2026-11-25T06:00:00Z");
    private static final List<PartitionOffsets> OFFSETS = List.of(
            new PartitionOffsets(0, 0, 600, 600), new PartitionOffsets(1, 0, 380, 380));

    private final AuditJson json = new AuditJson();
    private final DeliveryVerifier verifier = new DeliveryVerifier(VerifierSettings.DEFAULT);

    @Test
    void mergedEntriesGiveTheSameDeliveryAndPausesAsTheEntriesThemselves() {
        AuditCollector collector = new AuditCollector("web", "g");
        history(collector);
        DeliveryReport before = verifier.verify("web", collector.log(), OFFSETS);
        int entries = collector.batchCount();

        int merged = collector.compact(T0.plusSeconds(3600));

        DeliveryReport after = verifier.verify("web", collector.log(), OFFSETS);
        assertThat(merged).isGreaterThan(0);
        assertThat(collector.batchCount()).isEqualTo(entries - merged).isEqualTo(6);
        assertThat(after.processed()).isEqualTo(before.processed()).isEqualTo(970);
        assertThat(after.lost()).isEqualTo(before.lost()).isEqualTo(10);
        assertThat(after.duplicates()).isEqualTo(before.duplicates()).isEqualTo(20);
        assertThat(handovers(after)).isEqualTo(handovers(before));
        assertThat(handovers(after)).filteredOn(Handover::moved).extracting(Handover::pauseMs).containsExactly(2090L);
        assertThat(handovers(after)).filteredOn(h -> "a".equals(h.from()) && "a".equals(h.to()))
                .extracting(Handover::pauseMs).containsExactly(1990L);
    }

    @Test
    void entriesProcessedAfterTheCutOffStayAsTheyAre() {
        AuditCollector collector = new AuditCollector("web", "g");
        history(collector);
        int entries = collector.batchCount();

        assertThat(collector.compact(T0)).isZero();
        assertThat(collector.batchCount()).isEqualTo(entries);
    }

    @Test
    void anEntryStoredTwiceCountsOnce() {
        // the publisher sends an entry again when the broker's answer did not come in time; the first may be stored
        AuditCollector collector = new AuditCollector("web", "g");
        ProcessedRange range = new ProcessedRange("a", 1, 0, 0, 99, 100, T0, T0.plusMillis(50));
        AssignmentChange assigned = new AssignmentChange("a", 1, Kind.ASSIGNED, List.of(0), T0.minusSeconds(1));
        for (int copy = 0; copy < 2; copy++) {
            collector.add(json.write(AuditEntry.assignment("web", "g", assigned)));
            collector.add(json.write(AuditEntry.batch("web", "g", range)));
        }

        DeliveryReport report = verifier.verify("web", collector.log(), List.of(new PartitionOffsets(0, 0, 100, 100)));

        assertThat(collector.batchCount()).isEqualTo(1);
        assertThat(collector.log().assignments()).containsExactly(assigned);
        assertThat(report.processed()).isEqualTo(100);
        assertThat(report.duplicates()).isZero();
        assertThat(report.lost()).isZero();
    }

    /**
     * Member a owns both partitions (generation 1) and processes 10-record polls for 20 s; at 20 s partition 1 moves
     * to b (generation 2), which processes 20 offsets a had already done; a skips 10 offsets of partition 0 (lost).
     * At 40 s a, static, restarts in place: revoked and given partition 0 back in the same generation.
     */
    private void history(AuditCollector collector) {
        change(collector, "a", 1, Kind.ASSIGNED, List.of(0, 1), 0);
        long offset0 = 0;
        for (int poll = 0; poll < 20; poll++) {
            batch(collector, "a", 1, 0, offset0, 1000L * poll);
            batch(collector, "a", 1, 1, 10L * poll, 1000L * poll + 100);
            offset0 += poll == 10 ? 20 : 10; // offsets 110-119 of partition 0 are skipped
        }
        change(collector, "a", 2, Kind.REVOKED, List.of(1), 20_000);
        change(collector, "b", 2, Kind.ASSIGNED, List.of(1), 20_500);
        for (int poll = 0; poll < 20; poll++) {
            batch(collector, "b", 2, 1, 180 + 10L * poll, 21_200 + 1000L * poll); // 180-199 again
        }
        for (int poll = 20; poll < 40; poll++) {
            batch(collector, "a", 2, 0, offset0, 1000L * poll + 500);
            offset0 += 10;
        }
        change(collector, "a", 2, Kind.REVOKED, List.of(0), 40_000);
        change(collector, "a", 2, Kind.ASSIGNED, List.of(0), 41_000);
        for (int poll = 41; poll < 60; poll++) {
            batch(collector, "a", 2, 0, offset0, 1000L * poll + 500);
            offset0 += 10;
        }
    }

    private void batch(AuditCollector collector, String member, int generation, int partition, long first, long atMs) {
        ProcessedRange range = new ProcessedRange(member, generation, partition, first, first + 9, 10,
                T0.plusMillis(atMs), T0.plusMillis(atMs + 10));
        collector.add(json.write(AuditEntry.batch("web", "g", range)));
    }

    private void change(AuditCollector collector, String member, int generation, Kind kind, List<Integer> partitions, long atMs) {
        collector.add(json.write(AuditEntry.assignment("web", "g",
                new AssignmentChange(member, generation, kind, partitions, T0.plusMillis(atMs)))));
    }

    private static List<Handover> handovers(DeliveryReport report) {
        return report.rebalances().stream().map(Rebalance::handovers).flatMap(List::stream).toList();
    }
}
