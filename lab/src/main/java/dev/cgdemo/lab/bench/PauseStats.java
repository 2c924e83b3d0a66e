package dev.cgdemo.lab.bench;

import java.util.List;

/** Median (nearest rank) and maximum of some pauses, in ms; {@code count} 0 when there were none. */
public record PauseStats(int count, long p50Ms, long maxMs) {

    public static PauseStats of(List<Long> pausesMs) {
        if (pausesMs.isEmpty()) {
            return new PauseStats(0, 0, 0);
        }
        List<Long> sorted = pausesMs.stream().sorted().toList();
        int medianRank = (int) Math.ceil(sorted.size() / 2.0);
        return new PauseStats(sorted.size(), sorted.get(medianRank - 1), sorted.get(sorted.size() - 1));
    }

    String text() {
        return count == 0 ? "-" : p50Ms + " / " + maxMs;
    }
}
