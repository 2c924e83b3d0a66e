package dev.cgdemo.worker.verify;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Groups assignment changes into rebalances and works out, per rebalance, which partition went from whom
 * to whom and when. Knows nothing about processed records; pauses are measured by the caller.
 */
final class OwnershipTimeline {

    /** Partition {@code partition} went from {@code from} to {@code to}; {@code to} got it at {@code handedAt}. */
    record Transfer(int partition, String from, String to, Instant handedAt) {
    }

    /** One rebalance before pauses are known. */
    record Step(int number, Instant start, Instant end, boolean eager, List<Transfer> transfers) {
    }

    private static final Comparator<AssignmentChange> IN_TIME_ORDER =
            Comparator.comparing(AssignmentChange::at).thenComparing(change -> change.takesAway() ? 0 : 1);

    private final List<Step> steps;

    OwnershipTimeline(List<AssignmentChange> changes, Duration rebalanceGap) {
        this.steps = buildSteps(changes.stream().sorted(IN_TIME_ORDER).toList(), rebalanceGap);
    }

    List<Step> steps() {
        return steps;
    }

    /**
     * The number of the latest rebalance that handed {@code partition} to {@code member} after {@code after}
     * and no later than {@code notAfter}; null if none did.
     */
    Integer handedBetween(int partition, String member, Instant after, Instant notAfter) {
        Integer found = null;
        for (Step step : steps) {
            for (Transfer transfer : step.transfers()) {
                if (transfer.partition() == partition && member.equals(transfer.to())
                        && transfer.handedAt().isAfter(after) && !transfer.handedAt().isAfter(notAfter)) {
                    found = step.number();
                }
            }
        }
        return found;
    }

    private static List<Step> buildSteps(List<AssignmentChange> sorted, Duration gap) {
        List<Step> result = new ArrayList<>();
        Map<Integer, String> lastOwner = new HashMap<>();
        Map<Integer, String> currentOwner = new HashMap<>();
        int begin = 0;
        for (int i = 1; i <= sorted.size(); i++) {
            boolean clusterEnds = i == sorted.size()
                    || Duration.between(sorted.get(i - 1).at(), sorted.get(i).at()).compareTo(gap) > 0;
            if (clusterEnds && begin < sorted.size()) {
                result.add(step(result.size() + 1, sorted.subList(begin, i), lastOwner, currentOwner));
                begin = i;
            }
        }
        return List.copyOf(result);
    }

    /**
     * Each assignment of a partition is a transfer from its previous owner, so a burst of changes that chains
     * (a to b, then b to c) keeps every hand; a partition given up and not given to anyone by the end of the
     * burst is a transfer to nobody.
     */
    private static Step step(int number, List<AssignmentChange> cluster,
                             Map<Integer, String> lastOwner, Map<Integer, String> currentOwner) {
        Map<String, Set<Integer>> ownedBefore = partitionsByMember(currentOwner);
        Map<String, Set<Integer>> givenUp = new HashMap<>();
        Set<String> participants = new HashSet<>();
        List<Transfer> transfers = new ArrayList<>();
        Set<Integer> givenUpLast = new java.util.TreeSet<>();

        for (AssignmentChange change : cluster) {
            for (int partition : change.partitions()) {
                if (change.takesAway()) {
                    currentOwner.remove(partition, change.member());
                    givenUp.computeIfAbsent(change.member(), m -> new HashSet<>()).add(partition);
                    givenUpLast.add(partition);
                } else {
                    transfers.add(new Transfer(partition, lastOwner.get(partition), change.member(), change.at()));
                    currentOwner.put(partition, change.member());
                    lastOwner.put(partition, change.member());
                    givenUpLast.remove(partition);
                }
            }
            if (!change.takesAway() && ownedBefore.containsKey(change.member())) {
                participants.add(change.member());
            }
        }
        for (int partition : givenUpLast) {
            if (!currentOwner.containsKey(partition)) {
                transfers.add(new Transfer(partition, lastOwner.get(partition), null, null));
            }
        }
        transfers.sort(java.util.Comparator.comparingInt(Transfer::partition));

        boolean eager = !participants.isEmpty() && participants.stream()
                .allMatch(member -> givenUp.getOrDefault(member, Set.of()).containsAll(ownedBefore.get(member)));
        return new Step(number, cluster.get(0).at(), cluster.get(cluster.size() - 1).at(), eager, transfers);
    }

    private static Map<String, Set<Integer>> partitionsByMember(Map<Integer, String> owners) {
        Map<String, Set<Integer>> result = new LinkedHashMap<>();
        owners.forEach((partition, member) -> result.computeIfAbsent(member, m -> new HashSet<>()).add(partition));
        return result;
    }
}
