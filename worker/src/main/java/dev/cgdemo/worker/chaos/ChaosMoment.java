package dev.cgdemo.worker.chaos;

import java.time.Instant;

/**
 * What the scheduler looks at.
 *
 * @param lastAction   the last action's time, or when chaos began if none was taken yet
 * @param actionsTaken actions taken so far (picks the next action round-robin, across restarts when kept)
 * @param ready        the demo is as specified (the resource's Ready condition; always true in the lab)
 * @param settled      every partition has an owner and no rebalance is under way
 * @param running      consumers running now
 * @param replicas     consumers asked for
 */
public record ChaosMoment(Instant now, Instant lastAction, long actionsTaken, boolean ready, boolean settled,
                          int running, int replicas) {
}
