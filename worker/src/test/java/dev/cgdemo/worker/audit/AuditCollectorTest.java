package dev.cgdemo.worker.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cgdemo.worker.history.AssignmentChange;
import dev.cgdemo.worker.history.PartitionOffsets;
import dev.cgdemo.worker.history.ProcessedRange;
import dev.cgdemo.worker.verify.DeliveryReport;
import dev.cgdemo.worker.verify.DeliveryVerifier;
import dev.cgdemo.worker.verify.VerifierSettings;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The collector keeps the entries of its topic and group once each, and counts what is no entry at all. */
class AuditCollectorTest {

    private static final Instant T0 = Instant.parse("2026-11-25T06:00:00Z");
    private final AuditJson json = new AuditJson();

    @Test
    void keepsOnlyItsTopicAndGroupAndCountsWhatIsNoEntry() {
        AuditCollector collector = new AuditCollector("web", "g");
        ProcessedRange range = new ProcessedRange("a", 1, 0, 0, 9, 10, T0, T0.plusMillis(10));
        AssignmentChange change = new AssignmentChange("a", 1, AssignmentChange.Kind.ASSIGNED, List.of(0), T0);

        collector.add(json.write(AuditEntry.batch("web", "g", range)));
        collector.add(json.write(AuditEntry.assignment("web", "g", change)));
        collector.add(json.write(AuditEntry.batch("web", "other-group", range)));
        collector.add(json.write(AuditEntry.batch("other-topic", "g", range)));
        collector.add("not json");

        assertThat(collector.log().batches()).containsExactly(range);
        assertThat(collector.log().assignments()).containsExactly(change);
        assertThat(collector.skipped()).isEqualTo(1);
    }

    @Test
    void anEntryStoredTwiceCountsOnce() {
        // the publisher sends an entry again when the broker's answer did not come in time; the first may be stored
        AuditCollector collector = new AuditCollector("web", "g");
        ProcessedRange range = new ProcessedRange("a", 1, 0, 0, 99, 100, T0, T0.plusMillis(50));
        AssignmentChange assigned = new AssignmentChange("a", 1, AssignmentChange.Kind.ASSIGNED, List.of(0), T0.minusSeconds(1));
        for (int copy = 0; copy < 2; copy++) {
            collector.add(json.write(AuditEntry.assignment("web", "g", assigned)));
            collector.add(json.write(AuditEntry.batch("web", "g", range)));
        }

        DeliveryReport report = new DeliveryVerifier(VerifierSettings.DEFAULT)
                .verify("web", collector.log(), List.of(new PartitionOffsets(0, 0, 100, 100)));

        assertThat(collector.log().batches()).containsExactly(range);
        assertThat(collector.log().assignments()).containsExactly(assigned);
        assertThat(report.processed()).isEqualTo(100);
        assertThat(report.duplicates()).isZero();
        assertThat(report.lost()).isZero();
    }
}
