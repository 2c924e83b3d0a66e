package dev.cgdemo.worker.view;

import dev.cgdemo.worker.history.AssignmentChange;
import dev.cgdemo.worker.history.GroupHistory;
import dev.cgdemo.worker.history.PartitionOffsets;
import dev.cgdemo.worker.history.ProcessedRange;
import dev.cgdemo.worker.watch.GroupSnapshot;
import dev.cgdemo.worker.watch.PartitionRow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A made-up group for the page at its largest: {@code partitions} partitions, {@code members} members, a history of
 * {@code span} in which every minute one member hands its partitions to the next, records processed and offsets read
 * every 2 s. {@link #advance} adds the next seconds, for updates.
 */
final class BusyGroup implements ViewSource {

    private final GroupHistory history;
    private final int partitions;
    private final int members;
    private final long[] end;
    private final long[] committed;
    private final String[] owner;
    private int generation = 1;
    private int rebalances;
    private Instant time;
    private GroupSnapshot snapshot;

    BusyGroup(int partitions, int members, Duration span, Instant now) {
        this.history = new GroupHistory(partitions, Duration.ofSeconds(3));
        this.partitions = partitions;
        this.members = members;
        this.end = new long[partitions];
        this.committed = new long[partitions];
        this.owner = new String[partitions];
        this.time = now.minus(span);
        for (int m = 1; m <= members; m++) {
            List<Integer> owned = new ArrayList<>();
            for (int p = m - 1; p < partitions; p += members) {
                owned.add(p);
                owner[p] = member(m);
            }
            history.assignment(new AssignmentChange(member(m), generation, AssignmentChange.Kind.ASSIGNED, owned, time));
        }
        advance(span);
    }

    static String member(int m) {
        return "consumer-" + m;
    }

    /** Lets {@code duration} pass: processing, offsets every 2 s, a handover every minute. */
    void advance(Duration duration) {
        Instant until = time.plus(duration);
        while (time.isBefore(until)) {
            time = time.plusSeconds(2);
            if (time.getEpochSecond() % 60 < 2) {
                handOver();
            }
            for (int p = 0; p < partitions; p++) {
                end[p] += 20;
                long first = committed[p];
                long last = committed[p] + 14 + (p % 5);
                history.processed(new ProcessedRange(owner[p], generation, p, first, last, (int) (last - first + 1),
                        time.minusMillis(1500), time.minusMillis(100)));
                committed[p] = last + 1;
            }
            List<PartitionOffsets> offsets = new ArrayList<>();
            for (int p = 0; p < partitions; p++) {
                offsets.add(new PartitionOffsets(p, 0, committed[p], end[p]));
            }
            history.offsets(time, offsets);
        }
        snapshot = snapshot();
    }

    /** The owner of the next partition in turn gives it to a member after it (cooperative: only that one moves). */
    private void handOver() {
        int p = rebalances % partitions;
        rebalances++;
        String from = owner[p];
        int fromNumber = Integer.parseInt(from.substring("consumer-".length()));
        String to = member(fromNumber % members + 1);
        generation++;
        Instant at = time.minusMillis(1800);
        history.assignment(new AssignmentChange(from, generation, AssignmentChange.Kind.REVOKED, List.of(p), at));
        history.assignment(new AssignmentChange(from, generation, AssignmentChange.Kind.ASSIGNED, List.of(), at.plusMillis(20)));
        for (int m = 1; m <= members; m++) {
            if (!member(m).equals(from) && !member(m).equals(to)) {
                history.assignment(new AssignmentChange(member(m), generation, AssignmentChange.Kind.ASSIGNED, List.of(),
                        at.plusMillis(30)));
            }
        }
        history.assignment(new AssignmentChange(to, generation, AssignmentChange.Kind.ASSIGNED, List.of(p), at.plusMillis(40)));
        owner[p] = to;
    }

    private GroupSnapshot snapshot() {
        SortedMap<String, SortedSet<Integer>> owned = new TreeMap<>();
        for (int m = 1; m <= members; m++) {
            owned.put(member(m), new TreeSet<>());
        }
        List<PartitionRow> rows = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            owned.get(owner[p]).add(p);
            rows.add(new PartitionRow(p, owner[p], committed[p], 0, end[p]));
        }
        return new GroupSnapshot(time, "busy-group", "busy-topic", "Stable", "classic", generation, owned, true, rows, null);
    }

    int rebalances() {
        return rebalances;
    }

    @Override
    public GroupHistory history() {
        return history;
    }

    @Override
    public synchronized Optional<GroupSnapshot> latest() {
        return Optional.of(snapshot);
    }

    @Override
    public synchronized Optional<GroupSnapshot> lastAvailable() {
        return Optional.of(snapshot);
    }

    @Override
    public boolean auditing() {
        return true;
    }
}
