package dev.cgdemo.worker.chaos;

import java.time.Duration;

/** The scheduler's answer: act now, or hold and look again later, saying why. */
public sealed interface ChaosDecision {

    /** Take {@code action}; {@code replicas} is the number of consumers asked for after it. */
    record Act(ChaosAction action, int replicas) implements ChaosDecision {
    }

    /** Nothing now because of {@code reason}; look again after {@code recheckIn}. */
    record Hold(String reason, Duration recheckIn) implements ChaosDecision {
    }
}
