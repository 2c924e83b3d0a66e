package dev.cgdemo.worker.consume;

import java.time.Instant;
import java.util.List;

/**
 * The records of one poll that were processed, in order, with a per-partition summary.
 * A batch cut short by shutdown holds only the records actually processed.
 *
 * @param generation the member's generation (classic) or member epoch (consumer protocol) while processing
 * @param startedAt  when processing of the first record began
 * @param finishedAt when processing of the last record ended
 */
public record ProcessedBatch(List<ProcessedRecord> records, List<PartitionBatch> partitions,
                             int generation, Instant startedAt, Instant finishedAt) {
    public ProcessedBatch {
        records = List.copyOf(records);
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
