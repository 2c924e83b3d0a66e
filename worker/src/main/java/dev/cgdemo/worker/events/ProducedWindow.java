package dev.cgdemo.worker.events;

import dev.cgdemo.worker.consume.PartitionBatch;
import dev.cgdemo.worker.produce.ProducedRecord;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Acknowledged records since the last {@link #drain()}, per partition (offset range and count). Thread-safe. */
final class ProducedWindow {
    private record Key(String topic, int partition) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int byTopic = topic.compareTo(o.topic);
            return byTopic != 0 ? byTopic : Integer.compare(partition, o.partition);
        }
    }

    private final Map<Key, long[]> ranges = new TreeMap<>();

    synchronized void add(ProducedRecord record) {
        ranges.merge(new Key(record.topic(), record.partition()), new long[] {record.offset(), record.offset(), 1},
                (a, b) -> new long[] {Math.min(a[0], b[0]), Math.max(a[1], b[1]), a[2] + b[2]});
    }

    /** The window's partitions in order, and a fresh empty window. */
    synchronized List<PartitionBatch> drain() {
        List<PartitionBatch> out = new ArrayList<>();
        ranges.forEach((k, r) -> out.add(new PartitionBatch(k.topic(), k.partition(), r[0], r[1], (int) r[2])));
        ranges.clear();
        return out;
    }
}
