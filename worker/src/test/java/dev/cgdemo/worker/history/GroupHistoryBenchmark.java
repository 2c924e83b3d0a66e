package dev.cgdemo.worker.history;

import static dev.cgdemo.worker.history.AssignmentChange.Kind.ASSIGNED;
import static dev.cgdemo.worker.history.AssignmentChange.Kind.REVOKED;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What a GroupHistory holds after hours of a busy group, in bytes per partition-hour: 100 partitions, 10 members,
 * one poll per member and second (a batch entry per partition it owns), offsets every 3 s and a member leaving and
 * coming back every minute. Run with {@code ./mvnw -pl worker test -Dtest=GroupHistoryBenchmark -Dsurefire.excludedGroups=}.
 */
@Tag("benchmark")
class GroupHistoryBenchmark {

    private static final int PARTITIONS = 100;
    private static final int MEMBERS = 10;
    private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");

    @Test
    void printMemoryPerPartitionHour() {
        for (int hours : new int[] {1, 2, 4}) {
            long before = usedHeapAfterGc();
            GroupHistory history = run(hours);
            long after = usedHeapAfterGc();
            System.out.printf("BENCHMARK GroupHistory after %d h of %d partitions: %d items kept, %d KiB retained, "
                    + "%d bytes per partition-hour%n", hours, PARTITIONS, history.retainedItems(), (after - before) >> 10,
                    (after - before) / ((long) PARTITIONS * hours));
            if (history.rebalanceCount() < 0) {
                throw new AssertionError("keep the history reachable until here");
            }
        }
    }

    private static GroupHistory run(int hours) {
        GroupHistory history = new GroupHistory(PARTITIONS, Duration.ofSeconds(3));
        long[] next = new long[PARTITIONS];
        int generation = 1;
        List<String> members = new ArrayList<>();
        for (int m = 0; m < MEMBERS; m++) {
            members.add("consumer-" + m);
        }
        assign(history, members, generation, T0);
        for (int second = 1; second < hours * 3600; second++) {
            Instant now = T0.plusSeconds(second);
            if (second % 60 == 0) {
                // the last member leaves cleanly, then comes back half a minute later
                history.assignment(new AssignmentChange("consumer-9", generation, REVOKED, owned(9, MEMBERS), now));
                assign(history, members.subList(0, MEMBERS - 1), ++generation, now.plusMillis(300));
            } else if (second % 60 == 30) {
                for (int m = 0; m < MEMBERS - 1; m++) {
                    history.assignment(new AssignmentChange("consumer-" + m, generation, REVOKED, List.of(), now));
                }
                assign(history, members, ++generation, now.plusMillis(300));
            }
            var owners = history.owners();
            for (int p = 0; p < PARTITIONS; p++) {
                String owner = owners.get(p);
                if (owner != null) {
                    history.processed(new ProcessedRange(owner, generation, p, next[p], next[p] + 4, 5, now,
                            now.plusMillis(2)));
                    next[p] += 5;
                }
            }
            if (second % 3 == 0) {
                List<PartitionOffsets> offsets = new ArrayList<>();
                for (int p = 0; p < PARTITIONS; p++) {
                    offsets.add(new PartitionOffsets(p, 0, next[p], next[p] + 1));
                }
                history.offsets(now, offsets);
            }
        }
        return history;
    }

    /** Round robin over {@code members}; each gets the partitions it did not have (a partition stays put otherwise). */
    private static void assign(GroupHistory history, List<String> members, int generation, Instant at) {
        for (int m = 0; m < members.size(); m++) {
            List<Integer> share = new ArrayList<>();
            for (int p = m; p < PARTITIONS; p += members.size()) {
                share.add(p);
            }
            history.assignment(new AssignmentChange(members.get(m), generation, ASSIGNED, share, at));
        }
    }

    private static List<Integer> owned(int member, int of) {
        List<Integer> partitions = new ArrayList<>();
        for (int p = member; p < PARTITIONS; p += of) {
            partitions.add(p);
        }
        return partitions;
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
