package dev.cgdemo.worker.chaos;

import java.time.Duration;
import java.time.Instant;

/**
 * When the next chaos action happens and which, shared by the operator and the lab. The rules, in order: a paused
 * plan holds; a demo that is not Ready holds; nothing happens before {@code every} has passed since the last
 * action; nothing happens while the group is not settled (so each action's rebalance is measured alone); then the
 * actions are tried round-robin from {@code actionsTaken}, skipping one that cannot be taken now: removing a consumer
 * when fewer than two run (never below one running consumer), adding one at {@code maxReplicas}, rescaling when the
 * next size equals the current one. Pure: no clock, no I/O.
 */
public final class ChaosScheduler {

    /** How soon to look again while waiting for readiness or settling. */
    public static final Duration RECHECK = Duration.ofSeconds(1);

    private ChaosScheduler() {
    }

    public static ChaosDecision next(ChaosPlan plan, ChaosMoment moment) {
        if (plan.paused()) {
            return new ChaosDecision.Hold("paused", plan.every());
        }
        if (!moment.ready()) {
            return new ChaosDecision.Hold("the demo is not Ready", RECHECK);
        }
        Instant due = moment.lastAction().plus(plan.every());
        if (moment.now().isBefore(due)) {
            return new ChaosDecision.Hold("next action due at " + due, Duration.between(moment.now(), due));
        }
        if (!moment.settled()) {
            return new ChaosDecision.Hold("waiting for the group to settle", RECHECK);
        }
        int count = plan.actions().size();
        int first = (int) Math.floorMod(moment.actionsTaken(), (long) count);
        for (int i = 0; i < count; i++) {
            ChaosAction action = plan.actions().get((first + i) % count);
            Integer replicas = replicasAfter(plan, moment, action.effect());
            if (replicas != null) {
                return new ChaosDecision.Act(action, replicas);
            }
        }
        return new ChaosDecision.Hold("no action possible with " + moment.running() + " running consumer(s)"
                + " between " + plan.minReplicas() + " and " + plan.maxReplicas(), plan.every());
    }

    /** The consumers asked for after an action with {@code effect}, or null when it cannot be taken now. */
    static Integer replicasAfter(ChaosPlan plan, ChaosMoment moment, ChaosEffect effect) {
        return switch (effect) {
            // A deleted pod comes back (StatefulSet), a stopped process does not: the caller knows which.
            case REMOVE_ONE -> moment.running() >= 2 ? moment.replicas() : null;
            case ADD_ONE -> moment.replicas() < plan.maxReplicas() ? moment.replicas() + 1 : null;
            case RESCALE -> {
                int target = nextSize(plan, moment.replicas());
                yield target == moment.replicas() ? null : target;
            }
        };
    }

    /** One more up to the maximum, then back to the minimum: min, min+1, ..., max, min, ... */
    static int nextSize(ChaosPlan plan, int replicas) {
        return replicas < plan.minReplicas() || replicas >= plan.maxReplicas() ? plan.minReplicas() : replicas + 1;
    }
}
