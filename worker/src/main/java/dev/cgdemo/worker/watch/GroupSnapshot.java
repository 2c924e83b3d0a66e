package dev.cgdemo.worker.watch;

import dev.cgdemo.worker.history.PartitionOffsets;
import java.time.Instant;
import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;

/**
 * The group and its topic as the Admin client saw them at one moment, the way {@code kafka-consumer-groups
 * --describe} shows them. Whether the group is settled is not this record's business: {@code GroupHistory} says.
 *
 * @param state       e.g. Stable, PreparingRebalance, Reconciling, Empty; {@code NoGroupYet} before the group exists
 * @param protocol    classic or consumer; null before the group exists
 * @param generation  the classic generation or the consumer protocol's group epoch, when Kafka tells
 * @param members     client id to the partitions of the topic it owns (members owning nothing included)
 * @param reconciled  every member owns its target assignment (always true for classic groups)
 * @param unavailable why the group could not be read, or null when it could (then the other fields are empty)
 */
public record GroupSnapshot(Instant time, String groupId, String topic, String state, String protocol,
                            Integer generation, SortedMap<String, SortedSet<Integer>> members, boolean reconciled,
                            List<PartitionRow> rows, String unavailable) {

    public static final String NO_GROUP_YET = "NoGroupYet";

    public GroupSnapshot {
        members = new TreeMap<>(members);
        rows = List.copyOf(rows);
    }

    public static GroupSnapshot unavailable(Instant time, String groupId, String topic, String why) {
        return new GroupSnapshot(time, groupId, topic, null, null, null, new TreeMap<>(), false, List.of(), why);
    }

    public boolean available() {
        return unavailable == null;
    }

    /** Partition to owning client id, for owned partitions. */
    public SortedMap<Integer, String> owners() {
        SortedMap<Integer, String> owners = new TreeMap<>();
        members.forEach((client, partitions) -> partitions.forEach(p -> owners.put(p, client)));
        return owners;
    }

    /** A state in which every member holds its final assignment: what is described is not half-way. */
    public boolean atRest() {
        return available() && reconciled && ("Stable".equals(state) || "Empty".equals(state));
    }

    public long totalLag() {
        return rows.stream().mapToLong(PartitionRow::lag).sum();
    }

    public List<PartitionOffsets> offsets() {
        return rows.stream()
                .map(row -> new PartitionOffsets(row.partition(), row.start(), row.committedOrStart(),
                        Math.max(row.start(), row.end())))
                .toList();
    }

    /** The same observation with the offsets and owners left out: what changes only on group-level events. */
    public GroupSnapshot shape() {
        return new GroupSnapshot(Instant.EPOCH, groupId, topic, state, protocol, generation, members, reconciled,
                rows.stream().map(row -> new PartitionRow(row.partition(), row.owner(), null, 0, 0)).toList(),
                unavailable);
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
}
