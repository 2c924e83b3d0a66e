package dev.cgdemo.worker.chaos;

import dev.cgdemo.worker.history.Delivery;
import dev.cgdemo.worker.history.GroupHistory;
import java.time.Instant;

/**
 * What was known when an action was taken: its time, the history's rebalance count (the action's rebalance is the
 * first one numbered above it) and the delivery counts (lost and duplicates since the action are the change).
 */
public record ChaosMark(Instant at, int rebalancesBefore, long lostBefore, long duplicatesBefore) {

    public static ChaosMark of(Instant at, GroupHistory history) {
        Delivery delivery = history.delivery();
        return new ChaosMark(at, history.rebalanceCount(), delivery.lost(), delivery.duplicates());
    }
}
