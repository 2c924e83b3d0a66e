package dev.cgdemo.worker.history;

import java.time.Instant;

/**
 * Something done to the group from outside it and on purpose, e.g. a chaos action killing a member, kept so the
 * timeline can show it apart from the rebalances a user caused.
 *
 * @param by        who acted, e.g. {@code chaos}
 * @param what      what was done, as a person reads it: {@code kill consumer-2}
 * @param rebalance the number of the rebalance it caused, null while none has come
 */
public record GroupAction(Instant at, String by, String what, Integer rebalance) {

    /** {@code by} of the actions a chaos schedule takes (the lab's {@code --chaos}, the resource's spec.chaos). */
    public static final String CHAOS = "chaos";
}
