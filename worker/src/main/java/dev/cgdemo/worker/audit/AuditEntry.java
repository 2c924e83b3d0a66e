package dev.cgdemo.worker.audit;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.cgdemo.worker.history.AssignmentChange;
import dev.cgdemo.worker.history.ProcessedRange;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * One line of the audit topic, as JSON. {@code type} is {@code batch} (what a member processed of one partition in
 * one poll) or {@code assigned} / {@code revoked} / {@code lost} (a rebalance callback). Fields that do not apply
 * to a type are left out.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditEntry(
        String type,
        String topic,
        String group,
        String member,
        int generation,
        Integer partition,
        Long firstOffset,
        Long lastOffset,
        Integer count,
        Instant firstProcessedAt,
        Instant lastProcessedAt,
        List<Integer> partitions,
        Instant at) {

    public static final String BATCH = "batch";

    public static AuditEntry batch(String topic, String group, ProcessedRange range) {
        return new AuditEntry(BATCH, topic, group, range.member(), range.generation(), range.partition(),
                range.firstOffset(), range.lastOffset(), range.count(), range.firstProcessedAt(),
                range.lastProcessedAt(), null, null);
    }

    public static AuditEntry assignment(String topic, String group, AssignmentChange change) {
        return new AuditEntry(change.kind().name().toLowerCase(Locale.ROOT), topic, group, change.member(),
                change.generation(), null, null, null, null, null, null, change.partitions(), change.at());
    }

    @JsonIgnore
    public boolean isBatch() {
        return BATCH.equals(type);
    }

    public ProcessedRange toRange() {
        return new ProcessedRange(member, generation, partition, firstOffset, lastOffset, count,
                firstProcessedAt, lastProcessedAt);
    }

    public AssignmentChange toChange() {
        return new AssignmentChange(member, generation, AssignmentChange.Kind.valueOf(type.toUpperCase(Locale.ROOT)),
                partitions, at);
    }
}
