package dev.cgdemo.lab.bench;

/** Told after each event's quiet spell what the live history saw of it. */
@FunctionalInterface
public interface EventListener {

    EventListener NONE = (protocol, outcome, lostSoFar) -> { };

    /**
     * @param outcome   the event's rebalances and duplicates as the live history has them now (duplicates whose audit
     *                  entries are still on their way show in the final report only)
     * @param lostSoFar records the live history counts as lost over the whole run so far
     */
    void after(BenchProtocol protocol, EventOutcome outcome, long lostSoFar);
}
