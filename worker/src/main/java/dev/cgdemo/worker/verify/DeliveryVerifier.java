package dev.cgdemo.worker.verify;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Checks a consumer group's delivery of one topic from the consumers' audit and the broker's offsets:
 * offsets below the committed position nobody processed (lost), offsets processed more than once
 * (duplicates, with the rebalance that caused them), and per rebalance the partitions that moved and how long
 * each stood still.
 */
public final class DeliveryVerifier {

    private static final Comparator<ProcessedRange> BY_PROCESSING_TIME =
            Comparator.comparing(ProcessedRange::firstProcessedAt).thenComparing(ProcessedRange::lastProcessedAt);

    private final VerifierSettings settings;

    public DeliveryVerifier(VerifierSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public DeliveryReport verify(String topic, AuditLog audit, List<PartitionOffsets> offsets) {
        OwnershipTimeline timeline = new OwnershipTimeline(audit.assignments(), settings.rebalanceGap());
        List<ProcessedRange> batches = audit.batches().stream().sorted(BY_PROCESSING_TIME).toList();
        Map<Integer, List<ProcessedRange>> batchesByPartition = batches.stream()
                .collect(Collectors.groupingBy(ProcessedRange::partition, TreeMap::new, Collectors.toList()));

        List<PartitionReport> partitions = new ArrayList<>();
        for (PartitionOffsets partition : offsets.stream().sorted(Comparator.comparingInt(PartitionOffsets::partition)).toList()) {
            partitions.add(partitionReport(partition, batchesByPartition.getOrDefault(partition.partition(), List.of()), timeline));
        }
        List<Rebalance> rebalances = timeline.steps().stream()
                .map(step -> rebalance(step, batchesByPartition, batches))
                .toList();
        return new DeliveryReport(topic, partitions, rebalances);
    }

    private static PartitionReport partitionReport(PartitionOffsets offsets, List<ProcessedRange> batches,
                                                   OwnershipTimeline timeline) {
        ProcessedOffsets processed = new ProcessedOffsets();
        List<DuplicateRange> duplicates = new ArrayList<>();
        for (ProcessedRange batch : batches) {
            for (ProcessedOffsets.Piece earlier : processed.overlaps(batch.offsets())) {
                Integer cause = timeline.handedBetween(batch.partition(), batch.member(),
                        earlier.processedAt(), batch.firstProcessedAt());
                addMerged(duplicates, new DuplicateRange(earlier.offsets(), earlier.member(), batch.member(), cause));
            }
            processed.add(batch.offsets(), batch.member(), batch.lastProcessedAt());
        }
        List<OffsetRange> lost = processed.gaps(offsets.start(), offsets.committed());
        return new PartitionReport(offsets.partition(), offsets.start(), offsets.committed(), offsets.end(),
                processed.size(), lost, duplicates);
    }

    /** Joins a duplicate range to the previous one when it continues it with the same members and cause. */
    private static void addMerged(List<DuplicateRange> duplicates, DuplicateRange next) {
        if (!duplicates.isEmpty()) {
            DuplicateRange last = duplicates.get(duplicates.size() - 1);
            if (last.offsets().last() + 1 == next.offsets().first() && last.firstBy().equals(next.firstBy())
                    && last.againBy().equals(next.againBy()) && Objects.equals(last.rebalance(), next.rebalance())) {
                duplicates.set(duplicates.size() - 1, new DuplicateRange(
                        new OffsetRange(last.offsets().first(), next.offsets().last()), last.firstBy(), last.againBy(), last.rebalance()));
                return;
            }
        }
        duplicates.add(next);
    }

    private static Rebalance rebalance(OwnershipTimeline.Step step, Map<Integer, List<ProcessedRange>> batchesByPartition,
                                       List<ProcessedRange> allBatches) {
        List<Handover> handovers = step.transfers().stream()
                .map(transfer -> new Handover(transfer.partition(), transfer.from(), transfer.to(),
                        pauseMs(transfer, batchesByPartition.getOrDefault(transfer.partition(), List.of()))))
                .toList();
        return new Rebalance(step.number(), step.start(), step.end(), step.eager(), handovers,
                groupStopMs(step, allBatches));
    }

    /** From the last record the old owner processed before the handover to the first the new owner processed after. */
    private static Long pauseMs(OwnershipTimeline.Transfer transfer, List<ProcessedRange> batches) {
        if (transfer.from() == null || transfer.to() == null) {
            return null;
        }
        Instant lastByOld = batches.stream()
                .filter(b -> b.member().equals(transfer.from()) && !b.lastProcessedAt().isAfter(transfer.handedAt()))
                .map(ProcessedRange::lastProcessedAt)
                .max(Comparator.naturalOrder()).orElse(null);
        Instant firstByNew = batches.stream()
                .filter(b -> b.member().equals(transfer.to()) && !b.firstProcessedAt().isBefore(transfer.handedAt()))
                .map(ProcessedRange::firstProcessedAt)
                .min(Comparator.naturalOrder()).orElse(null);
        return lastByOld == null || firstByNew == null ? null : Duration.between(lastByOld, firstByNew).toMillis();
    }

    /**
     * The longest stretch without any processing, anywhere in the group, that overlaps the rebalance; null when
     * nothing was processed after it.
     */
    private static Long groupStopMs(OwnershipTimeline.Step step, List<ProcessedRange> batchesInTimeOrder) {
        Instant busyUntil = null;
        Long longest = null;
        for (ProcessedRange batch : batchesInTimeOrder) {
            if (busyUntil != null && batch.firstProcessedAt().isAfter(busyUntil)
                    && !batch.firstProcessedAt().isBefore(step.start()) && !busyUntil.isAfter(step.end())) {
                long idle = Duration.between(busyUntil, batch.firstProcessedAt()).toMillis();
                longest = longest == null ? idle : Math.max(longest, idle);
            }
            if (busyUntil == null || batch.lastProcessedAt().isAfter(busyUntil)) {
                busyUntil = batch.lastProcessedAt();
            }
        }
        return longest;
    }
}
