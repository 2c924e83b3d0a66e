package dev.cgdemo.worker.history;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** A member's rebalance callback: partitions it was given, had revoked, or lost, at a point in time. */
public record AssignmentChange(String member, int generation, Kind kind, List<Integer> partitions, Instant at) {

    public enum Kind { ASSIGNED, REVOKED, LOST }

    public AssignmentChange {
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
        partitions = List.copyOf(partitions);
    }

    public boolean takesAway() {
        return kind != Kind.ASSIGNED;
    }
}
