package dev.cgdemo.lab;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import dev.cgdemo.lab.accounting.RecordAccount;
import dev.cgdemo.worker.chaos.ChaosTotals;

/**
 * The end of a lab run: who owned what after each step, and what happened to every record.
 *
 * @param steps             ownership after each step, starting with the initial assignment
 * @param rebalances        rebalances the group's history counted (the first assignment included)
 * @param revocations       partitions_revoked events with partitions, over all consumers
 * @param losses            partitions_lost events with partitions, over all consumers
 * @param producerAcknowledged records the producer had acknowledged
 * @param unreadableLines   consumer output lines that looked like JSON events but could not be read
 * @param chaos             with {@code --chaos}: totals per action kind (count, pause p50 / max, lost, duplicates)
 */
public record LabSummary(List<StepOutcome> steps, int rebalances, long revocations, long losses,
                         long producerAcknowledged, RecordAccount records, Optional<Duration> timeToFirstRecord,
                         long unreadableLines, List<ChaosTotals> chaos) {

    /** Without chaos. */
    public LabSummary(List<StepOutcome> steps, int rebalances, long revocations, long losses,
                      long producerAcknowledged, RecordAccount records, Optional<Duration> timeToFirstRecord,
                      long unreadableLines) {
        this(steps, rebalances, revocations, losses, producerAcknowledged, records, timeToFirstRecord, unreadableLines,
                List.of());
    }

    /** @param settled false when the group had not settled within the timeout (the ownership is then whatever was seen last) */
    public record StepOutcome(String command, String ownership, boolean settled) {
    }

    public LabSummary {
        steps = List.copyOf(steps);
        chaos = List.copyOf(chaos);
    }

    /** 0 only when every record in the log was processed. */
    public int exitCode() {
        return records.complete() ? 0 : 1;
    }

    public String render() {
        StringBuilder out = new StringBuilder();
        out.append("=== lab summary ===\n");
        for (StepOutcome step : steps) {
            out.append(String.format("after %-12s %s%s%n", "'" + step.command() + "':",
                    step.settled() ? "" : "(not settled) ", step.ownership()));
        }
        out.append("rebalances seen: ").append(rebalances)
                .append(" (partitions revoked in ").append(revocations).append(" callbacks, lost in ").append(losses).append(")\n");
        out.append("records produced: ").append(records.produced())
                .append(" (producer acknowledged ").append(producerAcknowledged).append(")\n");
        out.append("records consumed: ").append(records.consumed()).append('\n');
        out.append("records processed: ").append(records.processed()).append(" (distinct offsets, per the audit)\n");
        out.append("lost: ").append(records.lost());
        if (records.lost() > 0) {
            out.append(" (below the committed offsets and never processed, partition=offsets: ")
                    .append(records.lostRanges()).append(')');
        }
        out.append('\n');
        out.append("consumed twice: ").append(records.duplicates());
        if (!records.repeatedRanges().isEmpty()) {
            out.append(" (partition=offsets: ").append(records.repeatedRanges()).append(')');
        }
        out.append('\n');
        if (records.unconsumed() > 0) {
            out.append("not consumed: ").append(records.unconsumed())
                    .append(" (at or above the committed offsets when the consumers stopped)\n");
        }
        for (ChaosTotals kind : chaos) {
            out.append("chaos ").append(kind.describe()).append('\n');
        }
        if (unreadableLines > 0) {
            out.append("unreadable event lines: ").append(unreadableLines).append('\n');
        }
        timeToFirstRecord.ifPresent(time -> out.append(String.format("first record consumed %.1f s after the lab started%n",
                time.toMillis() / 1000.0)));
        if (records.lost() > 0) {
            out.append("RESULT: FAILED, records were lost\n");
        } else if (records.unconsumed() > 0) {
            out.append("RESULT: FAILED, records were not consumed\n");
        } else {
            out.append("RESULT: OK, nothing lost\n");
        }
        return out.toString();
    }
}
