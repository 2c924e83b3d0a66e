package dev.cgdemo.lab.bench;

import java.util.Map;

/**
 * One line of the bench table, from one scenario: per kind of event its count, rebalances, pauses and duplicates;
 * the rebalances all events caused, the longest time no member processed anything, and the verifier's duplicates
 * (including start-up and shutdown) and losses over the whole run.
 */
public record BenchRow(BenchProtocol protocol, int rebalances, Map<EventKind, KindSummary> kinds, long groupStopMaxMs,
                       long duplicates, long lost, long processed) {

    public BenchRow {
        kinds = Map.copyOf(kinds);
    }

    public static BenchRow of(ScenarioResult result) {
        Map<EventKind, KindSummary> kinds = KindSummary.of(result);
        int rebalances = kinds.values().stream().mapToInt(KindSummary::rebalances).sum();
        long groupStopMax = kinds.values().stream().mapToLong(KindSummary::groupStopMaxMs).max().orElse(0);
        return new BenchRow(result.protocol(), rebalances, kinds, groupStopMax,
                result.report().duplicates(), result.report().lost(), result.report().processed());
    }

    public KindSummary kind(EventKind kind) {
        return kinds.get(kind);
    }
}
