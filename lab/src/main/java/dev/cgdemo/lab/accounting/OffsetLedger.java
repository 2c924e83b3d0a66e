package dev.cgdemo.lab.accounting;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which offsets of one topic have been consumed, and how often, from the consumers'
 * {@code records_consumed} batches (partition, min offset, max offset, count).
 * Compared with the log-end offsets it tells what was lost and what was consumed twice.
 * Thread-safe: every consumer process reports from its own reader thread.
 */
public final class OffsetLedger {
    private final Map<Integer, List<OffsetRange>> consumedByPartition = new HashMap<>();
    private long consumed;
    private long irregularBatches;

    /** Records that one consumer got {@code count} records of {@code partition} spanning {@code minOffset..maxOffset}. */
    public synchronized void recordBatch(int partition, long minOffset, long maxOffset, long count) {
        OffsetRange range = new OffsetRange(minOffset, maxOffset);
        // An idempotent, non-transactional producer writes contiguous offsets; anything else is reported, not guessed at.
        if (count != range.size()) {
            irregularBatches++;
        }
        consumedByPartition.computeIfAbsent(partition, p -> new ArrayList<>()).add(range);
        consumed += count;
    }

    public synchronized long consumed() {
        return consumed;
    }

    /** Whether every offset below {@code endOffsets} has been consumed at least once. */
    public synchronized boolean coversAll(Map<Integer, Long> endOffsets) {
        return reconcile(endOffsets).lost() == 0;
    }

    /**
     * Compares what was consumed with the log: every offset in {@code [0, end)} of each partition should
     * have been consumed exactly once. Offsets at or past the end are ignored.
     */
    public synchronized DeliveryReport reconcile(Map<Integer, Long> endOffsets) {
        long produced = 0;
        long lost = 0;
        long duplicates = 0;
        Map<Integer, List<OffsetRange>> missing = new TreeMap<>();
        Map<Integer, List<OffsetRange>> repeated = new TreeMap<>();
        for (Map.Entry<Integer, Long> entry : endOffsets.entrySet()) {
            int partition = entry.getKey();
            long end = entry.getValue();
            produced += end;
            Coverage coverage = coverage(consumedByPartition.getOrDefault(partition, List.of()), end);
            lost += coverage.uncovered();
            duplicates += coverage.extra();
            if (!coverage.gaps().isEmpty()) {
                missing.put(partition, coverage.gaps());
            }
            if (!coverage.repeats().isEmpty()) {
                repeated.put(partition, coverage.repeats());
            }
        }
        return new DeliveryReport(produced, consumed, lost, duplicates, missing, repeated, irregularBatches);
    }

    private record Coverage(long uncovered, long extra, List<OffsetRange> gaps, List<OffsetRange> repeats) {
    }

    /** Sweeps over range boundaries: how many times each offset in [0, end) was consumed. */
    private static Coverage coverage(List<OffsetRange> ranges, long end) {
        TreeMap<Long, Integer> deltas = new TreeMap<>();
        deltas.put(0L, 0);
        deltas.put(end, 0);
        for (OffsetRange range : ranges) {
            if (range.first() >= end) {
                continue;
            }
            deltas.merge(range.first(), 1, Integer::sum);
            deltas.merge(Math.min(range.last() + 1, end), -1, Integer::sum);
        }
        long uncovered = 0;
        long extra = 0;
        List<OffsetRange> gaps = new ArrayList<>();
        List<OffsetRange> repeats = new ArrayList<>();
        int depth = 0;
        Long segmentStart = null;
        for (Map.Entry<Long, Integer> boundary : deltas.entrySet()) {
            long offset = boundary.getKey();
            if (segmentStart != null && offset > segmentStart && segmentStart < end) {
                long segmentEnd = Math.min(offset, end);
                long length = segmentEnd - segmentStart;
                if (depth == 0) {
                    uncovered += length;
                    gaps.add(new OffsetRange(segmentStart, segmentEnd - 1));
                } else if (depth > 1) {
                    extra += (long) (depth - 1) * length;
                    addJoined(repeats, new OffsetRange(segmentStart, segmentEnd - 1));
                }
            }
            depth += boundary.getValue();
            segmentStart = offset;
        }
        return new Coverage(uncovered, extra, gaps, repeats);
    }

    /** Adds {@code range}, joined to the last one when it follows on (segments of different depths meet). */
    private static void addJoined(List<OffsetRange> ranges, OffsetRange range) {
        if (!ranges.isEmpty() && ranges.get(ranges.size() - 1).last() + 1 == range.first()) {
            ranges.set(ranges.size() - 1, new OffsetRange(ranges.get(ranges.size() - 1).first(), range.last()));
        } else {
            ranges.add(range);
        }
    }
}
