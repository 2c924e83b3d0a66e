package dev.cgdemo.worker.verify;
import dev.cgdemo.worker.history.PartitionReport;

import dev.cgdemo.worker.history.OffsetRange;
import dev.cgdemo.worker.history.DuplicateRange;
import dev.cgdemo.worker.history.Handover;
import dev.cgdemo.worker.history.Rebalance;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;

/** Renders a {@link DeliveryReport} as plain text for a terminal. */
public final class ReportPrinter {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    public String render(DeliveryReport report) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("topic %s: processed %d, lost %d, duplicates %d, rebalances %d%n",
                report.topic(), report.processed(), report.lost(), report.duplicates(), report.rebalances().size()));
        out.append(String.format("%n%-9s %10s %10s %10s %10s %6s %10s%n",
                "partition", "start", "committed", "end", "processed", "lost", "duplicates"));
        for (PartitionReport partition : report.partitions()) {
            out.append(String.format("%-9d %10d %10d %10d %10d %6d %10d%n", partition.partition(), partition.start(),
                    partition.committed(), partition.end(), partition.processed(), partition.lost(), partition.duplicates()));
        }
        for (PartitionReport partition : report.partitions()) {
            for (OffsetRange lost : partition.lostRanges()) {
                out.append(String.format("LOST p%d offsets %s (%d): below committed %d, never processed%n",
                        partition.partition(), lost, lost.size(), partition.committed()));
            }
            for (DuplicateRange duplicate : partition.duplicateRanges()) {
                out.append(String.format("duplicate p%d offsets %s (%d): processed by %s, again by %s, %s%n",
                        partition.partition(), duplicate.offsets(), duplicate.offsets().size(), duplicate.firstBy(),
                        duplicate.againBy(), duplicate.rebalance() == null ? "no rebalance in between"
                                : "after rebalance #" + duplicate.rebalance()));
            }
        }
        if (!report.rebalances().isEmpty()) {
            out.append(String.format("%nrebalances%n"));
        }
        for (Rebalance rebalance : report.rebalances()) {
            out.append(String.format("#%d at %s (%d ms)%s, group-wide stop %s: %s%n", rebalance.number(),
                    TIME.format(rebalance.start()), Duration.between(rebalance.start(), rebalance.end()).toMillis(),
                    rebalance.eager() ? " eager" : "", ms(rebalance.groupStopMs()),
                    rebalance.handovers().stream().map(ReportPrinter::handover).collect(Collectors.joining(", "))));
        }
        return out.toString();
    }

    private static String handover(Handover handover) {
        String base = handover.partition() + ": " + name(handover.from()) + " -> " + name(handover.to());
        return handover.pauseMs() == null ? base : base + " (pause " + handover.pauseMs() + " ms)";
    }

    private static String name(String member) {
        return member == null ? "-" : member;
    }

    private static String ms(Long value) {
        return value == null ? "n/a" : value + " ms";
    }
}
