package dev.cgdemo.worker.history;

import static dev.cgdemo.worker.history.AssignmentChange.Kind.ASSIGNED;
import static dev.cgdemo.worker.history.AssignmentChange.Kind.LOST;
import static dev.cgdemo.worker.history.AssignmentChange.Kind.REVOKED;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class GroupHistoryTest {

    private static final Instant T0 = Instant.parse("2026-12-01T06:00:00Z");

    private final GroupHistory history = new GroupHistory(3, Duration.ofSeconds(3));

    private static Instant at(long ms) {
        return T0.plusMillis(ms);
    }

    private void change(String member, int generation, AssignmentChange.Kind kind, long atMs, Integer... partitions) {
        history.assignment(new AssignmentChange(member, generation, kind, List.of(partitions), at(atMs)));
    }

    private void batch(String member, int partition, long first, long last, long fromMs, long toMs) {
        history.processed(new ProcessedRange(member, 1, partition, first, last, (int) (last - first + 1), at(fromMs), at(toMs)));
    }

    /** a, b, c each own one partition, settled at 1 s, and have processed offsets 0..9 of it. */
    private void threeMembersSettled() {
        change("a", 1, ASSIGNED, 1_000, 0);
        change("b", 1, ASSIGNED, 1_000, 1);
        change("c", 1, ASSIGNED, 1_000, 2);
        batch("a", 0, 0, 9, 1_100, 1_900);
        batch("b", 1, 0, 9, 1_100, 1_900);
        batch("c", 2, 0, 9, 1_100, 1_950);
    }

    @Test
    void theFirstAssignmentIsOneRebalanceOnceEveryPartitionHasAnOwner() {
        change("a", 1, ASSIGNED, 1_000, 0);
        change("b", 1, ASSIGNED, 1_010, 1);
        assertThat(history.settled()).isFalse();
        assertThat(history.rebalanceCount()).isZero();

        change("c", 1, ASSIGNED, 1_020, 2);

        assertThat(history.settled()).isTrue();
        assertThat(history.rebalanceCount()).isEqualTo(1);
        Rebalance first = history.lastRebalance().orElseThrow();
        assertThat(first.cause()).isEqualTo("start");
        assertThat(first.start()).isEqualTo(at(1_000));
        assertThat(first.end()).isEqualTo(at(1_020));
        assertThat(first.moves()).isEmpty();
        assertThat(history.owners()).containsExactly(
                java.util.Map.entry(0, "a"), java.util.Map.entry(1, "b"), java.util.Map.entry(2, "c"));
    }

    @Test
    void aCooperativeLeaveIsOneRebalanceWithThePauseOfTheMovedPartition() {
        threeMembersSettled();

        change("b", 1, REVOKED, 5_000, 1);       // b stops cleanly
        assertThat(history.settled()).isFalse();
        change("a", 2, ASSIGNED, 5_400, 1);      // a gets p1 in the next generation
        change("c", 2, ASSIGNED, 5_450);         // c's callback of the same generation comes a little later
        batch("a", 1, 10, 19, 5_600, 5_700);

        assertThat(history.rebalanceCount()).isEqualTo(2);
        Rebalance leave = history.lastRebalance().orElseThrow();
        assertThat(leave.cause()).isEqualTo("leave");
        assertThat(leave.moves()).containsExactly(new Handover(1, "b", "a", 5_600L - 1_900L));
        assertThat(leave.eager()).isFalse();
        assertThat(history.members()).extracting(MemberView::member).containsExactly("a", "c");
        assertThat(history.ownership(1)).containsExactly(
                new OwnershipInterval(1, "b", at(1_000), at(5_000), 10),
                new OwnershipInterval(1, "a", at(5_400), null, 10));
    }

    @Test
    void aCrashIsOneRebalanceEvenWhenTheSurvivorsCallBackAtDifferentMoments() {
        history.partitions(4);
        change("a", 1, ASSIGNED, 1_000, 0);
        change("b", 1, ASSIGNED, 1_000, 1, 2);
        change("c", 1, ASSIGNED, 1_000, 3);
        batch("b", 1, 0, 9, 1_100, 1_900);
        batch("b", 2, 0, 9, 1_100, 1_900);

        // b is killed: no callback. After the session timeout the survivors get its partitions.
        change("a", 2, ASSIGNED, 11_000, 1);
        change("c", 2, ASSIGNED, 11_800, 2);
        batch("a", 1, 10, 19, 11_100, 11_200);
        batch("c", 2, 10, 19, 11_900, 12_000);

        assertThat(history.rebalanceCount()).isEqualTo(2);
        Rebalance crash = history.lastRebalance().orElseThrow();
        assertThat(crash.cause()).isEqualTo("crash");
        assertThat(crash.moves()).containsExactly(new Handover(1, "b", "a", 9_200L), new Handover(2, "b", "c", 10_000L));
    }

    @Test
    void aLateCallbackOfTheLastRebalancesGenerationThatChangesNothingIsNoNewRebalance() {
        threeMembersSettled();
        change("b", 1, REVOKED, 5_000, 1);
        change("a", 2, ASSIGNED, 5_400, 1);
        change("c", 2, ASSIGNED, 9_000);   // past the 3 s allowed for late callbacks, but nothing changed

        assertThat(history.rebalanceCount()).isEqualTo(2);
    }

    @Test
    void aStaticMemberRestartedWithinItsSessionTimeoutIsNoRebalance() {
        threeMembersSettled();
        long version = history.structureVersion();

        change("b", 1, REVOKED, 5_000, 1);      // the pod stops; a static member does not leave the group
        change("b", 1, ASSIGNED, 9_000, 1);     // its new pod gets the same partitions, same generation
        batch("b", 1, 10, 19, 9_100, 9_200);

        assertThat(history.rebalanceCount()).isEqualTo(1);
        assertThat(history.settled()).isTrue();
        assertThat(history.structureVersion()).isGreaterThan(version);
        assertThat(history.ownership(1)).extracting(OwnershipInterval::owner).containsExactly("b", "b");
    }

    @Test
    void anEagerRebalanceIsRecognisedWithTheGroupWideStop() {
        threeMembersSettled();
        change("a", 1, REVOKED, 5_000, 0);
        change("b", 1, REVOKED, 5_000, 1);
        change("c", 1, REVOKED, 5_010, 2);      // c leaves
        change("a", 2, ASSIGNED, 5_500, 0, 2);
        change("b", 2, ASSIGNED, 5_500, 1);
        batch("a", 0, 10, 19, 5_600, 5_700);
        batch("b", 1, 10, 19, 5_650, 5_700);
        batch("a", 2, 10, 19, 5_600, 5_800);

        Rebalance leave = history.lastRebalance().orElseThrow();
        assertThat(leave.eager()).isTrue();
        assertThat(leave.cause()).isEqualTo("leave");
        assertThat(leave.moves()).containsExactly(new Handover(2, "c", "a", 5_600L - 1_950L));
        assertThat(leave.handovers()).contains(new Handover(0, "a", "a", 3_700L), new Handover(1, "b", "b", 3_750L));
        assertThat(leave.groupStopMs()).isEqualTo(5_600L - 1_950L);
    }

    @Test
    void aJoinThatMovesNothingIsStillARebalance() {
        threeMembersSettled();

        change("d", 2, ASSIGNED, 5_000);        // a fourth member, with three partitions: idle
        change("a", 2, ASSIGNED, 5_010);
        change("b", 2, ASSIGNED, 5_010);
        change("c", 2, ASSIGNED, 5_020);

        assertThat(history.rebalanceCount()).isEqualTo(2);
        Rebalance join = history.lastRebalance().orElseThrow();
        assertThat(join.cause()).isEqualTo("join");
        assertThat(join.moves()).isEmpty();
        assertThat(history.members()).extracting(MemberView::member).containsExactly("a", "b", "c", "d");
        assertThat(history.members().get(3).partitions()).isEmpty();
    }

    @Test
    void anIdleMemberMissingFromADescriptionAfterItWasLastHeardFromIsGoneAndOneHeardFromSinceStays() {
        threeMembersSettled();
        change("d", 2, ASSIGNED, 5_000);        // idle: three partitions, four members
        change("a", 2, ASSIGNED, 5_010);
        change("b", 2, ASSIGNED, 5_010);
        change("c", 2, ASSIGNED, 5_020);
        change("e", 2, ASSIGNED, 9_000);        // another idle member, heard from just now
        long structure = history.structureVersion();
        int rebalances = history.rebalanceCount();

        // d crashed, which an idle member does without a word; the description was taken before e joined
        history.described(at(10_000), java.util.Set.of("a", "b", "c"));

        assertThat(history.members()).extracting(MemberView::member).containsExactly("a", "b", "c", "e");
        assertThat(history.settledWith(List.of("a", "b", "c", "e"))).isTrue();
        assertThat(history.structureVersion()).isEqualTo(structure + 1);
        assertThat(history.rebalanceCount()).isEqualTo(rebalances);
        assertThat(history.owners()).containsExactly(
                java.util.Map.entry(0, "a"), java.util.Map.entry(1, "b"), java.util.Map.entry(2, "c"));

        history.described(at(13_000), java.util.Set.of("a", "b", "c", "e"));
        assertThat(history.structureVersion()).isEqualTo(structure + 1);
    }

    @Test
    void aConsumerProtocolJoinThatFirstArrivesIdleAndThenGetsAPartitionIsOneRebalance() {
        threeMembersSettled();
        history.partitions(4);   // one partition spare is not the point: make d's share come from a
        change("a", 2, ASSIGNED, 1_500, 3);
        int before = history.rebalanceCount();

        change("d", 7, ASSIGNED, 5_000);          // KIP-848: the new member's first assignment is empty
        assertThat(history.rebalanceCount()).isEqualTo(before + 1);
        change("a", 7, REVOKED, 5_600, 3);        // a gives up a partition at its next heartbeat ...
        change("d", 8, ASSIGNED, 6_100, 3);       // ... and d gets it at its own

        assertThat(history.rebalanceCount()).isEqualTo(before + 1);
        Rebalance join = history.lastRebalance().orElseThrow();
        assertThat(join.cause()).isEqualTo("join");
        assertThat(join.moves()).extracting(Handover::partition, Handover::from, Handover::to)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3, "a", "d"));
        assertThat(join.end()).isEqualTo(at(6_100));
    }

    /** As above, on a broker with Kafka's 5 s consumer heartbeat: the owner gives the partition up 4.8 s later. */
    private int kip848JoinWithTheRevokeAt(long revokeMs) {
        threeMembersSettled();
        history.partitions(4);
        change("a", 2, ASSIGNED, 1_500, 3);
        history.assignmentStep(Duration.ofSeconds(5));
        int before = history.rebalanceCount();
        change("d", 7, ASSIGNED, 5_000);
        change("a", 7, REVOKED, revokeMs, 3);
        change("d", 8, ASSIGNED, revokeMs + 4_900, 3);
        return before;
    }

    @Test
    void aConsumerProtocolJoinWhosePartitionComesAHeartbeatLaterIsOneRebalance() {
        int before = kip848JoinWithTheRevokeAt(5_000 + 7_900);   // beyond the 3 s late callbacks, within 3 s + 5 s

        assertThat(history.rebalanceCount()).isEqualTo(before + 1);
        Rebalance join = history.lastRebalance().orElseThrow();
        assertThat(join.cause()).isEqualTo("join");
        assertThat(join.moves()).extracting(Handover::partition, Handover::from, Handover::to)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3, "a", "d"));
    }

    @Test
    void aChangeLaterThanOneStepAfterARebalanceThatMovedNothingIsANewRebalance() {
        int before = kip848JoinWithTheRevokeAt(5_000 + 8_100);

        assertThat(history.rebalanceCount()).isEqualTo(before + 2);
    }

    @Test
    void anActionBetweenARebalanceThatMovedNothingAndTheNextChangeStartsARebalanceOfItsOwn() {
        threeMembersSettled();
        history.assignmentStep(Duration.ofSeconds(5));
        change("d", 2, ASSIGNED, 5_000);          // a fourth member on three partitions: it stays idle
        int before = history.rebalanceCount();

        history.acted("chaos", "delete b", at(6_000), RebalanceCause.LEAVE, Duration.ofSeconds(40));
        change("b", 2, REVOKED, 6_500, 1);
        change("d", 3, ASSIGNED, 7_000, 1);

        assertThat(history.rebalanceCount()).isEqualTo(before + 1);
        Rebalance leave = history.lastRebalance().orElseThrow();
        assertThat(leave.cause()).isEqualTo("leave");
        assertThat(history.actions()).extracting(GroupAction::rebalance).containsExactly(leave.number());
    }

    @Test
    void aMemberReportingItsPartitionsLostIsASessionExpiry() {
        threeMembersSettled();

        change("c", 1, LOST, 5_000, 2);
        change("a", 2, ASSIGNED, 5_100, 2);

        assertThat(history.lastRebalance().orElseThrow().cause()).isEqualTo("lost");
    }

    @Test
    void anExpectedCauseNamesTheNextRebalance() {
        threeMembersSettled();
        history.acted(GroupAction.CHAOS, "scale to 2", at(4_000), RebalanceCause.SCALE, Duration.ofSeconds(30));

        change("c", 1, REVOKED, 5_000, 2);
        change("a", 2, ASSIGNED, 5_100, 2);

        assertThat(history.lastRebalance().orElseThrow().cause()).isEqualTo("scale");
    }

    @Test
    void anActionIsKeptWithTheRebalanceItCausedAndARebalanceAUserCausedLaterHasNone() {
        threeMembersSettled();
        history.acted(GroupAction.CHAOS, "kill c", at(4_000), RebalanceCause.CRASH, Duration.ofSeconds(30));
        assertThat(history.actions()).containsExactly(new GroupAction(at(4_000), "chaos", "kill c", null));

        change("a", 2, ASSIGNED, 15_000, 2);                 // c's session expired
        change("b", 2, ASSIGNED, 15_010);
        change("b", 2, REVOKED, 30_000, 1);                  // b is stopped by hand
        change("a", 3, ASSIGNED, 30_100, 1);

        assertThat(history.rebalanceCount()).isEqualTo(3);
        assertThat(history.rebalances().get(1).cause()).isEqualTo("crash");
        assertThat(history.rebalances().get(2).cause()).isEqualTo("leave");
        assertThat(history.actions()).containsExactly(new GroupAction(at(4_000), "chaos", "kill c", 2));
    }

    @Test
    void duplicatesAreAttributedToTheRebalanceThatHandedThePartitionOver() {
        threeMembersSettled();
        batch("c", 2, 10, 29, 2_000, 3_000);    // processed, never committed: c is killed
        change("a", 2, ASSIGNED, 13_000, 2);
        batch("a", 2, 10, 39, 13_100, 13_200);
        history.offsets(at(14_000), List.of(new PartitionOffsets(0, 0, 10, 10), new PartitionOffsets(1, 0, 10, 10),
                new PartitionOffsets(2, 0, 40, 40)));

        assertThat(history.delivery()).isEqualTo(new Delivery(60, 0, 20));
        assertThat(history.partitionReports().get(2).duplicateRanges())
                .containsExactly(new DuplicateRange(new OffsetRange(10, 29), "c", "a", 2));
    }

    @Test
    void offsetsBelowTheCommittedPositionNobodyProcessedAreLostAndNothingElse() {
        threeMembersSettled();
        history.offsets(at(2_000), List.of(new PartitionOffsets(0, 0, 15, 20), new PartitionOffsets(1, 0, 10, 20),
                new PartitionOffsets(2, 5, 10, 10)));

        assertThat(history.delivery()).isEqualTo(new Delivery(30, 5, 0));
        assertThat(history.partitionReports().get(0).lostRanges()).containsExactly(new OffsetRange(10, 14));
        assertThat(history.lag(1)).containsExactly(new LagPoint(at(2_000), 10));
    }

    @Test
    void lagReadEveryHalfSecondKeepsOnePointPerSecondWithItsLargestLag() {
        threeMembersSettled();
        long[] lags = {5, 9, 7, 3, 2, 8};
        for (int i = 0; i < lags.length; i++) {
            history.offsets(at(2_000 + 500L * i), List.of(new PartitionOffsets(1, 0, 10, 10 + lags[i])));
        }

        assertThat(history.lag(1)).containsExactly(
                new LagPoint(at(2_000), 9), new LagPoint(at(3_000), 7), new LagPoint(at(4_000), 8));
    }

    @Test
    void membersRecordsPerSecondCountTheLastFiveSeconds() {
        threeMembersSettled();
        batch("a", 0, 10, 59, 2_000, 2_500);

        assertThat(history.members().get(0).recordsPerSecond()).isEqualTo((10 + 50) / 5.0);
    }

    @Test
    void aLongRunStaysWithinItsBounds() {
        GroupHistory.Limits limits = GroupHistory.Limits.DEFAULT;
        GroupHistory longRun = new GroupHistory(1, Duration.ofSeconds(3), limits);
        long offset = 0;
        for (int second = 0; second < 6 * 3600; second++) {
            Instant now = T0.plusSeconds(second);
            if (second % 60 == 0) {
                String member = "m" + (second / 60 % 2);
                longRun.assignment(new AssignmentChange(member, second / 60 + 1, ASSIGNED, List.of(0), now));
            }
            String owner = longRun.owners().get(0);
            longRun.processed(new ProcessedRange(owner, 1, 0, offset, offset + 4, 5, now, now.plusMillis(10)));
            offset += 5;
            if (second % 3 == 0) {
                longRun.offsets(now, List.of(new PartitionOffsets(0, 0, offset, offset + 2)));
            }
        }

        assertThat(longRun.rebalanceCount()).isEqualTo(360);
        assertThat(longRun.rebalances()).hasSize(limits.keptRebalances());
        assertThat(longRun.ownership(0)).hasSizeLessThanOrEqualTo(62);
        assertThat(longRun.lag(0)).hasSize(601 + 330);   // 30 minutes every 3 s (both ends), then the largest of each earlier minute
        assertThat(longRun.delivery()).isEqualTo(new Delivery(offset, 0, 0));
    }
}
