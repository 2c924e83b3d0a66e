package dev.cgdemo.lab.bench;

import dev.cgdemo.worker.history.Handover;
import dev.cgdemo.worker.history.Rebalance;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One line of the bench table, from one scenario: rebalances caused by the three events, the pauses of the
 * partitions each event stopped (moved to another member, or revoked and given back), the longest time no member
 * processed anything, and the verifier's duplicates and losses over the whole run.
 */
public record BenchRow(BenchProtocol protocol, int rebalances, Map<EventKind, PauseStats> pauses, long groupStopMaxMs,
                       long duplicates, long lost, long processed) {

    public BenchRow {
        pauses = Map.copyOf(pauses);
    }

    public static BenchRow of(ScenarioResult result) {
        Map<EventKind, PauseStats> pauses = new EnumMap<>(EventKind.class);
        int rebalances = 0;
        long groupStopMax = 0;
        EventKind[] kinds = EventKind.values();
        for (int i = 0; i < kinds.length; i++) {
            Instant from = result.eventTimes().get(kinds[i]);
            Instant to = i + 1 < kinds.length ? result.eventTimes().get(kinds[i + 1]) : result.end();
            List<Long> kindPauses = new ArrayList<>();
            for (Rebalance rebalance : result.report().rebalances()) {
                if (rebalance.start().isBefore(from) || !rebalance.start().isBefore(to)) {
                    continue;
                }
                rebalances++;
                if (rebalance.groupStopMs() != null) {
                    groupStopMax = Math.max(groupStopMax, rebalance.groupStopMs());
                }
                rebalance.handovers().stream()
                        .filter(h -> h.from() != null && h.to() != null)
                        .map(Handover::pauseMs)
                        .filter(Objects::nonNull)
                        .forEach(kindPauses::add);
            }
            pauses.put(kinds[i], PauseStats.of(kindPauses));
        }
        return new BenchRow(result.protocol(), rebalances, pauses, groupStopMax,
                result.report().duplicates(), result.report().lost(), result.report().processed());
    }
}
