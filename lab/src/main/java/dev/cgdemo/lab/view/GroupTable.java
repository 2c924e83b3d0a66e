package dev.cgdemo.lab.view;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import dev.cgdemo.worker.watch.GroupSnapshot;
import dev.cgdemo.worker.watch.GroupWatch;
import dev.cgdemo.worker.watch.PartitionRow;

/**
 * Renders a read of the group the way {@code kafka-consumer-groups --describe} does, plus the group's state. The
 * offsets come from the read; the owners from the group's history when it follows the audit (the same owners the
 * lab's steps and rebalances show), else from the read.
 */
public final class GroupTable {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());
    private static final String NONE = "-";

    private GroupTable() {
    }

    /** The watch's latest read, empty before the first. */
    public static Optional<String> render(GroupWatch watch) {
        return render(watch, UnaryOperator.identity());
    }

    /** As {@link #render(GroupWatch)}, with {@code paintOwner} around each row's client id (a terminal colour). */
    public static Optional<String> render(GroupWatch watch, UnaryOperator<String> paintOwner) {
        return watch.latest().map(snapshot -> render(snapshot,
                watch.auditing() ? watch.history().owners() : snapshot.owners(), paintOwner));
    }

    /** @param owners partition to owning client id; partitions left out show {@code -} */
    public static String render(GroupSnapshot snapshot, Map<Integer, String> owners) {
        return render(snapshot, owners, UnaryOperator.identity());
    }

    public static String render(GroupSnapshot snapshot, Map<Integer, String> owners, UnaryOperator<String> paintOwner) {
        StringBuilder out = new StringBuilder();
        if (!snapshot.available()) {
            return out.append(String.format("%s  GROUP %s  UNAVAILABLE: %s%n", TIME.format(snapshot.time()),
                    snapshot.groupId(), snapshot.unavailable())).toString();
        }
        out.append(String.format("%s  GROUP %s  STATE %s  PROTOCOL %s  MEMBERS %d  TOTAL-LAG %d%n",
                TIME.format(snapshot.time()), snapshot.groupId(), snapshot.state(),
                snapshot.protocol() == null ? NONE : snapshot.protocol(), snapshot.members().size(),
                snapshot.totalLag()));
        out.append(String.format("%-24s %-9s %-14s %-14s %-6s %s%n",
                "TOPIC", "PARTITION", "CURRENT-OFFSET", "LOG-END-OFFSET", "LAG", "CLIENT-ID"));
        for (PartitionRow row : snapshot.rows()) {
            out.append(String.format("%-24s %-9d %-14s %-14d %-6d %s%n", snapshot.topic(), row.partition(),
                    row.committed() == null ? NONE : String.valueOf(row.committed()),
                    row.end(), row.lag(), owners.containsKey(row.partition())
                            ? paintOwner.apply(owners.get(row.partition())) : NONE));
        }
        return out.toString();
    }
}
