package dev.cgdemo.worker.chaos;

import dev.cgdemo.worker.history.Delivery;
import dev.cgdemo.worker.history.GroupHistory;
import dev.cgdemo.worker.history.Rebalance;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What an action caused, as far as the history shows now: the first rebalance that ended after it (numbered above
 * {@link ChaosMark#rebalancesBefore()}), and the records lost and processed twice since it. {@code measured}: the
 * rebalance ended and every moved partition's pause is known, or none came within {@link #NO_REBALANCE_AFTER}
 * (a static member that came back in time) or its pauses stayed unmeasured that long (nothing to process); from then on the outcome no longer changes.
 */
public record ChaosOutcome(Optional<Rebalance> rebalance, long lost, long duplicates, boolean measured) {

    /** An action with no rebalance this long after it is taken to have caused none. */
    public static final Duration NO_REBALANCE_AFTER = Duration.ofMinutes(2);

    public static ChaosOutcome of(ChaosMark mark, GroupHistory history, Instant now) {
        Optional<Rebalance> caused = history.rebalances().stream()
                .filter(r -> r.number() > mark.rebalancesBefore())
                .findFirst();
        Delivery delivery = history.delivery();
        long lost = Math.max(0, delivery.lost() - mark.lostBefore());
        long duplicates = Math.max(0, delivery.duplicates() - mark.duplicatesBefore());
        boolean measured = caused.map(Rebalance::pausesMeasured).orElse(false)
                || !now.isBefore(mark.at().plus(NO_REBALANCE_AFTER));
        return new ChaosOutcome(caused, lost, duplicates, measured);
    }

    /** The longest pause of the rebalance's moves, if one was measured. */
    public Optional<Long> pauseMs() {
        return rebalance.map(Rebalance::maxPauseMs);
    }
}
