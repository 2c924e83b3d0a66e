package dev.cgdemo.worker.history;

/**
 * The offsets the broker knows for one partition: the log start, the group's committed position
 * (the next offset it will read; equal to {@code start} when the group never committed) and the log end.
 */
public record PartitionOffsets(int partition, long start, long committed, long end) {

    public PartitionOffsets {
        if (start < 0 || committed < start || end < committed) {
            throw new IllegalArgumentException("need 0 <= start <= committed <= end, got start=" + start
                    + " committed=" + committed + " end=" + end + " for partition " + partition);
        }
    }
}
