package dev.cgdemo.deploy.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** Which offsets of each partition some consumer reported as processed, and how many were processed more than once. */
final class ConsumedOffsets {

    private final Map<Integer, Map<Long, Integer>> timesByOffset = new ConcurrentHashMap<>();

    synchronized void record(int partition, long firstOffset, long lastOffset) {
        Map<Long, Integer> offsets = timesByOffset.computeIfAbsent(partition, p -> new TreeMap<>());
        for (long offset = firstOffset; offset <= lastOffset; offset++) {
            offsets.merge(offset, 1, Integer::sum);
        }
    }

    /** Offset ranges in [from, to) nobody processed, as "p1: 17-19". */
    synchronized List<String> missing(int partition, long from, long to) {
        Map<Long, Integer> offsets = timesByOffset.getOrDefault(partition, Map.of());
        List<String> gaps = new ArrayList<>();
        long gapStart = -1;
        for (long offset = from; offset < to; offset++) {
            boolean seen = offsets.containsKey(offset);
            if (!seen && gapStart < 0) {
                gapStart = offset;
            } else if (seen && gapStart >= 0) {
                gaps.add("p" + partition + ": " + gapStart + "-" + (offset - 1));
                gapStart = -1;
            }
        }
        if (gapStart >= 0) {
            gaps.add("p" + partition + ": " + gapStart + "-" + (to - 1));
        }
        return gaps;
    }

    synchronized long duplicates(int partition) {
        return timesByOffset.getOrDefault(partition, Map.of()).values().stream().mapToLong(times -> times - 1L).sum();
    }

    synchronized long distinct(int partition) {
        return timesByOffset.getOrDefault(partition, Map.of()).size();
    }
}
