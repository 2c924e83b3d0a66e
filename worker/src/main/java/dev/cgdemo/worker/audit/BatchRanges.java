package dev.cgdemo.worker.audit;

import dev.cgdemo.worker.consume.PartitionBatch;
import dev.cgdemo.worker.consume.ProcessedBatch;
import dev.cgdemo.worker.consume.ProcessedRecord;
import dev.cgdemo.worker.verify.ProcessedRange;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Splits one processed poll batch into the per-partition ranges the audit stores. */
final class BatchRanges {

    private BatchRanges() {
    }

    /**
     * One range per partition of {@code topic} in the batch. Records are processed one after another, so a
     * partition's first and last processing times are placed by the position of its records in the batch
     * (exact when processing takes the same time per record, as the worker's processing delay does).
     */
    static List<ProcessedRange> of(String topic, String consumerId, ProcessedBatch batch) {
        List<ProcessedRecord> records = batch.records();
        Map<Integer, int[]> positions = new HashMap<>();
        for (int i = 0; i < records.size(); i++) {
            if (records.get(i).topic().equals(topic)) {
                int index = i;
                positions.merge(records.get(i).partition(), new int[] {i, i}, (a, b) -> new int[] {a[0], index});
            }
        }
        long spanNanos = Duration.between(batch.startedAt(), batch.finishedAt()).toNanos();
        int n = Math.max(1, records.size());
        return batch.partitions().stream()
                .filter(p -> p.topic().equals(topic) && positions.containsKey(p.partition()))
                .map(p -> range(consumerId, batch, p, positions.get(p.partition()), spanNanos, n))
                .toList();
    }

    private static ProcessedRange range(String consumerId, ProcessedBatch batch, PartitionBatch partition,
                                        int[] position, long spanNanos, int n) {
        Instant first = batch.startedAt().plusNanos(spanNanos * position[0] / n);
        Instant last = batch.startedAt().plusNanos(spanNanos * (position[1] + 1) / n);
        return new ProcessedRange(consumerId, batch.generation(), partition.partition(), partition.minOffset(),
                partition.maxOffset(), partition.count(), first, last);
    }
}
