package dev.cgdemo.worker.watch;

import dev.cgdemo.worker.history.AssignmentChange;
import dev.cgdemo.worker.history.GroupHistory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Without an audit (consumers run with {@code --no-audit}), the history is fed from describing the group: each
 * described assignment at rest is turned into the callbacks the members would have reported, revokes first. Coarser
 * than the audit (as fine as the describe interval, and no pauses), but the same rules make the rebalances.
 */
final class DescribedAssignments {

    private Map<String, SortedSet<Integer>> last = new TreeMap<>();

    void feed(GroupSnapshot snapshot, GroupHistory history) {
        if (!snapshot.atRest()) {
            return;
        }
        int generation = snapshot.generation() == null ? -1 : snapshot.generation();
        List<AssignmentChange> revokes = new ArrayList<>();
        List<AssignmentChange> assigns = new ArrayList<>();
        Map<String, SortedSet<Integer>> now = snapshot.members();
        last.forEach((member, owned) -> {
            SortedSet<Integer> gone = new TreeSet<>(owned);
            gone.removeAll(now.getOrDefault(member, new TreeSet<>()));
            if (!gone.isEmpty()) {
                revokes.add(new AssignmentChange(member, generation, AssignmentChange.Kind.REVOKED,
                        List.copyOf(gone), snapshot.time()));
            }
        });
        now.forEach((member, owned) -> {
            SortedSet<Integer> added = new TreeSet<>(owned);
            added.removeAll(last.getOrDefault(member, new TreeSet<>()));
            if (!added.isEmpty() || !last.containsKey(member)) {
                assigns.add(new AssignmentChange(member, generation, AssignmentChange.Kind.ASSIGNED,
                        List.copyOf(added), snapshot.time()));
            }
        });
        revokes.forEach(history::assignment);
        assigns.forEach(history::assignment);
        last = new TreeMap<>(now);
    }
}
