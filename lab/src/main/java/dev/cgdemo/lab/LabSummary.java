package dev.cgdemo.lab;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import dev.cgdemo.lab.accounting.DeliveryReport;

/**
 * The end of a lab run: who owned what after each step, and what happened to every record.
 *
 * @param steps             ownership after each step, starting with the initial assignment
 * @param rebalances        settled assignment changes the lab saw (the first assignment included)
 * @param revocations       partitions_revoked events with partitions, over all consumers
 * @param losses            partitions_lost events with partitions, over all consumers
 * @param producerAcknowledged records the producer had acknowledged
 * @param unreadableLines   consumer output lines that looked like JSON events but could not be read
 */
public record LabSummary(List<StepOutcome> steps, int rebalances, long revocations, long losses,
                         long producerAcknowledged, DeliveryReport delivery, Optional<Duration> timeToFirstRecord,
                         long unreadableLines) {

    /** @param settled false when the group had not settled within the timeout (the ownership is then whatever was seen last) */
    public record StepOutcome(String command, String ownership, boolean settled) {
    }

    public LabSummary {
        steps = List.copyOf(steps);
    }

    public int exitCode() {
        return delivery.nothingLost() ? 0 : 1;
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
        out.append("records produced: ").append(delivery.produced())
                .append(" (producer acknowledged ").append(producerAcknowledged).append(")\n");
        out.append("records consumed: ").append(delivery.consumed()).append('\n');
        out.append("lost: ").append(delivery.lost());
        if (!delivery.missing().isEmpty()) {
            out.append(" (never consumed, partition=offsets: ").append(delivery.missing()).append(')');
        }
        out.append('\n');
        out.append("consumed twice: ").append(delivery.duplicates());
        if (!delivery.repeated().isEmpty()) {
            out.append(" (partition=offsets: ").append(delivery.repeated()).append(')');
        }
        out.append('\n');
        if (unreadableLines > 0) {
            out.append("unreadable event lines: ").append(unreadableLines).append('\n');
        }
        if (delivery.irregularBatches() > 0) {
            out.append("batches with gaps in their offsets: ").append(delivery.irregularBatches()).append('\n');
        }
        timeToFirstRecord.ifPresent(time -> out.append(String.format("first record consumed %.1f s after the lab started%n",
                time.toMillis() / 1000.0)));
        out.append(delivery.nothingLost() ? "RESULT: OK, nothing lost\n" : "RESULT: FAILED, records were lost\n");
        return out.toString();
    }
}
