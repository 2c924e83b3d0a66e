package dev.cgdemo.worker.verify;

import java.time.Duration;
import java.util.Objects;

/**
 * {@code rebalanceGap}: assignment changes less than this apart belong to the same rebalance. Cooperative
 * and consumer-protocol rebalances come in steps (revoke, then assign) a few heartbeats apart, so the gap must
 * exceed a few heartbeat intervals but stay below the time between the events that cause rebalances.
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
