package dev.cgdemo.lab.bench;

import java.util.List;
import java.util.Locale;

/** The throughput figures as markdown, with the worker-to-Kafka ratios and the audit's cost. */
public final class ThroughputTable {

    public String render(List<ThroughputFigure> figures) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%d records of %.0f bytes (the worker's JSON events), each client its own "
                        + "process (%s), one after another, against the same embedded broker, two rounds in opposite orders, "
                        + "the better run of each; processing delay 0, per-record output off (--events json prints one "
                        + "line per poll). Both consumers read the worker's topic with a %d KiB socket receive buffer (ConsumerPerformance's "
                        + "default; a consumer's own is 64 KiB); Kafka's producer sends the same JSON "
                        + "values without keys (its sticky partitioner fills bigger batches than the worker's keyed records).%n%n",
                figures.get(0).records(), figures.get(0).bytesPerRecord(), String.join(" ", ThroughputBench.JAVA_OPTIONS),
                ThroughputBench.RECEIVE_BUFFER_BYTES / 1024));
        out.append("| client | records | seconds | records/s | MB/s |\n| --- | ---: | ---: | ---: | ---: |\n");
        for (ThroughputFigure figure : figures) {
            out.append(String.format(Locale.ROOT, "| %s | %d | %.2f | %.0f | %.1f |%n", figure.client(), figure.records(),
                    figure.seconds(), figure.recordsPerSecond(), figure.megabytesPerSecond()));
        }
        out.append('\n');
        ratio(out, figures, "producer: worker / Kafka", "worker producer", "Kafka ProducerPerformance");
        ratio(out, figures, "consumer: worker (audit off) / Kafka", "worker consumer (audit off)", "Kafka ConsumerPerformance");
        ratio(out, figures, "consumer: worker (audit on) / Kafka", "worker consumer (audit on)", "Kafka ConsumerPerformance");
        ratio(out, figures, "audit on / audit off", "worker consumer (audit on)", "worker consumer (audit off)");
        return out.toString();
    }

    private static void ratio(StringBuilder out, List<ThroughputFigure> figures, String label, String top, String bottom) {
        double a = find(figures, top).recordsPerSecond();
        double b = find(figures, bottom).recordsPerSecond();
        out.append(String.format(Locale.ROOT, "- %s: %.2f%n", label, a / b));
    }

    private static ThroughputFigure find(List<ThroughputFigure> figures, String client) {
        return figures.stream().filter(f -> f.client().equals(client)).findFirst().orElseThrow();
    }
}
