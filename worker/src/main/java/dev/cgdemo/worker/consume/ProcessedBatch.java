package dev.cgdemo.worker.consume;

import java.util.List;

/**
 * The records of one poll that were processed, in order, with a per-partition summary.
 * A batch cut short by shutdown holds only the records actually processed.
 */
public record ProcessedBatch(List<ProcessedRecord> records, List<PartitionBatch> partitions) {
    public ProcessedBatch {
        records = List.copyOf(records);
        partitions = List.copyOf(partitions);
    }

    public int count() {
        return records.size();
    }
}
