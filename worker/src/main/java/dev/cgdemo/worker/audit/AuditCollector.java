package dev.cgdemo.worker.audit;

import dev.cgdemo.worker.verify.AssignmentChange;
import dev.cgdemo.worker.verify.AuditLog;
import dev.cgdemo.worker.verify.ProcessedRange;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.HashSet;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Collects one group's entries from {@code <topic>.audit} records into the verifier's input. Used by the one-shot
 * {@link AuditReader} and by readers that follow the audit and call {@link #readToEnd} again and again.
 */
public final class AuditCollector {

    private final String topic;
    private final String group;
    private final AuditJson json = new AuditJson();
    private final List<ProcessedRange> batches = new ArrayList<>();
    private final List<AssignmentChange> changes = new ArrayList<>();
    /**
     * Batch entries kept as they came (not merged by {@link #compact}) and every change, to drop an entry read twice:
     * the publisher sends an entry again when the broker's answer did not arrive in time, and the first one may
     * have been stored all the same. The same member, partition, offsets and processing times cannot happen twice.
     */
    private final Set<ProcessedRange> seenBatches = new HashSet<>();
    private final Set<AssignmentChange> seenChanges = new HashSet<>();
    private long skipped;

    public AuditCollector(String topic, String group) {
        this.topic = topic;
        this.group = group;
    }

    /**
     * Polls {@code consumer} until its position reaches {@code ends} on every partition, keeping this group's entries.
     *
     * @return false when {@code limit} ran out first (what was read so far is kept)
     */
    public boolean readToEnd(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> ends, Duration limit) {
        Instant deadline = Instant.now().plus(limit);
        while (!ends.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue())) {
            if (Instant.now().isAfter(deadline)) {
                return false;
            }
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                add(record.value());
            }
        }
        return true;
    }

    /** Keeps {@code value} if it is an audit entry of this topic and group; counts it as skipped if it is no entry. */
    public void add(String value) {
        AuditEntry entry;
        try {
            entry = json.read(value);
        } catch (IllegalArgumentException e) {
            skipped++;
            return;
        }
        if (!topic.equals(entry.topic()) || !group.equals(entry.group())) {
            return;
        }
        if (entry.isBatch()) {
            ProcessedRange range = entry.toRange();
            if (seenBatches.add(range)) {
                batches.add(range);
            }
        } else {
            AssignmentChange change = entry.toChange();
            if (seenChanges.add(change)) {
                changes.add(change);
            }
        }
    }

    /**
     * Merges the batch entries processed before {@code before} that continue one another: same member, partition and
     * generation, offsets following on, and no assignment change of that member in between. What the verifier
     * reports from them stays the same (processed, lost, duplicates, each handover's pause), while the entries kept
     * grow with rebalances instead of with polls, so a reader that follows the audit for days stays small. Only the
     * group-wide stop can no longer be seen inside a merged stretch; keep recent entries as they are for that.
     *
     * @return how many entries were merged away
     */
    public int compact(Instant before) {
        List<ProcessedRange> old = new ArrayList<>();
        List<ProcessedRange> recent = new ArrayList<>();
        for (ProcessedRange batch : batches) {
            (batch.lastProcessedAt().isBefore(before) ? old : recent).add(batch);
        }
        Map<String, NavigableSet<Instant>> changeTimes = new HashMap<>();
        for (AssignmentChange change : changes) {
            changeTimes.computeIfAbsent(change.member(), m -> new TreeSet<>()).add(change.at());
        }
        old.sort(Comparator.comparingInt(ProcessedRange::partition).thenComparing(ProcessedRange::member)
                .thenComparingInt(ProcessedRange::generation).thenComparingLong(ProcessedRange::firstOffset));
        List<ProcessedRange> merged = new ArrayList<>();
        for (ProcessedRange next : old) {
            ProcessedRange last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && continues(last, next, changeTimes.getOrDefault(next.member(), Collections.emptyNavigableSet()))) {
                merged.set(merged.size() - 1, new ProcessedRange(last.member(), last.generation(), last.partition(),
                        last.firstOffset(), next.lastOffset(), last.count() + next.count(), last.firstProcessedAt(),
                        next.lastProcessedAt()));
            } else {
                merged.add(next);
            }
        }
        int removed = old.size() - merged.size();
        batches.clear();
        batches.addAll(merged);
        batches.addAll(recent);
        seenBatches.clear();
        seenBatches.addAll(recent);
        return removed;
    }

    private static boolean continues(ProcessedRange last, ProcessedRange next, NavigableSet<Instant> memberChanges) {
        if (last.partition() != next.partition() || !last.member().equals(next.member())
                || last.generation() != next.generation() || next.firstOffset() != last.lastOffset() + 1
                || next.firstProcessedAt().isBefore(last.lastProcessedAt())) {
            return false;
        }
        Instant change = memberChanges.ceiling(last.lastProcessedAt());
        return change == null || change.isAfter(next.firstProcessedAt());
    }

    /** Batch entries kept (after {@link #compact}, merged ones count once). */
    public int batchCount() {
        return batches.size();
    }

    /** Records read that were not audit entries. */
    public long skipped() {
        return skipped;
    }

    /** Everything kept so far. */
    public AuditLog log() {
        return new AuditLog(batches, changes);   // AuditLog copies
    }
}
