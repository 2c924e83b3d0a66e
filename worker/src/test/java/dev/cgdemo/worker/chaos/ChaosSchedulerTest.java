package dev.cgdemo.worker.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChaosSchedulerTest {

    private static final Instant T0 = Instant.parse("2026-12-02T08:00:00Z");
    private static final Duration EVERY = Duration.ofSeconds(20);
    private static final ChaosAction DELETE = new ChaosAction("delete", ChaosEffect.REMOVE_ONE);
    private static final ChaosAction KILL = new ChaosAction("kill", ChaosEffect.REMOVE_ONE);
    private static final ChaosAction ADD = new ChaosAction("add", ChaosEffect.ADD_ONE);
    private static final ChaosAction SCALE = new ChaosAction("scale", ChaosEffect.RESCALE);

    private static ChaosPlan plan(ChaosAction... actions) {
        return new ChaosPlan(EVERY, List.of(actions), false, 1, 4);
    }

    /** Due, Ready, settled, three of three running, nothing taken yet. */
    private static ChaosMoment due() {
        return new ChaosMoment(T0.plus(EVERY), T0, 0, true, true, 3, 3);
    }

    @Test
    void actsWhenDueReadyAndSettled() {
        assertThat(ChaosScheduler.next(plan(DELETE), due())).isEqualTo(new ChaosDecision.Act(DELETE, 3));
    }

    @Test
    void pausedHoldsWhateverElseIsTrue() {
        ChaosPlan paused = new ChaosPlan(EVERY, List.of(DELETE), true, 1, 4);
        assertThat(ChaosScheduler.next(paused, due())).isEqualTo(new ChaosDecision.Hold("paused", EVERY));
    }

    @Test
    void holdsWhileNotReadyEvenWhenDueAndSettled() {
        ChaosMoment notReady = new ChaosMoment(T0.plus(EVERY), T0, 0, false, true, 3, 3);
        assertThat(ChaosScheduler.next(plan(DELETE), notReady))
                .isEqualTo(new ChaosDecision.Hold("the demo is not Ready", ChaosScheduler.RECHECK));
    }

    @Test
    void holdsUntilEveryHasPassedSinceTheLastAction() {
        ChaosMoment early = new ChaosMoment(T0.plusSeconds(15), T0, 1, true, true, 3, 3);
        assertThat(ChaosScheduler.next(plan(DELETE), early))
                .isEqualTo(new ChaosDecision.Hold("next action due at 2026-12-02T08:00:20Z", Duration.ofSeconds(5)));
        ChaosMoment exactly = new ChaosMoment(T0.plus(EVERY), T0, 1, true, true, 3, 3);
        assertThat(ChaosScheduler.next(plan(DELETE), exactly)).isInstanceOf(ChaosDecision.Act.class);
    }

    @Test
    void waitsForTheGroupToSettleEvenLongAfterItWasDue() {
        ChaosMoment unsettled = new ChaosMoment(T0.plusSeconds(300), T0, 1, true, false, 3, 3);
        assertThat(ChaosScheduler.next(plan(DELETE), unsettled))
                .isEqualTo(new ChaosDecision.Hold("waiting for the group to settle", ChaosScheduler.RECHECK));
    }

    @Test
    void neverRemovesTheLastRunningConsumer() {
        ChaosMoment one = new ChaosMoment(T0.plus(EVERY), T0, 0, true, true, 1, 3);
        assertThat(ChaosScheduler.next(plan(DELETE, KILL), one))
                .isEqualTo(new ChaosDecision.Hold("no action possible with 1 running consumer(s) between 1 and 4", EVERY));
        ChaosMoment none = new ChaosMoment(T0.plus(EVERY), T0, 0, true, true, 0, 3);
        assertThat(ChaosScheduler.next(plan(KILL), none)).isInstanceOf(ChaosDecision.Hold.class);
        ChaosMoment two = new ChaosMoment(T0.plus(EVERY), T0, 0, true, true, 2, 3);
        assertThat(ChaosScheduler.next(plan(KILL), two)).isEqualTo(new ChaosDecision.Act(KILL, 3));
    }

    @Test
    void takesTheActionsRoundRobinFromTheNumberTaken() {
        ChaosPlan plan = plan(KILL, DELETE, ADD);
        for (int taken = 0; taken < 6; taken++) {
            ChaosMoment moment = new ChaosMoment(T0.plus(EVERY), T0, taken, true, true, 3, 3);
            ChaosDecision.Act act = (ChaosDecision.Act) ChaosScheduler.next(plan, moment);
            assertThat(act.action()).isEqualTo(List.of(KILL, DELETE, ADD).get(taken % 3));
        }
    }

    @Test
    void skipsAnActionThatCannotBeTakenForTheNextOne() {
        ChaosMoment one = new ChaosMoment(T0.plus(EVERY), T0, 0, true, true, 1, 1);
        assertThat(ChaosScheduler.next(plan(KILL, ADD), one)).isEqualTo(new ChaosDecision.Act(ADD, 2));
        ChaosMoment atMax = new ChaosMoment(T0.plus(EVERY), T0, 1, true, true, 4, 4);
        assertThat(ChaosScheduler.next(plan(KILL, ADD), atMax)).isEqualTo(new ChaosDecision.Act(KILL, 4));
    }

    @Test
    void scaleStepsUpToTheMaximumThenBackToTheMinimum() {
        ChaosPlan plan = new ChaosPlan(EVERY, List.of(SCALE), false, 2, 4);
        assertThat(sizes(plan, 2, 4)).containsExactly(3, 4, 2, 3);
        assertThat(ChaosScheduler.nextSize(plan, 1)).isEqualTo(2);
        assertThat(ChaosScheduler.nextSize(plan, 7)).isEqualTo(2);
        ChaosPlan fixed = new ChaosPlan(EVERY, List.of(SCALE), false, 3, 3);
        assertThat(ChaosScheduler.next(fixed, due())).isInstanceOf(ChaosDecision.Hold.class);
    }

    private static List<Integer> sizes(ChaosPlan plan, int start, int steps) {
        List<Integer> sizes = new java.util.ArrayList<>();
        int replicas = start;
        for (int i = 0; i < steps; i++) {
            ChaosMoment moment = new ChaosMoment(T0.plus(EVERY), T0, i, true, true, replicas, replicas);
            replicas = ((ChaosDecision.Act) ChaosScheduler.next(plan, moment)).replicas();
            sizes.add(replicas);
        }
        return sizes;
    }

    @Test
    void aPlanNeedsAPositivePeriodAnActionAndOneToMaxConsumers() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> new ChaosPlan(Duration.ZERO, List.of(KILL), false, 1, 3));
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> new ChaosPlan(EVERY, List.of(), false, 1, 3));
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> new ChaosPlan(EVERY, List.of(KILL), false, 0, 3));
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> new ChaosPlan(EVERY, List.of(KILL), false, 3, 2));
    }

    @Test
    void totalsCountAtOnceAndAddTheMeasuredOutcome() {
        ChaosTotals totals = ChaosTotals.none("kill").taken().taken().taken();
        assertThat(totals.count()).isEqualTo(3);
        assertThat(totals.p50PauseMs()).isNull();
        for (long pause : new long[] {900, 300, 600}) {
            totals = totals.measured(new ChaosOutcome(java.util.Optional.of(rebalance(pause)), 0, 2, true));
        }
        assertThat(totals.p50PauseMs()).isEqualTo(600);
        assertThat(totals.maxPauseMs()).isEqualTo(900);
        assertThat(totals.duplicates()).isEqualTo(6);
        assertThat(totals.describe()).isEqualTo("kill: 3 actions, pause p50 600 ms / max 900 ms, lost 0, duplicates 6");
    }

    private static dev.cgdemo.worker.history.Rebalance rebalance(long pauseMs) {
        return new dev.cgdemo.worker.history.Rebalance(1, T0, T0.plusSeconds(1), false,
                List.of(new dev.cgdemo.worker.history.Handover(0, "c-1", "c-2", pauseMs)), pauseMs, "leave");
    }
}
