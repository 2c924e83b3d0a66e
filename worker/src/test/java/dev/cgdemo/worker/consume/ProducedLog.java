package dev.cgdemo.worker.consume;

import dev.cgdemo.worker.produce.ProduceListener;
import dev.cgdemo.worker.produce.ProducedRecord;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Remembers every acknowledged record id. */
final class ProducedLog implements ProduceListener {
    final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    /** Acknowledged positions as "partition@offset". */
    final Set<String> positions = ConcurrentHashMap.newKeySet();

    @Override
    public void onAcknowledged(ProducedRecord record) {
        acknowledged.add(record.event().recordId());
        positions.add(record.partition() + "@" + record.offset());
    }

    Set<String> snapshot() {
        return Set.copyOf(acknowledged);
    }
}
