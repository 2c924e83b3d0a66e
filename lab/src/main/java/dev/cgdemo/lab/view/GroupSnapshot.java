package dev.cgdemo.lab.view;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The group as the Admin client saw it at one moment.
 *
 * @param state            e.g. Stable, PreparingRebalance, Reconciling, Empty; {@code unknown} if it could not be read
 * @param protocol         classic or consumer
 * @param members          client id to the partitions it owns (members owning nothing included)
 * @param reconciled       every member owns exactly its target assignment (always true for classic groups)
 */
public record GroupSnapshot(Instant time, String state, String protocol, List<PartitionRow> rows,
                            SortedMap<String, SortedSet<Integer>> members, boolean reconciled) {

    public GroupSnapshot {
        rows = List.copyOf(rows);
        members = new TreeMap<>(members);
    }

    /** A group that could not be described; {@code state} says why (e.g. NoGroupYet, unknown). */
    public static GroupSnapshot unknown(Instant time, String state, List<PartitionRow> rows) {
        return new GroupSnapshot(time, state, "-", rows, new TreeMap<>(), false);
    }

    /** Partition to owning client id, for assigned partitions only. */
    public SortedMap<Integer, String> owners() {
        SortedMap<Integer, String> owners = new TreeMap<>();
        members.forEach((client, partitions) -> partitions.forEach(p -> owners.put(p, client)));
        return owners;
    }

    /** Stable, every partition owned, every member at its target: a rebalance has finished. */
    public boolean settled(int partitionCount) {
        return state.equalsIgnoreCase("Stable") && reconciled && owners().keySet().equals(allPartitions(partitionCount));
    }

    /** Settled, and the members are exactly {@code expectedClientIds}. */
    public boolean settledWith(Collection<String> expectedClientIds, int partitionCount) {
        return settled(partitionCount) && members.keySet().equals(Set.copyOf(expectedClientIds));
    }

    public long totalLag() {
        return rows.stream().mapToLong(PartitionRow::lag).sum();
    }

    /** {@code consumer-1=[0] consumer-3=[1, 2]}. */
    public String ownershipText() {
        StringBuilder text = new StringBuilder();
        members.forEach((client, partitions) -> {
            if (text.length() > 0) {
                text.append(' ');
            }
            text.append(client).append('=').append(partitions);
        });
        return text.length() == 0 ? "(no members)" : text.toString();
    }

    private static SortedSet<Integer> allPartitions(int partitionCount) {
        SortedSet<Integer> all = new TreeSet<>();
        for (int p = 0; p < partitionCount; p++) {
            all.add(p);
        }
        return all;
    }
}
