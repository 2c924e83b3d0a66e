package dev.cgdemo.worker.verify;

import dev.cgdemo.worker.history.AssignmentChange;
import dev.cgdemo.worker.history.ProcessedRange;
import dev.cgdemo.worker.history.OffsetRange;
import dev.cgdemo.worker.history.PartitionOffsets;
import dev.cgdemo.worker.history.DuplicateRange;
import dev.cgdemo.worker.history.Handover;
import dev.cgdemo.worker.history.Rebalance;

import static dev.cgdemo.worker.history.AssignmentChange.Kind.ASSIGNED;
import static dev.cgdemo.worker.history.AssignmentChange.Kind.LOST;
import static dev.cgdemo.worker.history.AssignmentChange.Kind.REVOKED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeliveryVerifierTest {

    private static final Instant T0 = Instant.parse("2026-11-25T06:00:00Z");

    private final List<ProcessedRange> batches = new ArrayList<>();
    private final List<AssignmentChange> changes = new ArrayList<>();
    private final DeliveryVerifier verifier = new DeliveryVerifier(VerifierSettings.DEFAULT);

    private static Instant at(long ms) {
        return T0.plusMillis(ms);
    }

    private void batch(String member, int partition, long first, long last, long fromMs, long toMs) {
        batches.add(new ProcessedRange(member, 1, partition, first, last, (int) (last - first + 1), at(fromMs), at(toMs)));
    }

    private void change(String member, AssignmentChange.Kind kind, long atMs, Integer... partitions) {
        change(member, 1, kind, atMs, partitions);
    }

    private void change(String member, int generation, AssignmentChange.Kind kind, long atMs, Integer... partitions) {
        changes.add(new AssignmentChange(member, generation, kind, List.of(partitions), at(atMs)));
    }

    private DeliveryReport verify(PartitionOffsets... offsets) {
        return verifier.verify("t", new AuditLog(batches, changes), List.of(offsets));
    }

    @Test
    void cleanHandoverHasNoLossNoDuplicatesAndMeasuresThePause() {
        change("a", ASSIGNED, 0, 0);
        batch("a", 0, 0, 99, 100, 950);
        change("a", REVOKED, 10_000, 0);
        change("b", ASSIGNED, 10_200, 0);
        batch("b", 0, 100, 199, 10_300, 10_900);

        DeliveryReport report = verify(new PartitionOffsets(0, 0, 200, 200));

        assertThat(report.lost()).isZero();
        assertThat(report.duplicates()).isZero();
        assertThat(report.processed()).isEqualTo(200);
        assertThat(report.rebalances()).hasSize(2);
        Rebalance handover = report.rebalances().get(1);
        assertThat(handover.moves()).containsExactly(new Handover(0, "a", "b", 10_300L - 950L));
        assertThat(handover.maxPauseMs()).isEqualTo(9_350L);
        assertThat(handover.eager()).isFalse();
    }

    @Test
    void offsetsBelowTheCommittedPositionThatNobodyProcessedAreLost() {
        change("a", ASSIGNED, 0, 0);
        batch("a", 0, 0, 49, 100, 200);
        batch("a", 0, 60, 99, 300, 400);   // 50..59 skipped, e.g. by a seek
        batch("a", 0, 100, 109, 500, 600);

        DeliveryReport report = verify(new PartitionOffsets(0, 0, 110, 130));

        assertThat(report.partitions().get(0).lostRanges()).containsExactly(new OffsetRange(50, 59));
        assertThat(report.lost()).isEqualTo(10);
        assertThat(report.partitions().get(0).uncommitted()).isEqualTo(20);
    }

    @Test
    void unprocessedOffsetsAtOrAboveTheCommittedPositionAreNotLost() {
        change("a", ASSIGNED, 0, 0);
        batch("a", 0, 0, 9, 100, 200);
        // processed 10..19 but crashed before both the audit entry and the commit left the process

        DeliveryReport report = verify(new PartitionOffsets(0, 0, 10, 20));

        assertThat(report.lost()).isZero();
    }

    @Test
    void aPartitionWithoutAnyAuditBelowItsCommitIsEntirelyLost() {
        DeliveryReport report = verify(new PartitionOffsets(3, 5, 15, 15));

        assertThat(report.partitions().get(0).lostRanges()).containsExactly(new OffsetRange(5, 14));
        assertThat(report.processed()).isZero();
    }

    @Test
    void duplicatesAfterACrashAreAttributedToTheRebalanceThatMovedThePartition() {
        change("a", ASSIGNED, 0, 0, 1);
        change("c", ASSIGNED, 100, 2);
        change("a", REVOKED, 150, 1);   // cooperative: a gives p1 to c, keeps p0
        change("c", ASSIGNED, 300, 1);
        batch("c", 2, 0, 99, 400, 900);
        batch("c", 1, 0, 9, 400, 500);
        // c is killed: no revoke. 6 s later the survivor gets c's partitions.
        change("a", ASSIGNED, 7_000, 1, 2);
        batch("a", 2, 80, 199, 7_100, 7_600);   // 80..99 were processed by c but not committed
        batch("a", 1, 10, 19, 7_100, 7_200);

        DeliveryReport report = verify(new PartitionOffsets(0, 0, 0, 0), new PartitionOffsets(1, 0, 20, 20),
                new PartitionOffsets(2, 0, 200, 200));

        assertThat(report.lost()).isZero();
        // start-up (settled at 100 ms), the cooperative move of p1, the crash
        assertThat(report.rebalances()).extracting(Rebalance::cause).containsExactly("start", "unknown", "crash");
        Rebalance crash = report.rebalances().get(2);
        assertThat(crash.number()).isEqualTo(3);
        assertThat(crash.moves()).containsExactly(new Handover(1, "c", "a", 6_600L), new Handover(2, "c", "a", 6_200L));
        assertThat(report.partitions().get(2).duplicateRanges())
                .containsExactly(new DuplicateRange(new OffsetRange(80, 99), "c", "a", 3));
        assertThat(report.duplicates()).isEqualTo(20);
        assertThat(report.processed()).isEqualTo(220);
    }

    @Test
    void reReadingWithoutARebalanceIsADuplicateWithoutCause() {
        change("a", ASSIGNED, 0, 0);
        batch("a", 0, 0, 49, 100, 200);
        batch("a", 0, 40, 60, 300, 400);   // seeked back

        DeliveryReport report = verify(new PartitionOffsets(0, 0, 61, 61));

        assertThat(report.partitions().get(0).duplicateRanges())
                .containsExactly(new DuplicateRange(new OffsetRange(40, 49), "a", "a", null));
    }

    @Test
    void aRestartedMemberReprocessingItsOwnWorkIsAttributedToTheRebalanceThatGaveItBack() {
        change("a", 1, ASSIGNED, 0, 0);
        batch("a", 0, 0, 99, 100, 200);
        change("a", 1, REVOKED, 19_000, 0);
        change("a", 2, ASSIGNED, 20_000, 0);   // same name, new process, new generation
        batch("a", 0, 90, 120, 20_100, 20_300);

        DeliveryReport report = verify(new PartitionOffsets(0, 0, 121, 121));

        assertThat(report.partitions().get(0).duplicateRanges())
                .containsExactly(new DuplicateRange(new OffsetRange(90, 99), "a", "a", 2));
        Rebalance restart = report.rebalances().get(1);
        assertThat(restart.moves()).isEmpty();
        assertThat(restart.handovers()).containsExactly(new Handover(0, "a", "a", 19_900L));
    }

    @Test
    void aStaticMemberBackWithinItsSessionIsNoRebalanceSoItsRepeatsHaveNoCause() {
        change("a", 1, ASSIGNED, 0, 0);
        batch("a", 0, 0, 99, 100, 200);
        // killed, its pod restarted under the same group.instance.id: same generation, no rebalance
        change("a", 1, ASSIGNED, 5_000, 0);
        batch("a", 0, 90, 120, 5_100, 5_300);

        DeliveryReport report = verify(new PartitionOffsets(0, 0, 121, 121));

        assertThat(report.rebalances()).hasSize(1);
        assertThat(report.partitions().get(0).duplicateRanges())
                .containsExactly(new DuplicateRange(new OffsetRange(90, 99), "a", "a", null));
    }

    @Test
    void tripleProcessingCountsTwoDuplicatesAndNamesEachEarlierProcessor() {
        change("a", ASSIGNED, 0, 0);
        batch("a", 0, 0, 9, 100, 200);
        change("a", REVOKED, 10_000, 0);
        change("b", ASSIGNED, 10_100, 0);
        batch("b", 0, 0, 9, 10_200, 10_300);
        change("b", REVOKED, 20_000, 0);
        change("c", ASSIGNED, 20_100, 0);
        batch("c", 0, 5, 9, 20_200, 20_300);

        DeliveryReport report = verify(new PartitionOffsets(0, 0, 10, 10));

        assertThat(report.duplicates()).isEqualTo(15);
        assertThat(report.partitions().get(0).duplicateRanges()).containsExactly(
                new DuplicateRange(new OffsetRange(0, 9), "a", "b", 2),
                new DuplicateRange(new OffsetRange(5, 9), "a", "c", 3));
        assertThat(report.processed()).isEqualTo(10);
    }

    @Test
    void anEagerRebalanceStopsTheWholeGroupAndIsRecognised() {
        change("a", ASSIGNED, -10_000, 0, 1);
        change("b", ASSIGNED, -10_000, 2);
        batch("a", 0, 0, 9, 100, 1_000);
        batch("a", 1, 0, 9, 100, 1_100);
        batch("b", 2, 0, 9, 100, 1_200);
        // c joins: everyone gives up everything, then gets a new share
        change("a", REVOKED, 1_300, 0, 1);
        change("b", REVOKED, 1_350, 2);
        change("a", ASSIGNED, 1_800, 0);
        change("b", ASSIGNED, 1_800, 2);
        change("c", ASSIGNED, 1_800, 1);
        batch("a", 0, 10, 19, 1_900, 2_000);
        batch("b", 2, 10, 19, 1_950, 2_000);
        batch("c", 1, 10, 19, 2_100, 2_200);

        DeliveryReport report = verify(new PartitionOffsets(0, 0, 20, 20), new PartitionOffsets(1, 0, 20, 20),
                new PartitionOffsets(2, 0, 20, 20));

        Rebalance join = report.rebalances().get(1);
        assertThat(join.eager()).isTrue();
        assertThat(join.groupStopMs()).isEqualTo(700L);   // last record 1_200, first again 1_900
        assertThat(join.moves()).containsExactly(new Handover(1, "a", "c", 1_000L));
        assertThat(join.handovers()).contains(new Handover(0, "a", "a", 900L), new Handover(2, "b", "b", 750L));
        assertThat(report.lost()).isZero();
        assertThat(report.duplicates()).isZero();
    }

    @Test
    void aCooperativeJoinIsNotEagerAndKeepsTheGroupBusy() {
        change("a", ASSIGNED, -10_000, 0, 1);
        batch("a", 0, 0, 9, 100, 1_000);
        batch("a", 1, 0, 9, 100, 1_000);
        change("a", REVOKED, 1_300, 1);
        batch("a", 0, 10, 19, 1_100, 1_700);
        change("a", ASSIGNED, 1_800);   // cooperative: an empty assignment closes the second round
        change("b", ASSIGNED, 1_800, 1);
        batch("b", 1, 10, 19, 1_900, 2_000);

        DeliveryReport report = verify(new PartitionOffsets(0, 0, 20, 20), new PartitionOffsets(1, 0, 20, 20));

        Rebalance join = report.rebalances().get(1);
        assertThat(join.eager()).isFalse();
        assertThat(join.moves()).containsExactly(new Handover(1, "a", "b", 900L));
        assertThat(join.groupStopMs()).isEqualTo(200L);   // p0 kept going until 1_700
    }

    @Test
    void aRebalanceLastsUntilEveryPartitionHasAnOwnerAgainAndLateCallbacksBelongToIt() {
        change("a", 1, ASSIGNED, 0, 0, 1);
        change("b", 1, REVOKED, 10_000);          // nothing of ours: changes nothing
        change("a", 1, REVOKED, 20_000, 1);        // a gives p1 up ...
        change("b", 2, ASSIGNED, 26_000, 1);       // ... and b gets it 6 s later: one rebalance all the same
        change("a", 2, ASSIGNED, 28_000);          // a's callback of that generation, 2 s late: still that one
        change("a", 2, ASSIGNED, 40_000);          // the same again, 14 s late: changes nothing, counts as nothing

        DeliveryReport report = verify(new PartitionOffsets(0, 0, 0, 0), new PartitionOffsets(1, 0, 0, 0));

        assertThat(report.rebalances()).extracting(Rebalance::number).containsExactly(1, 2);
        assertThat(report.rebalances().get(0).handovers())
                .containsExactly(new Handover(0, null, "a", null), new Handover(1, null, "a", null));
        assertThat(report.rebalances().get(1).handovers()).containsExactly(new Handover(1, "a", "b", null));
        assertThat(report.rebalances().get(1).start()).isEqualTo(at(20_000));
        assertThat(report.rebalances().get(1).end()).isEqualTo(at(26_000));

        DeliveryReport shorter = new DeliveryVerifier(new VerifierSettings(Duration.ofSeconds(1)))
                .verify("t", new AuditLog(batches, changes), List.of(new PartitionOffsets(0, 0, 0, 0),
                        new PartitionOffsets(1, 0, 0, 0)));
        assertThat(shorter.rebalances()).hasSize(2);   // a's late callback changes nothing either way
    }

    @Test
    void offsetsMustBeOrdered() {
        assertThatThrownBy(() -> new PartitionOffsets(0, 0, 11, 10)).hasMessageContaining("committed=11");
        assertThatThrownBy(() -> new ProcessedRange("a", 1, 0, 5, 4, 0, T0, T0)).hasMessageContaining("lastOffset 4");
        assertThatThrownBy(() -> new VerifierSettings(Duration.ZERO)).hasMessageContaining("rebalanceGap");
    }
}
