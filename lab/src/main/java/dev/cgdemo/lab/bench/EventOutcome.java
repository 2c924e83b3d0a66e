package dev.cgdemo.lab.bench;

import dev.cgdemo.worker.history.Handover;
import dev.cgdemo.worker.history.Rebalance;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What one event did to the group: the rebalances that started between it and the next event, and the duplicates
 * the history attributes to those rebalances (a {@code DuplicateRange} names the rebalance that handed the offsets
 * over again).
 */
public record EventOutcome(GroupEvent event, List<Rebalance> rebalances, long duplicates) {

    public EventOutcome {
        rebalances = List.copyOf(rebalances);
    }

    /**
     * The pauses of the partitions the event stopped (moved to another member, or revoked and given back to the same
     * one), in ms; handovers to or from nobody and unmeasured pauses are left out.
     */
    public List<Long> pausesMs() {
        return rebalances.stream().flatMap(r -> r.handovers().stream())
                .filter(h -> h.from() != null && h.to() != null)
                .map(Handover::pauseMs)
                .filter(Objects::nonNull)
                .toList();
    }

    public PauseStats pauses() {
        return PauseStats.of(pausesMs());
    }

    /** Partitions that changed owner. */
    public int moved() {
        return rebalances.stream().mapToInt(r -> r.moves().size()).sum();
    }

    /** The longest time no member processed anything during one of the event's rebalances, 0 if none measured. */
    public long groupStopMaxMs() {
        return rebalances.stream().map(Rebalance::groupStopMs).filter(Objects::nonNull).mapToLong(Long::longValue)
                .max().orElse(0);
    }

    /** {@code #7 (leave)}, {@code #8 (join), #9 (join)}, or {@code none}. */
    public String rebalanceText() {
        if (rebalances.isEmpty()) {
            return "none";
        }
        return rebalances.stream().map(r -> "#" + r.number() + " (" + r.cause() + ")").collect(Collectors.joining(", "));
    }
}
