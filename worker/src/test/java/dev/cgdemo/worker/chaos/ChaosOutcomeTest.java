package dev.cgdemo.worker.chaos;

import static dev.cgdemo.worker.history.AssignmentChange.Kind.ASSIGNED;
import static dev.cgdemo.worker.history.AssignmentChange.Kind.REVOKED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cgdemo.worker.history.AssignmentChange;
import dev.cgdemo.worker.history.GroupAction;
import dev.cgdemo.worker.history.GroupHistory;
import dev.cgdemo.worker.history.Handover;
import dev.cgdemo.worker.history.ProcessedRange;
import dev.cgdemo.worker.history.RebalanceCause;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An action's rebalance is the first one the history numbers after it; its outcome is final once the pause is known. */
class ChaosOutcomeTest {

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

    @Test
    void theActionsRebalanceIsTheNextOneAndItIsMeasuredOnceTheNewOwnerProcessed() {
        change("a", 1, ASSIGNED, 1_000, 0);
        change("b", 1, ASSIGNED, 1_000, 1);
        change("c", 1, ASSIGNED, 1_000, 2);
        batch("a", 0, 0, 9, 1_100, 1_900);
        batch("b", 1, 0, 9, 1_100, 1_900);
        batch("c", 2, 0, 9, 1_100, 1_950);
        ChaosMark mark = ChaosMark.of(at(4_000), history);
        assertThat(mark.rebalancesBefore()).isEqualTo(1);
        history.acted(GroupAction.CHAOS, "delete c", at(4_000), RebalanceCause.LEAVE, Duration.ofSeconds(40));

        assertThat(ChaosOutcome.of(mark, history, at(4_500)))
                .isEqualTo(new ChaosOutcome(java.util.Optional.empty(), 0, 0, false));

        change("b", 1, REVOKED, 5_000, 1);
        change("a", 2, ASSIGNED, 5_400, 1);
        change("c", 2, ASSIGNED, 5_450);
        ChaosOutcome unmeasured = ChaosOutcome.of(mark, history, at(5_500));
        assertThat(unmeasured.rebalance()).hasValueSatisfying(r -> assertThat(r.number()).isEqualTo(2));
        assertThat(unmeasured.measured()).isFalse();

        batch("a", 1, 10, 19, 5_600, 5_700);
        ChaosOutcome measured = ChaosOutcome.of(mark, history, at(6_000));
        assertThat(measured.measured()).isTrue();
        assertThat(measured.rebalance().orElseThrow().cause()).isEqualTo("leave");
        assertThat(measured.rebalance().orElseThrow().moves()).containsExactly(new Handover(1, "b", "a", 5_600L - 1_900L));
        assertThat(measured.pauseMs()).hasValue(3_700L);
        assertThat(measured.lost()).isZero();
        assertThat(measured.duplicates()).isZero();
    }

    @Test
    void anActionWithNoRebalanceForTwoMinutesIsMeasuredWithoutOne() {
        change("a", 1, ASSIGNED, 1_000, 0, 1, 2);
        ChaosMark mark = ChaosMark.of(at(2_000), history);
        assertThat(ChaosOutcome.of(mark, history, at(2_000).plus(ChaosOutcome.NO_REBALANCE_AFTER).minusMillis(1)).measured())
                .isFalse();
        ChaosOutcome late = ChaosOutcome.of(mark, history, at(2_000).plus(ChaosOutcome.NO_REBALANCE_AFTER));
        assertThat(late.measured()).isTrue();
        assertThat(late.rebalance()).isEmpty();
    }
}
