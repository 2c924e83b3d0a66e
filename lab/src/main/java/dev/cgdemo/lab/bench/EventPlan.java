package dev.cgdemo.lab.bench;

/**
 * Which event comes next, so that the group keeps its size over a run: a join whenever fewer consumers than
 * {@code target} run, otherwise a clean stop and a crash by turns. From a full group that is clean leave, join,
 * crash, join, ...: in every 4 events each kind of departure once and two joins.
 */
public final class EventPlan {

    private final int target;
    private boolean crashNext;

    public EventPlan(int target) {
        this.target = target;
    }

    public EventKind next(int running) {
        if (running < target) {
            return EventKind.JOIN;
        }
        EventKind kind = crashNext ? EventKind.CRASH : EventKind.CLEAN_LEAVE;
        crashNext = !crashNext;
        return kind;
    }

    /** Events for each kind of departure to happen {@code repeat} times from a full group (joins twice as often). */
    public static int eventsFor(int repeat) {
        return 4 * repeat;
    }
}
