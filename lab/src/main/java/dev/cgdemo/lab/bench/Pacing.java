package dev.cgdemo.lab.bench;

import java.time.Duration;
import java.time.Instant;

/**
 * When the next event may happen: at least {@code quiet} after the group settled (longer than the verifier's
 * rebalance gap, so each rebalance is measured on its own and late callbacks are not taken for a new one), and no
 * earlier than {@code every} after the previous event ({@link Duration#ZERO}: as soon as the quiet spell is over).
 */
public record Pacing(Duration quiet, Duration every) {

    public Instant next(Instant eventAt, Instant settledAt) {
        Instant afterQuiet = settledAt.plus(quiet);
        Instant onSchedule = eventAt.plus(every);
        return afterQuiet.isAfter(onSchedule) ? afterQuiet : onSchedule;
    }
}
