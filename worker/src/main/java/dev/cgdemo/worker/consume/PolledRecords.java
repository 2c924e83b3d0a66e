package dev.cgdemo.worker.consume;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.nio.charset.StandardCharsets;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * The processed records of one poll as a read-only list over the consumer's own records, making a
 * {@link ProcessedRecord} (and decoding its key and value) only when one is read. Most listeners read only the
 * per-partition summary; an object, a list slot and two decoded strings per record on the poll thread held the
 * worker's consumer well below Kafka's ConsumerPerformance (lab bench --throughput).
 */
final class PolledRecords extends AbstractList<ProcessedRecord> implements RandomAccess {
    /** Per partition, in processing order: the records processed of it. */
    private final List<List<ConsumerRecord<byte[], byte[]>>> runs = new ArrayList<>();
    /** ends[i]: the number of records in runs 0..i. */
    private int[] ends = new int[8];
    private int size;

    /** Adds the first {@code count} records of one partition's records of the poll. */
    void add(List<ConsumerRecord<byte[], byte[]>> partitionRecords, int count) {
        if (count == 0) {
            return;
        }
        if (runs.size() == ends.length) {
            ends = Arrays.copyOf(ends, ends.length * 2);
        }
        runs.add(count == partitionRecords.size() ? partitionRecords : partitionRecords.subList(0, count));
        size += count;
        ends[runs.size() - 1] = size;
    }

    @Override
    public ProcessedRecord get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("index " + index + " of " + size);
        }
        int run = 0;
        while (ends[run] <= index) {
            run++;
        }
        ConsumerRecord<byte[], byte[]> record = runs.get(run).get(index - (run == 0 ? 0 : ends[run - 1]));
        return new ProcessedRecord(record.topic(), record.partition(), record.offset(), text(record.key()),
                text(record.value()), record.timestamp());
    }

    private static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public int size() {
        return size;
    }
}
