package dev.cgdemo.worker.consume;

import java.time.Instant;
import java.util.List;

/**
 * The records of one poll that were processed, with a per-partition summary. Records are processed partition by
 * partition: {@code partitions} is in processing order and {@code records} holds each partition's records together,
 * in that same order (so a partition's position in the batch follows from the counts before it).
 * A batch cut short by shutdown holds only the records actually processed.
 *
 * @param generation the member's generation (classic) or member epoch (consumer protocol) while processing
 * @param startedAt  when processing of the first record began
 * @param finishedAt when processing of the last record ended
 */
public record ProcessedBatch(List<ProcessedRecord> records, List<PartitionBatch> partitions,
                             int generation, Instant startedAt, Instant finishedAt) {
    public ProcessedBatch {
        // the member's own list is read-only already, and copying it would make every record it only makes on demand
        records = records instanceof PolledRecords ? records : List.copyOf(records);
        partitions = List.copyOf(partitions);
    }

    /** A batch without generation or timing (generation -1, both times the epoch), for callers that have none. */
    public ProcessedBatch(List<ProcessedRecord> records, List<PartitionBatch> partitions) {
        this(records, partitions, -1, Instant.EPOCH, Instant.EPOCH);
    }

    public int count() {
        return records.size();
    }
}
