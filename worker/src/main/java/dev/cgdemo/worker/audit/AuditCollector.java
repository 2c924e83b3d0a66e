package dev.cgdemo.worker.audit;

import dev.cgdemo.worker.history.AssignmentChange;
import dev.cgdemo.worker.verify.AuditLog;
import dev.cgdemo.worker.history.ProcessedRange;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Collects one group's entries from {@code <topic>.audit} records into the verifier's input, for the one-shot
 * {@link AuditReader}. (Readers that follow the audit feed a {@code GroupHistory} instead: {@code GroupWatch}.)
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
    private final RepeatedEntries repeats = new RepeatedEntries(RepeatedEntries.DEFAULT_CAPACITY);
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
        if (!topic.equals(entry.topic()) || !group.equals(entry.group()) || !repeats.firstTime(entry)) {
            return;
        }
        if (entry.isBatch()) {
            batches.add(entry.toRange());
        } else {
            changes.add(entry.toChange());
        }
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
