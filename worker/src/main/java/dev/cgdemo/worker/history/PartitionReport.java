package dev.cgdemo.worker.history;


import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One partition's delivery: {@code processed} distinct offsets; {@code lostRanges} below the committed
 * position that nobody processed; {@code duplicateRanges} processed more than once.
 */
public record PartitionReport(
        int partition,
        long start,
        long committed,
        long end,
        long processed,
        List<OffsetRange> lostRanges,
        List<DuplicateRange> duplicateRanges) {

    public PartitionReport {
        lostRanges = List.copyOf(lostRanges);
        duplicateRanges = List.copyOf(duplicateRanges);
    }

    @JsonProperty
    public long lost() {
        return lostRanges.stream().mapToLong(OffsetRange::size).sum();
    }

    @JsonProperty
    public long duplicates() {
        return duplicateRanges.stream().mapToLong(d -> d.offsets().size()).sum();
    }

    /** Offsets at or above the committed position: not lost, just not committed yet. */
    @JsonProperty
    public long uncommitted() {
        return end - committed;
    }
}
