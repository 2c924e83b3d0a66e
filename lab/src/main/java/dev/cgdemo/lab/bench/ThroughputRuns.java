package dev.cgdemo.lab.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every client's run in every round, in the order clients were first added. A client's figure is its median run:
 * a run of a couple of seconds on a shared two-core machine moves by ±10%, more than the differences worth reporting.
 */
public final class ThroughputRuns {

    private final Map<String, List<ThroughputFigure>> runsByClient = new LinkedHashMap<>();

    /** Adds one run; the n-th run of a client belongs to round n. */
    public void add(ThroughputFigure run) {
        runsByClient.computeIfAbsent(run.client(), c -> new ArrayList<>()).add(run);
    }

    /** Gives {@code client}'s runs this record size (for a client that ran before the size was known). */
    public ThroughputRuns withBytesPerRecord(String client, double bytesPerRecord) {
        runsByClient.computeIfPresent(client, (c, runs) -> new ArrayList<>(runs.stream()
                .map(r -> new ThroughputFigure(r.client(), r.records(), r.seconds(), bytesPerRecord)).toList()));
        return this;
    }

    public List<String> clients() {
        return List.copyOf(runsByClient.keySet());
    }

    /** The client's median run by records/s (of an even number of runs, the slower of the middle two). */
    public ThroughputFigure median(String client) {
        List<ThroughputFigure> sorted = runs(client).stream()
                .sorted(Comparator.comparingDouble(ThroughputFigure::recordsPerSecond)).toList();
        return sorted.get((sorted.size() - 1) / 2);
    }

    /** Per round, {@code top}'s records/s over {@code bottom}'s. */
    public List<Double> ratiosPerRound(String top, String bottom) {
        List<ThroughputFigure> a = runs(top);
        List<ThroughputFigure> b = runs(bottom);
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            ratios.add(a.get(i).recordsPerSecond() / b.get(i).recordsPerSecond());
        }
        return ratios;
    }

    public int rounds() {
        return runsByClient.values().stream().mapToInt(List::size).max().orElse(0);
    }

    private List<ThroughputFigure> runs(String client) {
        List<ThroughputFigure> runs = runsByClient.get(client);
        if (runs == null || runs.isEmpty()) {
            throw new IllegalArgumentException("no runs of " + client);
        }
        return runs;
    }
}
