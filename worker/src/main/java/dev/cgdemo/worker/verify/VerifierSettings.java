package dev.cgdemo.worker.verify;

import java.time.Duration;
import java.util.Objects;

/**
 * {@code rebalanceGap}: how long after a rebalance has settled a late member's callback of the same generation still
 * belongs to it. Members of one rebalance call back within a heartbeat or two of one another; the first callbacks
 * may already leave every partition owned (the group is settled), and the others must not count as a rebalance of
 * their own.
 */
public record VerifierSettings(Duration rebalanceGap) {

    public static final VerifierSettings DEFAULT = new VerifierSettings(Duration.ofSeconds(3));

    public VerifierSettings {
        Objects.requireNonNull(rebalanceGap, "rebalanceGap");
        if (rebalanceGap.isNegative() || rebalanceGap.isZero()) {
            throw new IllegalArgumentException("rebalanceGap must be positive, got " + rebalanceGap);
        }
    }
}
