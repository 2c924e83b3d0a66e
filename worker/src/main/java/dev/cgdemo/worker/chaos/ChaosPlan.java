package dev.cgdemo.worker.chaos;

import java.time.Duration;
import java.util.List;

/**
 * A rebalance schedule: one action at most every {@code every}, taken round-robin from {@code actions}; a
 * {@link ChaosEffect#RESCALE} moves the consumers between {@code minReplicas} and {@code maxReplicas}, an
 * {@link ChaosEffect#ADD_ONE} stops at {@code maxReplicas}.
 */
public record ChaosPlan(Duration every, List<ChaosAction> actions, boolean paused, int minReplicas, int maxReplicas) {

    public ChaosPlan {
        actions = List.copyOf(actions);
        if (every.isNegative() || every.isZero()) {
            throw new IllegalArgumentException("every must be positive, got " + every);
        }
        if (actions.isEmpty()) {
            throw new IllegalArgumentException("a chaos plan needs at least one action");
        }
        if (minReplicas < 1 || maxReplicas < minReplicas) {
            throw new IllegalArgumentException("need 1 <= minReplicas <= maxReplicas, got " + minReplicas + ".." + maxReplicas);
        }
    }
}
