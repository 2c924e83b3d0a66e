package dev.cgdemo.worker.verify;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One rebalance: assignment changes close together in time (see {@link VerifierSettings#rebalanceGap()}).
 * {@code eager}: every member that had partitions and took part gave all of them up (eager protocol);
 * {@code groupStopMs}: the longest time inside the rebalance during which no member processed anything.
 */
public record Rebalance(
        int number,
        Instant start,
        Instant end,
        boolean eager,
        List<Handover> handovers,
        Long groupStopMs) {

    public Rebalance {
        handovers = List.copyOf(handovers);
    }

    public List<Handover> moves() {
        return handovers.stream().filter(Handover::moved).toList();
    }

    /** The longest pause over the partitions that moved, or null if none moved or none has a measured pause. */
    @JsonProperty
    public Long maxPauseMs() {
        return moves().stream().map(Handover::pauseMs).filter(Objects::nonNull).max(Long::compare).orElse(null);
    }
}
