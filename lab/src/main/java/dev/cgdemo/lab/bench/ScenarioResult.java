package dev.cgdemo.lab.bench;

import dev.cgdemo.worker.verify.DeliveryReport;
import java.time.Instant;
import java.util.List;

/**
 * One protocol's run: the verifier's report, the events in order, when the producer stopped ({@code end}: later
 * rebalances are the shutdown's), and the records the live history counted as lost after each event's quiet spell
 * (one per event, same order).
 */
public record ScenarioResult(BenchProtocol protocol, DeliveryReport report, List<GroupEvent> events, Instant end,
                             List<Long> lostSoFar) {

    public ScenarioResult {
        events = List.copyOf(events);
        lostSoFar = List.copyOf(lostSoFar);
        if (lostSoFar.size() != events.size()) {
            throw new IllegalArgumentException(lostSoFar.size() + " lost counts for " + events.size() + " events");
        }
    }

    /** The final report's rebalances and duplicates, event by event. */
    public List<EventOutcome> outcomes() {
        return EventAttribution.attribute(events, end, report.rebalances(), report.partitions());
    }

    /** Records the live history first counted as lost after event {@code index} (0-based). */
    public long lostBy(int index) {
        return lostSoFar.get(index) - (index == 0 ? 0 : lostSoFar.get(index - 1));
    }
}
