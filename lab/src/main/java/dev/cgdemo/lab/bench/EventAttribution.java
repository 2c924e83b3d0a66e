package dev.cgdemo.lab.bench;

import dev.cgdemo.worker.history.DuplicateRange;
import dev.cgdemo.worker.history.PartitionReport;
import dev.cgdemo.worker.history.Rebalance;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Gives each event the rebalances that started from it up to the next event (the last one: up to {@code end}, when
 * the producer stopped), and the duplicates of those rebalances by the numbers the history's duplicate ranges carry.
 * Rebalances before the first event (start-up) and from {@code end} on (shutdown) belong to no event.
 */
public final class EventAttribution {

    private EventAttribution() {
    }

    public static List<EventOutcome> attribute(List<GroupEvent> events, Instant end, List<Rebalance> rebalances,
                                               List<PartitionReport> partitions) {
        Map<Integer, Long> duplicatesByRebalance = duplicatesByRebalance(partitions);
        List<EventOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            Instant from = events.get(i).at();
            Instant to = i + 1 < events.size() ? events.get(i + 1).at() : end;
            List<Rebalance> own = rebalances.stream()
                    .filter(r -> !r.start().isBefore(from) && r.start().isBefore(to))
                    .toList();
            long duplicates = own.stream().mapToLong(r -> duplicatesByRebalance.getOrDefault(r.number(), 0L)).sum();
            outcomes.add(new EventOutcome(events.get(i), own, duplicates));
        }
        return outcomes;
    }

    /** Duplicated offsets per rebalance number; those no rebalance caused are left out. */
    static Map<Integer, Long> duplicatesByRebalance(List<PartitionReport> partitions) {
        Map<Integer, Long> byRebalance = new HashMap<>();
        for (PartitionReport partition : partitions) {
            for (DuplicateRange range : partition.duplicateRanges()) {
                if (range.rebalance() != null) {
                    byRebalance.merge(range.rebalance(), range.offsets().size(), Long::sum);
                }
            }
        }
        return byRebalance;
    }
}
