package dev.cgdemo.worker.history;

import java.time.Instant;
import java.util.Objects;

/**
 * What one member processed from one partition in one poll batch: offsets {@code firstOffset..lastOffset}
 * (inclusive), {@code count} records, processed between {@code firstProcessedAt} and {@code lastProcessedAt}.
 */
public record ProcessedRange(
        String member,
        int generation,
        int partition,
        long firstOffset,
        long lastOffset,
        int count,
        Instant firstProcessedAt,
        Instant lastProcessedAt) {

    public ProcessedRange {
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(firstProcessedAt, "firstProcessedAt");
        Objects.requireNonNull(lastProcessedAt, "lastProcessedAt");
        if (lastOffset < firstOffset) {
            throw new IllegalArgumentException("lastOffset " + lastOffset + " < firstOffset " + firstOffset);
        }
    }

    public OffsetRange offsets() {
        return new OffsetRange(firstOffset, lastOffset);
    }
}
