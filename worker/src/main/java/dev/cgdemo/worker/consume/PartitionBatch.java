package dev.cgdemo.worker.consume;

/** What one processed batch held for one partition: offsets {@code minOffset..maxOffset}, {@code count} records. */
public record PartitionBatch(String topic, int partition, long minOffset, long maxOffset, int count) {
}
