package dev.cgdemo.worker.history;

import java.util.Locale;

/**
 * What started a rebalance, as far as the audit can tell. A member that gave up its partitions in a callback and
 * did not come back left; one whose partitions went to others without any callback of its own was presumed dead
 * by the coordinator (crash, or a session that expired); {@code LOST} is a member's own report that its session
 * had expired. {@code SCALE} is only known to whoever changed the number of consumers (the operator, the lab), who
 * says so with {@link GroupHistory#expect}.
 */
public enum RebalanceCause {
    START, JOIN, LEAVE, CRASH, LOST, SCALE, PARTITIONS, UNKNOWN;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
