package dev.cgdemo.lab.bench;

import java.util.List;
import java.util.Locale;

/** The throughput figures as markdown, with the worker-to-Kafka ratios and the audit's cost. */
public final class ThroughputTable {

    public String render(ThroughputRuns runs) {
        List<ThroughputFigure> figures = runs.clients().stream().map(runs::median).toList();
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%d records of %.0f bytes (the worker's JSON events), each client its own "
                        + "process (%s), one after another, against the same embedded broker, after an unmeasured "
                        + "warm-up of its produce and fetch paths, %d rounds with the order rotated, the median run of "
                        + "each; processing delay 0, per-record output off (--events json prints one line per poll). Both "
                        + "consumers read the worker's topic with a %d KiB socket receive buffer (ConsumerPerformance's "
                        + "default; a consumer's own is 64 KiB); Kafka's producer sends the same JSON values without keys "
                        + "(its sticky partitioner fills bigger batches than the worker's keyed records).%n%n",
                figures.get(0).records(), figures.get(0).bytesPerRecord(), String.join(" ", ThroughputBench.JAVA_OPTIONS),
                runs.rounds(), ThroughputBench.RECEIVE_BUFFER_BYTES / 1024));
        out.append("| client | records | seconds | records/s | MB/s |\n| --- | ---: | ---: | ---: | ---: |\n");
        for (ThroughputFigure figure : figures) {
            out.append(String.format(Locale.ROOT, "| %s | %d | %.2f | %.0f | %.1f |%n", figure.client(), figure.records(),
                    figure.seconds(), figure.recordsPerSecond(), figure.megabytesPerSecond()));
        }
        out.append('\n');
        ratio(out, runs, "producer: worker / Kafka", ThroughputBench.WORKER_PRODUCER, ThroughputBench.KAFKA_PRODUCER);
        ratio(out, runs, "consumer: worker (audit off) / Kafka", ThroughputBench.WORKER_CONSUMER, ThroughputBench.KAFKA_CONSUMER);
        ratio(out, runs, "consumer: worker (audit on) / Kafka", ThroughputBench.AUDITED_CONSUMER, ThroughputBench.KAFKA_CONSUMER);
        ratio(out, runs, "audit on / audit off", ThroughputBench.AUDITED_CONSUMER, ThroughputBench.WORKER_CONSUMER);
        return out.toString();
    }

    /** The ratio of the medians, then the ratio within each round. */
    private static void ratio(StringBuilder out, ThroughputRuns runs, String label, String top, String bottom) {
        double medians = runs.median(top).recordsPerSecond() / runs.median(bottom).recordsPerSecond();
        String perRound = String.join(", ", runs.ratiosPerRound(top, bottom).stream()
                .map(r -> String.format(Locale.ROOT, "%.2f", r)).toList());
        out.append(String.format(Locale.ROOT, "- %s: %.2f (per round: %s)%n", label, medians, perRound));
    }
}
