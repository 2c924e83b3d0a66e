package dev.cgdemo.worker.chaos;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The totals of one kind of action: how many were taken, the measured pauses of their rebalances (the last
 * {@link #KEPT_PAUSES}, for the median), the longest pause ever, and records lost and processed twice after them.
 */
public record ChaosTotals(String action, long count, List<Long> pausesMs, Long maxPauseMs, long lost, long duplicates) {

    public static final int KEPT_PAUSES = 100;

    public ChaosTotals {
        pausesMs = List.copyOf(pausesMs);
    }

    public static ChaosTotals none(String action) {
        return new ChaosTotals(action, 0, List.of(), null, 0, 0);
    }

    /** One more action taken (counted at once; its outcome comes with {@link #measured}). */
    public ChaosTotals taken() {
        return new ChaosTotals(action, count + 1, pausesMs, maxPauseMs, lost, duplicates);
    }

    /** The final outcome of one of these actions. */
    public ChaosTotals measured(ChaosOutcome outcome) {
        return measured(outcome.pauseMs(), outcome.lost(), outcome.duplicates());
    }

    /** The final outcome of one of these actions: its rebalance's pause if measured, records lost and processed twice. */
    public ChaosTotals measured(Optional<Long> pause, long lostSince, long duplicatesSince) {
        List<Long> pauses = new ArrayList<>(pausesMs);
        Long max = maxPauseMs;
        if (pause.isPresent()) {
            pauses.add(pause.get());
            if (pauses.size() > KEPT_PAUSES) {
                pauses.remove(0);
            }
            max = max == null ? pause.get() : Math.max(max, pause.get());
        }
        return new ChaosTotals(action, count, pauses, max, lost + lostSince, duplicates + duplicatesSince);
    }

    /** The median of the kept pauses (the lower one of the middle two), or null when none was measured. */
    public Long p50PauseMs() {
        if (pausesMs.isEmpty()) {
            return null;
        }
        List<Long> sorted = pausesMs.stream().sorted().toList();
        return sorted.get((sorted.size() - 1) / 2);
    }

    /** "kill: 4 actions, pause p50 812 ms / max 1020 ms, lost 0, duplicates 3" */
    public String describe() {
        return action + ": " + count + (count == 1 ? " action" : " actions")
                + (pausesMs.isEmpty() ? ", no pause measured" : ", pause p50 " + p50PauseMs() + " ms / max " + maxPauseMs + " ms")
                + ", lost " + lost + ", duplicates " + duplicates;
    }
}
