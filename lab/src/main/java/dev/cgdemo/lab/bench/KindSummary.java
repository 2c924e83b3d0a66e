package dev.cgdemo.lab.bench;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One kind of event over a run: how often it happened, its rebalances, the pauses of the partitions it stopped (p50
 * and max over all its events), the duplicates attributed to it and the records first counted as lost after it.
 */
public record KindSummary(EventKind kind, int events, int rebalances, PauseStats pauses, long duplicates, long lost,
                          long groupStopMaxMs) {

    /** Per kind, in {@link EventKind} order; every kind is present (with 0 events if it did not happen). */
    public static Map<EventKind, KindSummary> of(ScenarioResult result) {
        List<EventOutcome> outcomes = result.outcomes();
        Map<EventKind, KindSummary> kinds = new EnumMap<>(EventKind.class);
        for (EventKind kind : EventKind.values()) {
            int events = 0;
            int rebalances = 0;
            List<Long> pauses = new ArrayList<>();
            long duplicates = 0;
            long lost = 0;
            long groupStop = 0;
            for (int i = 0; i < outcomes.size(); i++) {
                EventOutcome outcome = outcomes.get(i);
                if (outcome.event().kind() != kind) {
                    continue;
                }
                events++;
                rebalances += outcome.rebalances().size();
                pauses.addAll(outcome.pausesMs());
                duplicates += outcome.duplicates();
                lost += result.lostBy(i);
                groupStop = Math.max(groupStop, outcome.groupStopMaxMs());
            }
            kinds.put(kind, new KindSummary(kind, events, rebalances, PauseStats.of(pauses), duplicates, lost, groupStop));
        }
        return kinds;
    }
}
