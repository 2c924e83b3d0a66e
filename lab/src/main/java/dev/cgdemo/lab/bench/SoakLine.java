package dev.cgdemo.lab.bench;

/** The soak's line for one event, as the live history saw it after the event's quiet spell. */
public final class SoakLine {

    private SoakLine() {
    }

    /**
     * {@code [consumer] event 7 crash of consumer-4: rebalance #9 (crash), moved 2, pause p50 / max 3120 / 3300 ms,
     * duplicates 8, lost so far 0}.
     */
    public static String format(BenchProtocol protocol, EventOutcome outcome, long lostSoFar) {
        GroupEvent event = outcome.event();
        PauseStats pauses = outcome.pauses();
        return String.format("[%s] event %d %s of %s: rebalance %s, moved %d, pause p50 / max %s, duplicates %d, lost so far %d",
                protocol.cliName(), event.number(), event.kind().label(), event.member(), outcome.rebalanceText(),
                outcome.moved(), pauses.count() == 0 ? "-" : pauses.text() + " ms", outcome.duplicates(), lostSoFar);
    }
}
