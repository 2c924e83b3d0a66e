package dev.cgdemo.worker.verify;

import dev.cgdemo.worker.history.AssignmentChange;
import dev.cgdemo.worker.history.GroupHistory;
import dev.cgdemo.worker.history.PartitionOffsets;
import dev.cgdemo.worker.history.PartitionReport;
import dev.cgdemo.worker.history.ProcessedRange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks a consumer group's delivery of one topic from the consumers' whole audit and the broker's offsets: offsets
 * below the committed position nobody processed (lost), offsets processed more than once (duplicates, with the
 * rebalance that caused them), and per rebalance the partitions that moved and how long each stood still. The
 * answers are {@link GroupHistory}'s, fed with the audit in time order.
 */
public final class DeliveryVerifier {

    private final VerifierSettings settings;

    public DeliveryVerifier(VerifierSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public DeliveryReport verify(String topic, AuditLog audit, List<PartitionOffsets> offsets) {
        int partitions = offsets.stream().mapToInt(PartitionOffsets::partition).max().orElse(-1) + 1;
        GroupHistory history = new GroupHistory(partitions, settings.rebalanceGap());
        replay(audit, history);
        history.offsets(history.latest(), offsets);
        Set<Integer> asked = offsets.stream().map(PartitionOffsets::partition).collect(Collectors.toSet());
        List<PartitionReport> reports = history.partitionReports().stream()
                .filter(report -> asked.contains(report.partition()))
                .toList();
        return new DeliveryReport(topic, reports, history.rebalances());
    }

    /**
     * Applies every entry in the order things happened: an assignment change at its time, a batch at the time its
     * first record was processed (so a new owner's first batch comes after the assignment that gave it the partition).
     */
    public static void replay(AuditLog audit, GroupHistory history) {
        record Timed(Instant at, int order, Object entry) {
        }
        List<Timed> timeline = new ArrayList<>();
        for (AssignmentChange change : audit.assignments()) {
            timeline.add(new Timed(change.at(), change.takesAway() ? 0 : 1, change));
        }
        for (ProcessedRange batch : audit.batches()) {
            timeline.add(new Timed(batch.firstProcessedAt(), 2, batch));
        }
        timeline.sort(Comparator.comparing(Timed::at).thenComparingInt(Timed::order));
        for (Timed timed : timeline) {
            if (timed.entry() instanceof AssignmentChange change) {
                history.assignment(change);
            } else {
                history.processed((ProcessedRange) timed.entry());
            }
        }
    }
}
