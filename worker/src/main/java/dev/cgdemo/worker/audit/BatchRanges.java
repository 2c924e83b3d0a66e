package dev.cgdemo.worker.audit;

import dev.cgdemo.worker.consume.PartitionBatch;
import dev.cgdemo.worker.consume.ProcessedBatch;
import dev.cgdemo.worker.history.ProcessedRange;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Splits one processed poll batch into the per-partition ranges the audit stores. */
final class BatchRanges {

    private BatchRanges() {
    }

    /**
     * One range per partition of {@code topic} in the batch. Records are processed one after another, partition by
     * partition, so a partition's first and last processing times are placed by where its records sit in the batch
     * (exact when processing takes the same time per record, as the worker's processing delay does).
     */
    static List<ProcessedRange> of(String topic, String consumerId, ProcessedBatch batch) {
        long spanNanos = Duration.between(batch.startedAt(), batch.finishedAt()).toNanos();
        int n = Math.max(1, batch.count());
        List<ProcessedRange> ranges = new ArrayList<>();
        int position = 0;
        for (PartitionBatch partition : batch.partitions()) {
            if (partition.topic().equals(topic)) {
                ranges.add(range(consumerId, batch, partition, position, spanNanos, n));
            }
            position += partition.count();
        }
        return ranges;
    }

    private static ProcessedRange range(String consumerId, ProcessedBatch batch, PartitionBatch partition,
                                        int position, long spanNanos, int n) {
        Instant first = batch.startedAt().plusNanos(spanNanos * position / n);
        Instant last = batch.startedAt().plusNanos(spanNanos * (position + partition.count()) / n);
        return new ProcessedRange(consumerId, batch.generation(), partition.partition(), partition.minOffset(),
                partition.maxOffset(), partition.count(), first, last);
    }
}
