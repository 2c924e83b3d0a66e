package dev.cgdemo.worker.history;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One rebalance: from the first assignment change after the group was settled to the moment it was settled again
 * (see {@link GroupHistory#settled()}). {@code handovers} are the partitions that stopped: moved to another member,
 * given to nobody, or (eager) revoked and given back to the same member. {@code eager}: every member that had
 * partitions and took part gave all of them up; {@code groupStopMs}: the longest time inside the rebalance during
 * which no member processed anything (null until processing resumed); {@code cause}: what started it, as far as the
 * audit tells ({@link RebalanceCause}).
 */
public record Rebalance(
        int number,
        Instant start,
        Instant end,
        boolean eager,
        List<Handover> handovers,
        Long groupStopMs,
        String cause) {

    public Rebalance {
        handovers = List.copyOf(handovers);
    }

    public List<Handover> moves() {
        return handovers.stream().filter(Handover::moved).toList();
    }

    /**
     * The partitions whose stop this rebalance is about: those that moved, or when none moved, those handed back to
     * the member that had them (an eager round, or a pod that came back under the same name after a kill).
     */
    public List<Handover> stops() {
        List<Handover> moves = moves();
        return moves.isEmpty() ? handovers.stream().filter(h -> h.to() != null && h.from() != null).toList() : moves;
    }

    /** The longest pause over {@link #stops()}, or null if none has a measured pause. */
    @JsonProperty
    public Long maxPauseMs() {
        return stops().stream().map(Handover::pauseMs).filter(Objects::nonNull).max(Long::compare).orElse(null);
    }

    /** Every stop's pause is measured (the new owner processed a record). */
    public boolean pausesMeasured() {
        return stops().stream().allMatch(stop -> stop.pauseMs() != null);
    }
}
