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

    /** The longest pause over the partitions that moved, or null if none moved or none has a measured pause. */
    @JsonProperty
    public Long maxPauseMs() {
        return moves().stream().map(Handover::pauseMs).filter(Objects::nonNull).max(Long::compare).orElse(null);
    }

    /** Every move to a member has its pause measured (the new owner processed a record). */
    public boolean pausesMeasured() {
        return moves().stream().allMatch(move -> move.pauseMs() != null);
    }
}
