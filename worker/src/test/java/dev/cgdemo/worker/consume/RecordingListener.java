package dev.cgdemo.worker.consume;

import dev.cgdemo.worker.produce.WebEvent;
import org.apache.kafka.common.TopicPartition;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/** Remembers what members did, for assertions; safe to read from the test thread while members run. */
final class RecordingListener implements MemberListener {
    record Change(String consumerId, String kind, Set<TopicPartition> partitions) {
    }

    record Processed(String consumerId, ProcessedRecord record) {
    }

    final List<Change> changes = new CopyOnWriteArrayList<>();
    final List<Processed> processed = new CopyOnWriteArrayList<>();
    final List<String> shutdowns = new CopyOnWriteArrayList<>();

    @Override
    public void onAssigned(String consumerId, Collection<TopicPartition> added, Set<TopicPartition> owned) {
        changes.add(new Change(consumerId, "assigned", Set.copyOf(added)));
    }

    @Override
    public void onRevoked(String consumerId, Collection<TopicPartition> revoked, Set<TopicPartition> owned) {
        changes.add(new Change(consumerId, "revoked", Set.copyOf(revoked)));
    }

    @Override
    public void onLost(String consumerId, Collection<TopicPartition> lost, Set<TopicPartition> owned) {
        changes.add(new Change(consumerId, "lost", Set.copyOf(lost)));
    }

    @Override
    public void onProcessed(String consumerId, ProcessedBatch batch) {
        batch.records().forEach(r -> processed.add(new Processed(consumerId, r)));
    }

    @Override
    public void onShutdown(String consumerId) {
        shutdowns.add(consumerId);
    }

    /** Record ids ({@link WebEvent#recordId()}) in the order processed, duplicates included. */
    List<String> processedIds() {
        List<String> ids = new ArrayList<>();
        for (Processed p : processed) {
            p.record().event().ifPresent(e -> ids.add(e.recordId()));
        }
        return ids;
    }

    /** Revocations and losses seen by {@code consumerId} since change number {@code from}. */
    List<Change> takeawaysSince(String consumerId, int from) {
        List<Change> out = new ArrayList<>();
        for (Change c : changes.subList(from, changes.size())) {
            if (c.consumerId().equals(consumerId) && !c.kind().equals("assigned") && !c.partitions().isEmpty()) {
                out.add(c);
            }
        }
        return out;
    }
}
